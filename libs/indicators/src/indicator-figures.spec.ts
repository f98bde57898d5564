import { EMPTY_TALLY, breakdownOf, figuresOf, measuresOf, percent, round, seriesLinesOf, shareOfTarget } from './indicator-figures.js';
import type { Tally } from './indicator-figures.js';

const tally = (overrides: Partial<Tally> = {}): Tally => ({ ...EMPTY_TALLY, ...overrides });
const figure = (t: Tally, key: string) => figuresOf(t).find((f) => f.key === key)!;

describe('shares', () => {
  it('gives a percentage with two decimals, none without a denominator', () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 5)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });

  it('gives the share of a target with four decimals', () => {
    expect(shareOfTarget(2, 125)).toBe(0.016);
    expect(shareOfTarget(250, 125)).toBe(2);
    expect(shareOfTarget(3, 160)).toBe(0.0188);
    expect(shareOfTarget(null, 125)).toBeNull();
    expect(shareOfTarget(12, null)).toBeNull();
  });

  it('rounds half away from zero at the digit asked', () => {
    expect(round(0.12345, 4)).toBe(0.1235);
    expect(round(66.666, 2)).toBe(66.67);
  });
});

describe('figuresOf', () => {
  it('computes the level-2 share against 90% from the counts, compared unrounded', () => {
    const reached = figure(tally({ aboveScale: { atLevel2: 9, total: 10 } }), 'above_scale_level2_share');
    expect(reached).toMatchObject({ value: 90, numerator: 9, denominator: 10, target: 90, shareOfTarget: 1, met: true });
    // 89,999 of 100,000 is 89.999%: not reached, though it shows as 90.
    const short = figure(tally({ aboveScale: { atLevel2: 89_999, total: 100_000 } }), 'above_scale_level2_share');
    expect(short.value).toBe(90);
    expect(short.met).toBe(false);
    expect(short.shareOfTarget).toBe(1);
  });

  it('has no share without enterprises', () => {
    expect(figure(tally(), 'above_scale_level2_share')).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      shareOfTarget: null,
      met: null,
    });
  });

  it('has no target comparison for the 规下 share (the plan sets a direction, not a number)', () => {
    expect(figure(tally({ belowScale: { atLevel2: 1, total: 4 } }), 'below_scale_level2_share')).toMatchObject({
      value: 25,
      target: null,
      targetText: '实现明显提升',
      shareOfTarget: null,
      met: null,
    });
  });

  it('counts products, chain cases and 专精特新 enterprises against their targets', () => {
    const figures = figuresOf(tally({ products: 130, chainCases: 4, specialised: 160 }));
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(byKey.products).toMatchObject({ value: 130, numerator: null, shareOfTarget: 1.04, met: true });
    expect(byKey.chain_cases).toMatchObject({ value: 4, shareOfTarget: 0.4, met: false });
    expect(byKey.innovative_smes).toMatchObject({ value: 160, met: true, coverage: 'partial' });
  });

  it('counts awarded 示范标杆 and 数字化车间/智能工厂 against their targets', () => {
    const figures = figuresOf(tally({ benchmarks: 10, smartFactories: 20 }));
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(byKey.benchmarks).toMatchObject({ value: 10, shareOfTarget: 0.25, met: false, coverage: 'full' });
    expect(byKey.smart_factories).toMatchObject({ value: 20, shareOfTarget: 1, met: true, coverage: 'full' });
  });

  it('never makes up a figure for a slice without one', () => {
    const f = figuresOf(tally({ benchmarks: null })).find((x) => x.key === 'benchmarks')!;
    expect(f).toMatchObject({ value: null, numerator: null, denominator: null, shareOfTarget: null, met: null });
  });

  it('has no figure where a slice does not apply, and puts the reason before the note', () => {
    const products = figuresOf(tally({ products: null }), { products: '按试点批次筛选时不统计产品和方案。' }).find(
      (f) => f.key === 'products',
    )!;
    expect(products).toMatchObject({ value: null, shareOfTarget: null, met: null });
    expect(products.note).toMatch(/^按试点批次筛选时不统计产品和方案。 /);
  });
});

describe('breakdownOf', () => {
  const tallies = new Map<string, Tally>([
    ['tiexi', tally({ aboveScale: { atLevel2: 1, total: 2 }, products: 3 })],
    ['hunnan', tally({ chainCases: 1 })],
  ]);

  it('gives every code of the dimension in the taxonomy order, zeros for the codes without records', () => {
    const breakdown = breakdownOf('district', tallies);
    expect(breakdown.name).toBe('按区县');
    expect(breakdown.rows).toHaveLength(13);
    expect(breakdown.rows[0]).toMatchObject({ code: 'heping', name: '和平区' });
    expect(breakdown.rows.find((r) => r.code === 'tiexi')!.values.above_scale_level2_share).toEqual({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
    expect(breakdown.rows.find((r) => r.code === 'heping')!.values.products).toEqual({ value: 0, numerator: null, denominator: null });
  });

  it('keeps only the codes asked for', () => {
    expect(breakdownOf('district', tallies, ['hunnan']).rows.map((r) => r.code)).toEqual(['hunnan']);
  });

  it('has a row for enterprises outside the pilot pool', () => {
    expect(breakdownOf('batch', new Map()).rows.map((r) => r.code)).toEqual(['sample', 'batch1', 'batch2', 'none']);
  });
});

describe('seriesLinesOf', () => {
  it('gives each indicator a value per bucket; none for buckets not begun and for undated indicators', () => {
    const lines = seriesLinesOf([
      tally({ aboveScale: { atLevel2: 1, total: 4 }, products: 2, specialised: null }),
      tally({ aboveScale: { atLevel2: 2, total: 4 }, products: 3, specialised: null }),
      null,
    ]);
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l]));
    expect(byKey.above_scale_level2_share!.values.map((v) => v.value)).toEqual([25, 50, null]);
    expect(byKey.products!.values.map((v) => v.value)).toEqual([2, 3, null]);
    expect(byKey.innovative_smes!.values.map((v) => v.value)).toEqual([null, null, null]);
    expect(byKey.innovative_smes!.note).toContain('无趋势');
    expect(byKey.benchmarks!.values.map((v) => v.value)).toEqual([0, 0, null]);
  });
});

describe('measuresOf', () => {
  it('gives a measure for every indicator', () => {
    expect(Object.keys(measuresOf(EMPTY_TALLY))).toHaveLength(7);
  });
});
