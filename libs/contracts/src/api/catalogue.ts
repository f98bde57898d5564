import { z } from 'zod';
import { SOLUTION_STATUSES } from '../states/solution-state.js';
import { fen, instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

/** A reference case of a solution (成功案例), as the provider wrote it. */
export const SolutionCaseViewSchema = z.strictObject({
  enterpriseName: z.string(),
  summary: z.string(),
  /** Left out when the provider gave none. */
  year: z.number().int().optional(),
});
export type SolutionCaseView = z.output<typeof SolutionCaseViewSchema>;

/** A solution (小快轻准) as the API returns it: the stored fields plus its provider's name and kind. */
export const SolutionViewSchema = z.strictObject({
  id: uuid,
  providerId: uuid,
  /** Empty when the provider is gone. */
  providerName: z.string(),
  providerKind: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  scenarios: z.array(z.string()),
  industries: z.array(z.string()),
  priceMinFen: fen,
  priceMaxFen: fen,
  deployDays: z.number().int(),
  deliveryMode: z.string(),
  levels: z.array(z.number().int()),
  cases: z.array(SolutionCaseViewSchema),
  status: z.enum(SOLUTION_STATUSES),
  publishedAt: instant.nullable(),
  delistedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type SolutionView = z.output<typeof SolutionViewSchema>;

export const catalogueRoutes = {
  'POST /solutions': json(SolutionViewSchema),
  'GET /solutions': json(pageOf(SolutionViewSchema)),
  'GET /solutions/:id': json(SolutionViewSchema),
  'PATCH /solutions/:id': json(SolutionViewSchema),
  'POST /solutions/:id/publish': json(SolutionViewSchema),
  'POST /solutions/:id/delist': json(SolutionViewSchema),
} as const;
