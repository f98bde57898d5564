import { DISTRICTS, INDUSTRIES, PILOT_BATCHES } from '@smedx/taxonomy';
import type { TaxonomyItem } from '@smedx/taxonomy';
import { PLAN_INDICATORS } from './plan-indicators.js';
import type { Dimension, IndicatorKey } from './plan-indicators.js';
import type { Breakdown, IndicatorFigure, Measure, SeriesLine } from '@smedx/contracts';

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
}

export const EMPTY_TALLY: Tally = Object.freeze({
  aboveScale: { atLevel2: 0, total: 0 },
  belowScale: { atLevel2: 0, total: 0 },
  products: 0,
  chainCases: 0,
  specialised: 0,
});

export type { Breakdown, BreakdownRow, IndicatorFigure, IndicatorsReport, Measure, Series, SeriesLine } from '@smedx/contracts';

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
    smart_factories: NO_FIGURE,
    benchmarks: NO_FIGURE,
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
