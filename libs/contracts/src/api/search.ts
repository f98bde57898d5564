import { z } from 'zod';
import { NEED_STATUSES } from '../states/need-state.js';
import { SOLUTION_STATUSES } from '../states/solution-state.js';
import { count, fen, uuid } from '../wire.js';
import { digitalLevel } from './directory.js';
import { json } from './route.js';

/**
 * An instant in a search document: milliseconds since the epoch (UTC), the form the
 * index sorts and filters on. Hits carry it as it is stored.
 */
export const epochMillis = z.number().int();

/** What the solutions index holds of a solution (only published solutions of approved providers are there). */
export const SolutionSearchDocumentSchema = z.strictObject({
  id: uuid,
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
  providerId: uuid,
  providerName: z.string(),
  providerKind: z.string(),
  providerDistricts: z.array(z.string()),
  providerStatus: z.string(),
  status: z.enum(SOLUTION_STATUSES),
  publishedAt: epochMillis.nullable(),
});
export type SolutionSearchDocument = z.output<typeof SolutionSearchDocumentSchema>;

/** What the needs index holds of a need (only published needs are there; no private details). */
export const NeedSearchDocumentSchema = z.strictObject({
  id: uuid,
  title: z.string(),
  description: z.string(),
  scenarios: z.array(z.string()),
  budgetFen: fen,
  expectedDays: z.number().int(),
  bidDeadline: epochMillis,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  digitalLevel: digitalLevel.nullable(),
  industry: z.string(),
  district: z.string(),
  status: z.enum(NEED_STATUSES),
  publishedAt: epochMillis.nullable(),
});
export type NeedSearchDocument = z.output<typeof NeedSearchDocumentSchema>;

/** What a hit adds to its document: its relevance and the highlighted fields. */
const hitFields = {
  /** Relevance; comparable only within one answer. */
  _score: z.number(),
  /** Field → its server-escaped HTML with `<em>` around matched words (only when the query has text). */
  _highlight: z.record(z.string(), z.string()),
};

export const SolutionHitSchema = SolutionSearchDocumentSchema.extend(hitFields);
export type SolutionHit = z.output<typeof SolutionHitSchema>;
export const NeedHitSchema = NeedSearchDocumentSchema.extend(hitFields);
export type NeedHit = z.output<typeof NeedHitSchema>;

/** One page of search results, with facet counts (facet → value → number of matching documents). */
export function searchPageOf<T extends z.ZodType>(hit: T) {
  return z.strictObject({
    hits: z.array(hit),
    total: count,
    facets: z.record(z.string(), z.record(z.string(), count)),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}

export const SolutionSearchPageSchema = searchPageOf(SolutionHitSchema);
export type SolutionSearchPage = z.output<typeof SolutionSearchPageSchema>;
export const NeedSearchPageSchema = searchPageOf(NeedHitSchema);
export type NeedSearchPage = z.output<typeof NeedSearchPageSchema>;

export const searchRoutes = {
  'GET /search/solutions': json(SolutionSearchPageSchema),
  'GET /search/needs': json(NeedSearchPageSchema),
} as const;
