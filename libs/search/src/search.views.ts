/**
 * The answers of the search routes are the contract's (`@smedx/contracts`, api/search.ts):
 * the views built here are their `z.output` types.
 */
export type {
  LexiconEntryView,
  LexiconView,
  SuggestView,
  UnderstoodView,
  UnmetBucketView,
  UnmetDemandView,
  UnmetQueryView,
} from '@smedx/contracts';
