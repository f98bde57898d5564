import { foldText, needKeywords, rawSolutionText, solutionText, textCoverage } from './match-text.js';

describe('match text', () => {
  it('folds full-width letters and digits and upper case, keeping offsets', () => {
    expect(foldText('ＯＥＥ看板、MES系统１２台')).toBe('oee看板、mes系统12台');
    const text = 'ＯＥＥ与MES';
    expect(foldText(text)).toHaveLength(text.length);
  });

  it('takes the need title words at double weight, then description words, without domain filler', () => {
    const keywords = needKeywords('数控机床联网及OEE统计需求', '我司希望实现设备联网，采集开机停机数据，车间看板展示OEE。');
    const weight = Object.fromEntries(keywords.map((k) => [k.word, k.weight]));
    expect(weight).toMatchObject({ 数控机床: 2, 数控: 2, 机床: 2, 联网: 2, oee: 2, 统计: 2, 采集: 1, 车间: 1 });
    // Function words, single characters and words every need uses carry no signal.
    for (const filler of ['及', '需求', '我司', '希望', '实现', '数据']) expect(weight[filler]).toBeUndefined();
    expect(keywords.map((k) => k.word).indexOf('统计')).toBeLessThan(keywords.map((k) => k.word).indexOf('采集'));
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
    const keywords = [
      { word: 'oee', weight: 2 },
      { word: '联网', weight: 2 },
      { word: '能耗', weight: 1 },
    ];
    const text = solutionText({ title: '设备联网与OEE看板', summary: '', description: '' });
    expect(textCoverage(keywords, text)).toEqual({ value: 4 / 5, matched: ['oee', '联网'] });
    expect(textCoverage([], text)).toEqual({ value: 0, matched: [] });
    expect(textCoverage(keywords, '')).toEqual({ value: 0, matched: [] });
  });

  it('matches on title, summary and description alike', () => {
    const s = { title: '标题', summary: '摘要', description: '描述' };
    expect(rawSolutionText(s)).toBe('标题\n摘要\n描述');
    for (const word of ['标题', '摘要', '描述']) expect(textCoverage([{ word, weight: 1 }], solutionText(s)).value).toBe(1);
  });
});
