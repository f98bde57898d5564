import { asWritten, foldText, indexOfFolded, mentions, needKeywords, textCoverage, textValue } from './match-text.js';
import type { Keyword } from './match-text.js';

const han = (word: string, weight = 1): Keyword => ({ word, weight, latin: false });
const latin = (word: string, weight = 1): Keyword => ({ word, weight, latin: true });
const texts = (title: string, summary = '', description = '') => ({ title, summary, description });

describe('match text', () => {
  it('folds full-width letters and digits and upper case, keeping offsets', () => {
    expect(foldText('ＯＥＥ看板、MES系统１２台')).toBe('oee看板、mes系统12台');
    const text = 'ＯＥＥ与MES';
    expect(foldText(text)).toHaveLength(text.length);
    expect(foldText('数控机床')).toBe('数控机床');
  });

  it('finds a folded word in a text as written, ignoring case and width, without folding the text', () => {
    expect(indexOfFolded('设备联网与OEE看板', 'oee')).toBe(5);
    expect(indexOfFolded('设备联网与ＯｅＥ看板', 'oee')).toBe(5);
    expect(indexOfFolded('MES与mes', 'mes')).toBe(0);
    expect(indexOfFolded('OE', 'oee')).toBe(-1);
    expect(indexOfFolded('', 'oee')).toBe(-1);
    // The same answer as folding the text first, on any text.
    for (const text of ['ＭＥＳ系统', 'xMEs', 'plc-ＰＬＣ', 'SCADA与scada', '无英文']) {
      for (const word of ['mes', 'plc', 'scada', 'es']) expect(indexOfFolded(text, word)).toBe(foldText(text).indexOf(word));
    }
  });

  it('takes the need title words at double weight, then description words, without domain filler', () => {
    const keywords = needKeywords('数控机床联网及OEE统计需求', '我司希望实现设备联网，采集开机停机数据，车间看板展示OEE。');
    const weight = Object.fromEntries(keywords.map((k) => [k.word, k.weight]));
    expect(weight).toMatchObject({ 数控机床: 2, 数控: 2, 机床: 2, 联网: 2, oee: 2, 统计: 2, 采集: 1, 车间: 1 });
    // Function words, single characters and words every need uses carry no signal.
    for (const filler of ['及', '需求', '我司', '希望', '实现', '数据']) expect(weight[filler]).toBeUndefined();
    expect(keywords.map((k) => k.word).indexOf('统计')).toBeLessThan(keywords.map((k) => k.word).indexOf('采集'));
    expect(keywords.find((k) => k.word === 'oee')?.latin).toBe(true);
    expect(keywords.find((k) => k.word === '联网')?.latin).toBe(false);
  });

  it('reads a need written in plain words with the lexicon: its words, stop words out, alternatives in', () => {
    const keywords = needKeywords('电费太贵想省电', '设备老坏，老板想在手机上看');
    const words = keywords.map((k) => k.word);
    expect(words).toEqual(expect.arrayContaining(['电费', '省电', '老坏', '手机上看']));
    for (const filler of ['想', '老板']) expect(words).not.toContain(filler);
    const saving = keywords.find((k) => k.word === '省电')!;
    expect(saving.alternatives?.map((a) => a.word)).toEqual(expect.arrayContaining(['节能']));
    // A solution that says 节能 and 能耗 covers a need that says 省电 and 电费.
    const compressor = texts('空压站节能控制系统', '空压机群控', '降低能耗');
    expect(mentions(compressor, saving)).toBe(true);
    expect(asWritten(compressor, saving)).toBe('节能');
    expect(textValue(needKeywords('电费太贵想省电', ''), compressor)).toBeGreaterThan(0.5);
    expect(textValue(needKeywords('电费太贵想省电', ''), texts('电子发票与税务管理'))).toBe(0);
  });

  it('keeps at most 30 keywords, title first', () => {
    const long = Array.from(
      { length: 60 },
      (_, i) => `型号${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e80 + i * 3)}工艺`,
    ).join('，');
    const keywords = needKeywords('激光切割排产', long);
    expect(keywords.length).toBeLessThanOrEqual(30);
    expect(keywords.slice(0, 2).map((k) => k.weight)).toEqual([2, 2]);
  });

  it('measures the weighted share of keywords a text mentions', () => {
    const keywords = [latin('oee', 2), han('联网', 2), han('能耗', 1)];
    const s = texts('设备联网与OEE看板');
    expect(textValue(keywords, s)).toBe(4 / 5);
    expect(textCoverage(keywords, s)).toEqual({ value: 4 / 5, matched: [keywords[0], keywords[1]] });
    expect(textCoverage([], s)).toEqual({ value: 0, matched: [] });
    expect(textCoverage(keywords, texts(''))).toEqual({ value: 0, matched: [] });
  });

  it('matches on title, summary and description alike, never across two of them', () => {
    const s = texts('标题', '摘要', '描述');
    for (const word of ['标题', '摘要', '描述']) expect(mentions(s, han(word))).toBe(true);
    expect(mentions(texts('设备', '联网'), han('设备联网'))).toBe(false);
    expect(mentions(texts('', '', '接入ＭＥＳ'), latin('mes'))).toBe(true);
  });

  it('quotes a keyword as the solution writes it', () => {
    expect(asWritten(texts('设备联网', 'OEE看板'), latin('oee'))).toBe('OEE');
    expect(asWritten(texts('', '', 'ＯＥＥ'), latin('oee'))).toBe('ＯＥＥ');
    expect(asWritten(texts('设备联网'), han('联网'))).toBe('联网');
    expect(asWritten(texts('设备'), han('能耗'))).toBe('能耗');
  });
});
