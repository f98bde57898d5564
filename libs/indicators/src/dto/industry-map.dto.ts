import { z } from 'zod';
import { MAP_BATCH_KEYS, MAP_LEVEL_KEYS } from '@smedx/contracts';
import { DISTRICT_CODES, INDUSTRY_CODES } from '@smedx/taxonomy';

const district = z.enum(DISTRICT_CODES as readonly [string, ...string[]], {
  error: (issue) => `unknown district code "${String(issue.input)}"`,
});
const industry = z.enum(INDUSTRY_CODES as readonly [string, ...string[]], {
  error: (issue) => `unknown industry code "${String(issue.input)}"`,
});

/** `GET /indicators/industry-map` and its `export.xlsx`: the district to show (city officers) and the filters. */
export const IndustryMapQuerySchema = z.object({
  district: district.optional(),
  /** A pilot batch, or `none` for enterprises not in the pilot pool. */
  batch: z.enum(MAP_BATCH_KEYS, { error: 'must be sample, batch1, batch2 or none' }).optional(),
  /** An official digital level 1–4, or `none` for enterprises without one. */
  level: z.enum(MAP_LEVEL_KEYS, { error: 'must be 1, 2, 3, 4 or none' }).optional(),
});
export type IndustryMapQuery = z.input<typeof IndustryMapQuerySchema>;

/** `GET /indicators/industry-map/enterprises`: the enterprises of a cell (a district, an industry, or both), a page at a time. */
export const IndustryMapEnterprisesQuerySchema = IndustryMapQuerySchema.extend({
  industry: industry.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type IndustryMapEnterprisesQuery = z.input<typeof IndustryMapEnterprisesQuerySchema>;
