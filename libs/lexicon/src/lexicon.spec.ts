import { SCENARIO_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';
import { LEXICON_DATA } from './lexicon.data.js';
import { baseLexicon, entriesOf, entryProblem, Lexicon } from './lexicon.js';
import { understand } from './understand.js';

describe('lexicon data', () => {
  const entries = entriesOf();

  it('holds at least 300 entries, every one usable', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    const bad = entries.map((e) => [e.term, entryProblem(e)]).filter(([, problem]) => problem !== null);
    expect(bad).toEqual([]);
  });

  it('maps words to existing scenario and industry codes only, and every scenario has words', () => {
    const scenarios = new Set(Object.values(LEXICON_DATA.scenarios).flat());
    for (const code of scenarios) expect(SCENARIO_CODES).toContain(code);
    for (const code of SCENARIO_CODES) expect(scenarios).toContain(code);
    for (const code of Object.values(LEXICON_DATA.industries).flat()) expect(INDUSTRY_CODES).toContain(code);
  });
});

describe('Lexicon', () => {
  const lexicon = baseLexicon();

  it('expands synonyms both ways and related words one way', () => {
    expect(lexicon.expansionsOf('省电')).toEqual(expect.arrayContaining(['节能', '节电']));
    expect(lexicon.expansionsOf('节能')).toContain('省电');
    expect(lexicon.expansionsOf('找料')).toEqual(expect.arrayContaining(['仓储', 'wms']));
    expect(lexicon.expansionsOf('wms')).not.toContain('找料');
  });

  it('reads Latin abbreviations in any case and width', () => {
    for (const typed of ['MES', 'mes', 'Mes', 'ＭＥＳ']) {
      expect(understand(typed, lexicon).groups[0]).toMatchObject({ term: 'mes', alternatives: expect.arrayContaining(['制造执行系统']) });
    }
    expect(lexicon.expansionsOf('制造执行系统')).toContain('mes');
  });

  it('does not find a Latin abbreviation inside a longer word', () => {
    expect(lexicon.longestAt('times', 2)).toBeNull();
    expect(lexicon.longestAt('mes系统', 0)).toBe('mes');
  });

  it('refuses unknown codes and empty words', () => {
    expect(entryProblem({ kind: 'scenario', term: '电费', values: ['nope'] })).toMatch(/unknown value/);
    expect(entryProblem({ kind: 'synonym', term: '  ', values: ['x'] })).toMatch(/term/);
    expect(entryProblem({ kind: 'stop', term: '嗯', values: ['x'] })).toMatch(/no values/);
    expect(entryProblem({ kind: 'related', term: '老掉线', values: [] })).toMatch(/empty/);
    expect(entryProblem({ kind: 'industry', term: '数控车床', values: ['machine_tool'] })).toBeNull();
  });

  it('compiles added entries over the data file', () => {
    const more = new Lexicon([
      ...entriesOf(),
      { kind: 'synonym', term: '老掉线', values: ['网络不稳'] },
      { kind: 'stop', term: '嗯', values: [] },
    ]);
    expect(more.expansionsOf('老掉线')).toEqual(['网络不稳']);
    expect(more.isStopWord('嗯')).toBe(true);
    expect(baseLexicon().expansionsOf('老掉线')).toEqual([]);
  });
});

describe('understand', () => {
  const lexicon = baseLexicon();

  it('drops question words and fillers, keeps what is asked, and infers scenarios', () => {
    const u = understand('老板想在手机上看车间产量', lexicon);
    expect(u.terms).toEqual(['手机上看', '车间', '产量']);
    expect(u.expanded).toEqual(expect.arrayContaining(['移动端', '看板', 'oee', '报工']));
    expect(u.scenarios).toEqual(expect.arrayContaining(['decision_support', 'production_control']));
    expect(u.onlyStopWords).toBe(false);
  });

  it('reads plain words as the professional ones', () => {
    const u = understand('设备老坏 想提前预警', lexicon);
    expect(u.terms).toEqual(expect.arrayContaining(['设备', '老坏']));
    expect(u.expanded).toEqual(expect.arrayContaining(['故障', '预测性维护']));
    expect(u.scenarios).toContain('equipment');
    expect(understand('电费太贵 怎么省电', lexicon).scenarios).toEqual(['energy']);
    expect(understand('减速机试验', lexicon).industries).toEqual(['transmission']);
  });

  it('says when a query holds stop and question words only', () => {
    expect(understand('怎么 什么 我想要', lexicon)).toMatchObject({ terms: [], groups: [], onlyStopWords: true });
    expect(understand('  ', lexicon).onlyStopWords).toBe(false);
  });

  it('lets an unfinished last word complete as a prefix, a known word not', () => {
    expect(understand('能耗监', lexicon).groups.at(-1)).toMatchObject({ prefix: true });
    expect(understand('能耗监测', lexicon).groups.at(-1)?.prefix).toBeUndefined();
    expect(understand('能耗监测 ', lexicon).groups.at(-1)?.prefix).toBeUndefined();
  });

  it('keeps each term once and at most 16', () => {
    expect(understand('MES mes MES', lexicon).terms).toEqual(['mes']);
    const long = Array.from({ length: 30 }, (_, i) => `词${String.fromCharCode(0x4e00 + i * 7)}`).join(' ');
    expect(understand(long, lexicon).terms.length).toBeLessThanOrEqual(16);
  });
});
