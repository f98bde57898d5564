import { z } from 'zod';
import { count } from '../wire.js';
import { XLSX, file, json } from './route.js';

/** The targets of the plan's 总体目标, in its order. */
export const INDICATOR_KEYS = [
  'above_scale_level2_share',
  'below_scale_level2_share',
  'products',
  'chain_cases',
  'smart_factories',
  'benchmarks',
  'innovative_smes',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The dimensions the indicators break down by. */
export const INDICATOR_DIMENSIONS = ['industry', 'district', 'batch'] as const;
export type IndicatorDimension = (typeof INDICATOR_DIMENSIONS)[number];

/** The steps of a series. */
export const INDICATOR_PERIODS = ['month', 'quarter'] as const;
export type IndicatorPeriod = (typeof INDICATOR_PERIODS)[number];

/**
 * How much of the indicator the platform records: `full`, `partial` (the figure counts only
 * part of what the plan means, so it is a lower bound) or `none` (not recorded yet: no figure).
 */
export const COVERAGES = ['full', 'partial', 'none'] as const;
export type Coverage = (typeof COVERAGES)[number];

/** `share`: a percentage of enterprises (numerator ÷ denominator); `count`: a number of things. */
export const INDICATOR_KINDS = ['share', 'count'] as const;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** An instant the server builds as ISO 8601 text. */
const isoText = z.iso.datetime({ offset: true });

/** A figure: `value` in the indicator's unit; for a share also the counts it comes from. Null where there is no figure. */
export const MeasureSchema = z.strictObject({
  value: z.number().nullable(),
  numerator: count.nullable(),
  denominator: count.nullable(),
});
export type Measure = z.output<typeof MeasureSchema>;

export const IndicatorFigureSchema = z.strictObject({
  ...MeasureSchema.shape,
  key: z.enum(INDICATOR_KEYS),
  name: z.string(),
  shortName: z.string(),
  target: z.number().nullable(),
  targetText: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  coverage: z.enum(COVERAGES),
  /** value ÷ target (1 = target reached); null without a value or a numeric target. */
  shareOfTarget: z.number().nullable(),
  /** Whether the value reached the target; null without a value or a numeric target. */
  met: z.boolean().nullable(),
  basis: z.string(),
  note: z.string().nullable(),
});
export type IndicatorFigure = z.output<typeof IndicatorFigureSchema>;

export const BreakdownRowSchema = z.strictObject({
  /** A taxonomy code; `none` on the batch breakdown for enterprises not in the pilot pool. */
  code: z.string(),
  name: z.string(),
  values: z.record(z.enum(INDICATOR_KEYS), MeasureSchema),
});
export type BreakdownRow = z.output<typeof BreakdownRowSchema>;

export const BreakdownSchema = z.strictObject({
  dimension: z.enum(INDICATOR_DIMENSIONS),
  name: z.string(),
  rows: z.array(BreakdownRowSchema),
});
export type Breakdown = z.output<typeof BreakdownSchema>;

export const SeriesLineSchema = z.strictObject({
  key: z.enum(INDICATOR_KEYS),
  shortName: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  /** One per bucket: the figure at the end of the bucket; null for buckets not begun yet and for indicators without dated records. */
  values: z.array(MeasureSchema),
  note: z.string().nullable(),
});
export type SeriesLine = z.output<typeof SeriesLineSchema>;

export const SeriesSchema = z.strictObject({
  period: z.enum(INDICATOR_PERIODS),
  from: month,
  to: month,
  /** Each bucket's label and its instants `[start, end)`. */
  buckets: z.array(z.strictObject({ label: z.string(), start: isoText, end: isoText })),
  lines: z.array(SeriesLineSchema),
});
export type Series = z.output<typeof SeriesSchema>;

/** The answer of `GET /indicators`: figures against the plan's targets, breakdowns and a series. */
export const IndicatorsReportSchema = z.strictObject({
  /** When the figures were taken (ISO 8601). */
  asOf: isoText,
  /** What the caller sees: the city, or one district (a district officer). */
  scope: z.strictObject({ level: z.enum(['city', 'district']), district: z.string().nullable(), districtName: z.string().nullable() }),
  filters: z.strictObject({
    industry: z.string().nullable(),
    district: z.string().nullable(),
    batch: z.string().nullable(),
    from: month,
    to: month,
    period: z.enum(INDICATOR_PERIODS),
  }),
  indicators: z.array(IndicatorFigureSchema),
  breakdowns: z.array(BreakdownSchema),
  series: SeriesSchema,
});
export type IndicatorsReport = z.output<typeof IndicatorsReportSchema>;

export const indicatorRoutes = {
  'GET /indicators': json(IndicatorsReportSchema),
  'GET /indicators/export.xlsx': file(XLSX),
} as const;
