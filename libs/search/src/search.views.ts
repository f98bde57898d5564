import type { LexiconKind } from '@smedx/lexicon';

/** An officer's lexicon entry. */
export interface LexiconEntryView {
  id: string;
  kind: LexiconKind;
  term: string;
  values: string[];
  createdBy: string;
  createdAt: string;
}

/** `GET /search/lexicon`. */
export interface LexiconView {
  items: LexiconEntryView[];
  total: number;
  /** Entries of the data file (reviewed like code), in force besides these. */
  baseEntries: number;
}

/** One row of the unmet-demand report: a query that found (next to) nothing. */
export interface UnmetQueryView {
  query: string;
  /** Searches of it in the period. */
  count: number;
  /** Searches that found nothing at all. */
  zeroCount: number;
  scenarios: string[];
  industries: string[];
  lastAt: string;
}

/** Searches that found (next to) nothing, counted per key. */
export interface UnmetBucketView {
  key: string;
  name: string;
  count: number;
}

/** `GET /search/unmet-demand`: what enterprises look for and do not find. */
export interface UnmetDemandView {
  from: string;
  to: string;
  /** Searches recorded in the period. */
  total: number;
  /** Per ISO week (Monday, Asia/Shanghai), oldest first. */
  byWeek: UnmetBucketView[];
  byScenario: UnmetBucketView[];
  byIndustry: UnmetBucketView[];
  /** The queries, most searched first. */
  queries: UnmetQueryView[];
}

/** `GET /search/suggest`. */
export interface SuggestView {
  q: string;
  /** Completions: solution titles and lexicon words starting with the text, at most `limit`. */
  items: { text: string; kind: 'title' | 'term' }[];
}
