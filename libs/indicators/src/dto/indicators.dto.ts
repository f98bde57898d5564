import { z } from 'zod';
import { DISTRICT_CODES, INDUSTRY_CODES, PILOT_BATCH_CODES } from '@smedx/taxonomy';
import type { CodeTuple, PilotBatchCode } from '@smedx/taxonomy';
import { MONTH_PATTERN, PERIODS } from '../periods.js';

/** A code from a taxonomy list; the 400 names the unknown value. */
function code<T extends string = string>(codes: CodeTuple, noun: string) {
  return z.enum(codes as readonly [T, ...T[]], { error: (issue) => `unknown ${noun} code "${String(issue.input)}"` });
}

const month = z.string({ error: 'must be a month as YYYY-MM' }).regex(MONTH_PATTERN, 'must be a month as YYYY-MM');

/** `GET /indicators` and `GET /indicators/export.xlsx`: filters, and the range and step of the series. */
export const IndicatorsQuerySchema = z.object({
  industry: code(INDUSTRY_CODES, 'industry').optional(),
  district: code(DISTRICT_CODES, 'district').optional(),
  batch: code<PilotBatchCode>(PILOT_BATCH_CODES, 'pilot batch').optional(),
  /** First month of the series, `YYYY-MM` (Shanghai calendar); the plan's start, 2024-01, by default. */
  from: month.optional(),
  /** Last month of the series, `YYYY-MM`; the current month by default. */
  to: month.optional(),
  period: z.enum(PERIODS, { error: 'must be month or quarter' }).default('month'),
});
export type IndicatorsQuery = z.input<typeof IndicatorsQuerySchema>;
