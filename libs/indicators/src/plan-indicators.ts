import { INDICATOR_DIMENSIONS } from '@smedx/contracts';
import type { Coverage, IndicatorDimension, IndicatorKey } from '@smedx/contracts';

/** The dimensions the indicators break down by. */
export const DIMENSIONS = INDICATOR_DIMENSIONS;
export type Dimension = IndicatorDimension;

export { INDICATOR_KEYS } from '@smedx/contracts';
export type { Coverage, IndicatorKey } from '@smedx/contracts';

export interface PlanIndicator {
  key: IndicatorKey;
  /** The plan's own words for it (总体目标 of the 2024 Shenyang plan). */
  name: string;
  /** A short label for charts and column headers. */
  shortName: string;
  /** The plan's 2025 figure; null where the plan names a direction rather than a number. */
  target: number | null;
  /** The target as the plan words it. */
  targetText: string;
  unit: '%' | '个' | '家';
  /** `share`: a percentage of enterprises (numerator ÷ denominator); `count`: a number of things. */
  kind: 'share' | 'count';
  /** For a share: what its numerator and denominator count. */
  parts?: { numerator: string; denominator: string };
  coverage: Coverage;
  /** The dimensions the figure can be attributed to; a filter or breakdown along any other one has no figure. */
  dimensions: readonly Dimension[];
  /** Whether dated records give it a monthly or quarterly series. */
  dated: boolean;
  /** How the platform computes it, or what it would need to. */
  basis: string;
  /** What the figure leaves out, shown beside it; null when nothing. */
  note: string | null;
}

/** The digital level the plan sets as the goal (二级及以上). */
export const TARGET_LEVEL = 2;

/**
 * What sets a level that counts: an assessor's on-site assessment or the acceptance test
 * (验收测评). A self-check is advisory, and for pilot enterprises only the on-site assessment counts.
 */
export const OFFICIAL_LEVEL_SOURCES = ['assessment', 'acceptance'] as const;

const ALL: readonly Dimension[] = DIMENSIONS;

/**
 * The targets of the plan's 总体目标 (沈阳市推进中小企业数字化转型试点城市工作方案, 2024), in its
 * order and its words, with how the platform computes each one. The platform never makes a
 * figure up: what it does not record is reported without a value.
 */
export const PLAN_INDICATORS: readonly PlanIndicator[] = Object.freeze([
  {
    key: 'above_scale_level2_share',
    name: '“3+N”个细分行业规上中小企业数字化水平二级及以上比例',
    shortName: '规上企业二级及以上比例',
    target: 90,
    targetText: '达到90%以上',
    unit: '%',
    kind: 'share',
    parts: { numerator: '规上企业二级及以上数', denominator: '规上企业数' },
    coverage: 'full',
    dimensions: ALL,
    dated: true,
    basis:
      '平台登记的“3+N”行业规上企业中，经现场评估或验收测评认定数字化水平为二级及以上的企业数 ÷ 平台登记的“3+N”行业规上企业数。企业自评仅供参考，不计入。',
    note: '分母为在平台登记的规上企业，未在平台登记的企业不在统计范围内；趋势按企业当前等级的认定时间计。',
  },
  {
    key: 'below_scale_level2_share',
    name: '规下中小企业数字化水平二级及以上的比例',
    shortName: '规下企业二级及以上比例',
    target: null,
    targetText: '实现明显提升',
    unit: '%',
    kind: 'share',
    parts: { numerator: '规下企业二级及以上数', denominator: '规下企业数' },
    coverage: 'full',
    dimensions: ALL,
    dated: true,
    basis: '平台登记的规下企业中，经现场评估或验收测评认定数字化水平为二级及以上的企业数 ÷ 平台登记的规下企业数。企业自评不计入。',
    note: '方案未设定数值目标，只看比例的变化。',
  },
  {
    key: 'products',
    name: '“小快轻准”产品和方案',
    shortName: '小快轻准产品和方案',
    target: 125,
    targetText: '125个以上',
    unit: '个',
    kind: 'count',
    coverage: 'full',
    dimensions: ['industry', 'district'],
    dated: true,
    basis:
      '数字化服务商在平台目录中已发布且未下架的“小快轻准”产品和方案数。按行业：方案的适用行业含该行业；按区县：服务商的服务区县含该区县（一个方案可计入多个行业、区县）。',
    note: '产品和方案不属于试点批次，不按批次统计。',
  },
  {
    key: 'chain_cases',
    name: '“链式”数字化转型典型案例',
    shortName: '链式转型典型案例',
    target: 10,
    targetText: '10个以上',
    unit: '个',
    kind: 'count',
    coverage: 'full',
    dimensions: ALL,
    dated: true,
    basis: '链主在平台申报的“链式”数字化转型典型案例数，按链主企业的行业、区县、试点批次归属，按申报时间计入趋势。',
    note: '目前统计的是已申报的案例；案例评审、评选上线后，以评选结果为准。',
  },
  {
    key: 'smart_factories',
    name: '省级及以上数字化车间及智能工厂',
    shortName: '数字化车间及智能工厂',
    target: 20,
    targetText: '建成20家以上',
    unit: '家',
    kind: 'count',
    coverage: 'none',
    dimensions: [],
    dated: false,
    basis: '需要省级及以上数字化车间、智能工厂的认定记录。',
    note: '平台尚未记录数字化车间、智能工厂的申报与认定结果（随申报评选功能上线），暂无统计数据。',
  },
  {
    key: 'benchmarks',
    name: '数字化转型示范标杆',
    shortName: '数字化转型示范标杆',
    target: 40,
    targetText: '40家以上',
    unit: '家',
    kind: 'count',
    coverage: 'none',
    dimensions: [],
    dated: false,
    basis: '需要示范标杆的申报、评审与评选记录。',
    note: '平台尚未记录示范标杆的申报与评选结果（随申报评选功能上线），暂无统计数据。',
  },
  {
    key: 'innovative_smes',
    name: '创新型中小企业(含专精特新)',
    shortName: '创新型中小企业',
    target: 160,
    targetText: '培育160家以上',
    unit: '家',
    kind: 'count',
    coverage: 'partial',
    dimensions: ALL,
    dated: false,
    basis: '企业档案中标注为专精特新的企业数：方案口径“含专精特新”，专精特新中小企业计入创新型中小企业。',
    note: '平台只记录专精特新标识，尚未记录其他创新型中小企业的认定，也不记录认定时间：此数为下限，且无趋势数据。',
  },
]);

/** The indicator with this key. */
export function planIndicator(key: IndicatorKey): PlanIndicator {
  const found = PLAN_INDICATORS.find((i) => i.key === key);
  if (!found) throw new Error(`unknown indicator ${key}`);
  return found;
}
