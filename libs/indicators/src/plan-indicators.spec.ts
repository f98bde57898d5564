import { DIMENSIONS, INDICATOR_KEYS, PLAN_INDICATORS, planIndicator } from './plan-indicators.js';

/** The plan's 总体目标 (沈阳市推进中小企业数字化转型试点城市工作方案, 2024), word for word. */
const PLAN_TARGETS = [
  ['above_scale_level2_share', '“3+N”个细分行业规上中小企业数字化水平二级及以上比例', 90, '%'],
  ['below_scale_level2_share', '规下中小企业数字化水平二级及以上的比例', null, '%'],
  ['products', '“小快轻准”产品和方案', 125, '个'],
  ['chain_cases', '“链式”数字化转型典型案例', 10, '个'],
  ['smart_factories', '省级及以上数字化车间及智能工厂', 20, '家'],
  ['benchmarks', '数字化转型示范标杆', 40, '家'],
  ['innovative_smes', '创新型中小企业(含专精特新)', 160, '家'],
] as const;

describe('the plan indicators', () => {
  it("hold the plan's targets in its words and order", () => {
    expect(PLAN_INDICATORS.map((i) => [i.key, i.name, i.target, i.unit])).toEqual(PLAN_TARGETS.map((t) => [...t]));
    expect(PLAN_INDICATORS.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
  });

  it('say how each is computed, and what the platform does not record', () => {
    for (const indicator of PLAN_INDICATORS) {
      expect(indicator.basis.length).toBeGreaterThan(10);
      expect(indicator.targetText).toBeTruthy();
      expect(indicator.dimensions.every((d) => (DIMENSIONS as readonly string[]).includes(d))).toBe(true);
      if (indicator.coverage === 'none') {
        expect(indicator.dimensions).toEqual([]);
        expect(indicator.dated).toBe(false);
        expect(indicator.note).toContain('尚未记录');
      }
      if (indicator.coverage === 'partial') expect(indicator.note).toContain('下限');
      expect(indicator.kind === 'share').toBe(indicator.parts !== undefined);
    }
    expect(PLAN_INDICATORS.filter((i) => i.coverage === 'none').map((i) => i.key)).toEqual([]);
  });

  it('finds an indicator by key', () => {
    expect(planIndicator('products').target).toBe(125);
  });
});
