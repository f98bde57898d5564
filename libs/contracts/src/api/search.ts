import { z } from 'zod';
import { NEED_STATUSES } from '../states/need-state.js';
import { SOLUTION_STATUSES } from '../states/solution-state.js';
import { count, fen, instant, uuid } from '../wire.js';
import { digitalLevel } from './directory.js';
import { PlacementSchema } from './matching.js';
import { XLSX, file, json } from './route.js';

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

export const SolutionHitSchema = SolutionSearchDocumentSchema.extend({
  ...hitFields,
  /**
   * Why the hit is where it is after fair exposure (`libs/reputation`): present on the hits of a
   * relevance-sorted search within its reordered head (the first 50, not filtered to one provider).
   */
  _placement: PlacementSchema.optional(),
});
export type SolutionHit = z.output<typeof SolutionHitSchema>;
export const NeedHitSchema = NeedSearchDocumentSchema.extend(hitFields);
export type NeedHit = z.output<typeof NeedHitSchema>;

/** What the search understood of `q`, so the UI can say "按'设备管理、预测性维护'为您查找". */
export const UnderstoodViewSchema = z.strictObject({
  /** The meaningful words of the query (stop and question words dropped). */
  terms: z.array(z.string()),
  /** Words added from the lexicon: synonyms, professional words for plain ones. */
  expanded: z.array(z.string()),
  /** Scenarios the words imply (they rank matching offers higher; they never filter). */
  scenarios: z.array(z.strictObject({ code: z.string(), name: z.string() })),
  /** Industry codes the words imply. */
  industries: z.array(z.string()),
});
export type UnderstoodView = z.output<typeof UnderstoodViewSchema>;

/** One page of search results, with facet counts (facet → value → number of matching documents). */
export function searchPageOf<T extends z.ZodType>(hit: T) {
  return z.strictObject({
    hits: z.array(hit),
    total: count,
    facets: z.record(z.string(), z.record(z.string(), count)),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
    /** Present when `q` was given. */
    understood: UnderstoodViewSchema.optional(),
    /** Why nothing was searched for (a query of stop words only), in Chinese. */
    notice: z.string().optional(),
    /** For a query finding nothing: the closest query the lexicon knows (能耗检测 → 能耗监测). */
    didYouMean: z.string().optional(),
  });
}

export const SolutionSearchPageSchema = searchPageOf(SolutionHitSchema);
export type SolutionSearchPage = z.output<typeof SolutionSearchPageSchema>;
export const NeedSearchPageSchema = searchPageOf(NeedHitSchema);
export type NeedSearchPage = z.output<typeof NeedSearchPageSchema>;

/** `GET /search/suggest`: completions of what is being typed. */
export const SuggestViewSchema = z.strictObject({
  q: z.string(),
  /** Lexicon words (`term`) and published solution titles (`title`) starting with the text, at most `limit`. */
  items: z.array(z.strictObject({ text: z.string(), kind: z.enum(['title', 'term']) })),
});
export type SuggestView = z.output<typeof SuggestViewSchema>;

/**
 * What a lexicon entry says about its term: `stop` (carries no meaning), `synonym` (both directions),
 * `related` (the term also finds its values), `abbreviation`, `scenario` / `industry` (implies these codes).
 */
export const LEXICON_KINDS = ['stop', 'synonym', 'related', 'abbreviation', 'scenario', 'industry'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

/** A lexicon entry an officer added. */
export const LexiconEntryViewSchema = z.strictObject({
  id: uuid,
  kind: z.enum(LEXICON_KINDS),
  /** Folded, as the lexicon keys it. */
  term: z.string(),
  /** Words, or taxonomy codes for `scenario` / `industry`; none for `stop`. */
  values: z.array(z.string()),
  createdBy: uuid,
  createdAt: instant,
});
export type LexiconEntryView = z.output<typeof LexiconEntryViewSchema>;

/** `GET /search/lexicon`: the officers' entries, newest first. */
export const LexiconViewSchema = z.strictObject({
  items: z.array(LexiconEntryViewSchema),
  total: count,
  /** Entries of the data file (reviewed like code), in force besides these. */
  baseEntries: count,
});
export type LexiconView = z.output<typeof LexiconViewSchema>;

/** One row of the unmet-demand report: a query that found (next to) nothing. */
export const UnmetQueryViewSchema = z.strictObject({
  query: z.string(),
  /** Searches of it in the period. */
  count,
  /** Searches that found nothing at all. */
  zeroCount: count,
  scenarios: z.array(z.string()),
  industries: z.array(z.string()),
  lastAt: instant,
});
export type UnmetQueryView = z.output<typeof UnmetQueryViewSchema>;

/** Searches that found (next to) nothing, counted per key (a week's Monday, a scenario or an industry code). */
export const UnmetBucketViewSchema = z.strictObject({ key: z.string(), name: z.string(), count });
export type UnmetBucketView = z.output<typeof UnmetBucketViewSchema>;

/** `GET /search/unmet-demand`: what enterprises look for and do not find. */
export const UnmetDemandViewSchema = z.strictObject({
  from: instant,
  to: instant,
  /** Searches recorded in the period. */
  total: count,
  /** Per ISO week (Monday, Asia/Shanghai), oldest first. */
  byWeek: z.array(UnmetBucketViewSchema),
  byScenario: z.array(UnmetBucketViewSchema),
  byIndustry: z.array(UnmetBucketViewSchema),
  /** The queries, most searched first. */
  queries: z.array(UnmetQueryViewSchema),
});
export type UnmetDemandView = z.output<typeof UnmetDemandViewSchema>;

export const searchRoutes = {
  'GET /search/solutions': json(SolutionSearchPageSchema),
  'GET /search/needs': json(NeedSearchPageSchema),
  'GET /search/suggest': json(SuggestViewSchema),
  'GET /search/unmet-demand': json(UnmetDemandViewSchema),
  'GET /search/unmet-demand/export.xlsx': file(XLSX),
  'GET /search/lexicon': json(LexiconViewSchema),
  'POST /search/lexicon': json(LexiconEntryViewSchema),
} as const;
