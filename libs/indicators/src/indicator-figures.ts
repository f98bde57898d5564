import { DISTRICTS, INDUSTRIES, PILOT_BATCHES } from '@smedx/taxonomy';
import type { TaxonomyItem } from '@smedx/taxonomy';
import { PLAN_INDICATORS } from './plan-indicators.js';
import type { Coverage, Dimension, IndicatorKey, PlanIndicator } from './plan-indicators.js';
import type { Period } from './periods.js';

/** A figure: `value` in the indicator's unit; for a share also the counts it comes from. Null where there is no figure. */
export interface Measure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Enterprises of one scale: how many, and how many hold an official level of 2 or above. */
export interface LevelCount {
  atLevel2: number;
  total: number;
}

/** The counts one slice of the records gives; null where the slice has no figure for it (not applicable). */
export interface Tally {
  aboveScale: LevelCount | null;
  belowScale: LevelCount | null;
  products: number | null;
  chainCases: number | null;
  specialised: number | null;
  /** Awarded 示范标杆 enterprises. */
  benchmarks: number | null;
  /** Awarded 数字化车间 and 智能工厂. */
  smartFactories: number | null;
}

export const EMPTY_TALLY: Tally = Object.freeze({
  aboveScale: { atLevel2: 0, total: 0 },
  belowScale: { atLevel2: 0, total: 0 },
  products: 0,
  chainCases: 0,
  specialised: 0,
  benchmarks: 0,
  smartFactories: 0,
});

export interface IndicatorFigure extends Measure {
  key: IndicatorKey;
  name: string;
  shortName: string;
  target: number | null;
  targetText: string;
  unit: string;
  kind: PlanIndicator['kind'];
  coverage: Coverage;
  /** value ÷ target (1 = target reached); null without a value or a numeric target. */
  shareOfTarget: number | null;
  /** Whether the value reached the target; null without a value or a numeric target. */
  met: boolean | null;
  basis: string;
  note: string | null;
}

export interface BreakdownRow {
  /** A taxonomy code; `none` on the batch breakdown for enterprises not in the pilot pool. */
  code: string;
  name: string;
  values: Record<IndicatorKey, Measure>;
}

export interface Breakdown {
  dimension: Dimension;
  name: string;
  rows: BreakdownRow[];
}

export interface SeriesLine {
  key: IndicatorKey;
  shortName: string;
  unit: string;
  target: number | null;
  /** One per bucket: the figure at the end of the bucket; null for buckets not begun yet and for indicators without dated records. */
  values: Measure[];
  note: string | null;
}

export interface Series {
  period: Period;
  from: string;
  to: string;
  buckets: { label: string; start: string; end: string }[];
  lines: SeriesLine[];
}

/** The service fees paid of one kind (SPEC capability 17) for the enterprises in scope. */
export interface ServiceFeeFigure {
  kind: 'diagnosis' | 'acceptance_monitoring';
  name: string;
  /** The cap per enterprise. */
  capPerEnterpriseFen: number;
  totalFen: number;
  payments: number;
  enterprises: number;
  /** The same by district of the enterprise, in the taxonomy's order (districts without payments: zeros). */
  byDistrict: { code: string; name: string; totalFen: number; enterprises: number }[];
}

/** The answer of `GET /indicators`. */
export interface IndicatorsReport {
  /** When the figures were taken. */
  asOf: string;
  /** What the caller sees: the city, or one district (a district officer). */
  scope: { level: 'city' | 'district'; district: string | null; districtName: string | null };
  filters: { industry: string | null; district: string | null; batch: string | null; from: string; to: string; period: Period };
  indicators: IndicatorFigure[];
  breakdowns: Breakdown[];
  series: Series;
  /** Diagnosis and acceptance-monitoring fees paid for the enterprises in scope and filters. */
  serviceFees: ServiceFeeFigure[];
}

export const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = Object.freeze({
  industry: '按行业',
  district: '按区县',
  batch: '按试点批次',
});

/** The batch breakdown's row for enterprises outside the pilot pool. */
export const NOT_IN_POOL: TaxonomyItem = Object.freeze({ code: 'none', name: '未入库' });

/** The rows of each dimension, in the taxonomy's order. */
export const DIMENSION_ROWS: Readonly<Record<Dimension, readonly TaxonomyItem[]>> = Object.freeze({
  industry: INDUSTRIES,
  district: DISTRICTS,
  batch: [...PILOT_BATCHES, NOT_IN_POOL],
});

const NO_FIGURE: Measure = Object.freeze({ value: null, numerator: null, denominator: null });

/** Rounds to `digits` decimals (figures are shown, not summed again). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** numerator ÷ denominator as a percentage with two decimals; null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round((numerator / denominator) * 100, 2) : null;
}

/** How far `value` is toward `target` (1 = reached), four decimals; null without either. */
export function shareOfTarget(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return round(value / target, 4);
}

function shareMeasure(count: LevelCount | null): Measure {
  if (!count) return NO_FIGURE;
  return { value: percent(count.atLevel2, count.total), numerator: count.atLevel2, denominator: count.total };
}

function countMeasure(count: number | null): Measure {
  return count === null ? NO_FIGURE : { value: count, numerator: null, denominator: null };
}

/** Every indicator's figure for one slice of the records; indicators the platform does not record have none. */
export function measuresOf(tally: Tally): Record<IndicatorKey, Measure> {
  return {
    above_scale_level2_share: shareMeasure(tally.aboveScale),
    below_scale_level2_share: shareMeasure(tally.belowScale),
    products: countMeasure(tally.products),
    chain_cases: countMeasure(tally.chainCases),
    smart_factories: countMeasure(tally.smartFactories),
    benchmarks: countMeasure(tally.benchmarks),
    innovative_smes: countMeasure(tally.specialised),
  };
}

/** The headline figures against the plan's targets; `notes` adds to an indicator's own note (e.g. a filter it ignores). */
export function figuresOf(tally: Tally, notes: Partial<Record<IndicatorKey, string>> = {}): IndicatorFigure[] {
  const measures = measuresOf(tally);
  return PLAN_INDICATORS.map((plan) => {
    const measure = measures[plan.key];
    // Compared unrounded: 89.996% has not reached 90%.
    const exact = measure.value === null || plan.kind === 'count' ? measure.value : (measure.numerator! / measure.denominator!) * 100;
    return {
      key: plan.key,
      name: plan.name,
      shortName: plan.shortName,
      target: plan.target,
      targetText: plan.targetText,
      unit: plan.unit,
      kind: plan.kind,
      coverage: plan.coverage,
      ...measure,
      shareOfTarget: exact === null ? null : shareOfTarget(exact, plan.target),
      met: exact === null || plan.target === null ? null : exact >= plan.target,
      basis: plan.basis,
      note: [notes[plan.key], plan.note].filter(Boolean).join(' ') || null,
    };
  });
}

/** A breakdown: one row per code of the dimension (only `codes` when given), each with every indicator's figure. */
export function breakdownOf(dimension: Dimension, tallies: ReadonlyMap<string, Tally>, codes?: readonly string[]): Breakdown {
  const rows = DIMENSION_ROWS[dimension]
    .filter((item) => !codes || codes.includes(item.code))
    .map(({ code, name }) => ({ code, name, values: measuresOf(tallies.get(code) ?? EMPTY_TALLY) }));
  return { dimension, name: DIMENSION_NAMES[dimension], rows };
}

/** The series lines, one per indicator, from one tally per bucket (null for buckets not begun yet). */
export function seriesLinesOf(tallies: readonly (Tally | null)[]): SeriesLine[] {
  const measures = tallies.map((t) => (t ? measuresOf(t) : null));
  return PLAN_INDICATORS.map((plan) => ({
    key: plan.key,
    shortName: plan.shortName,
    unit: plan.unit,
    target: plan.target,
    values: measures.map((m) => (m && plan.dated ? m[plan.key] : NO_FIGURE)),
    note: plan.dated ? null : plan.note,
  }));
}
