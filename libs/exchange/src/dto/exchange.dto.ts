import { z } from 'zod';
import { DISTRICT_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';
import type { CodeTuple } from '@smedx/taxonomy';
import { MONTH_PATTERN } from '@smedx/indicators';

export const EXCHANGE_FORMATS = ['json', 'csv'] as const;
export type ExchangeFileFormat = (typeof EXCHANGE_FORMATS)[number];

function code(codes: CodeTuple, noun: string) {
  return z.enum(codes as readonly [string, ...string[]], { error: (issue) => `unknown ${noun} code "${String(issue.input)}"` });
}

const month = z.string({ error: 'must be a month as YYYY-MM' }).regex(MONTH_PATTERN, 'must be a month as YYYY-MM');

/** `GET /exchange/{projects,cases,indicators}`: the file format and the filters. */
export const ExchangeQuerySchema = z.object({
  format: z.enum(EXCHANGE_FORMATS, { error: 'must be json or csv' }).default('json'),
  /** First month, `YYYY-MM` (Shanghai calendar), of the award (projects) or case date (cases); the series' start for indicators. */
  from: month.optional(),
  /** Last month, `YYYY-MM`, inclusive. */
  to: month.optional(),
  district: code(DISTRICT_CODES, 'district').optional(),
  industry: code(INDUSTRY_CODES, 'industry').optional(),
});
export type ExchangeQuery = z.input<typeof ExchangeQuerySchema>;
