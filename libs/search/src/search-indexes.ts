import type { IndexSettings } from '@smedx/platform';
import { baseLexicon, currentLexicon } from '@smedx/lexicon';
import type { Lexicon } from '@smedx/lexicon';

export const SOLUTIONS_INDEX = 'solutions';
export const NEEDS_INDEX = 'needs';

export const SOLUTION_INDEX_SETTINGS: IndexSettings = {
  ...vocabulary(baseLexicon()),
  searchable: [
    { field: 'title', weight: 3 },
    { field: 'summary', weight: 2 },
    { field: 'description', weight: 1 },
    { field: 'providerName', weight: 1 },
  ],
  filterable: [
    { field: 'industries', type: 'keywords' },
    { field: 'scenarios', type: 'keywords' },
    { field: 'providerDistricts', type: 'keywords' },
    { field: 'levels', type: 'keywords' },
    { field: 'deliveryMode', type: 'keyword' },
    { field: 'providerKind', type: 'keyword' },
    { field: 'providerId', type: 'keyword' },
    { field: 'priceMinFen', type: 'number' },
    { field: 'priceMaxFen', type: 'number' },
    { field: 'deployDays', type: 'number' },
    { field: 'publishedAt', type: 'number' },
  ],
  sortable: ['priceMinFen', 'deployDays', 'publishedAt'],
  facets: ['industries', 'scenarios', 'providerDistricts', 'levels', 'deliveryMode', 'providerKind'],
};

export const NEED_INDEX_SETTINGS: IndexSettings = {
  ...vocabulary(baseLexicon()),
  searchable: [
    { field: 'title', weight: 3 },
    { field: 'description', weight: 1 },
    { field: 'enterpriseName', weight: 1 },
  ],
  filterable: [
    { field: 'industry', type: 'keyword' },
    { field: 'district', type: 'keyword' },
    { field: 'scenarios', type: 'keywords' },
    { field: 'enterpriseId', type: 'keyword' },
    { field: 'budgetFen', type: 'number' },
    { field: 'expectedDays', type: 'number' },
    { field: 'bidDeadline', type: 'number' },
    { field: 'publishedAt', type: 'number' },
    { field: 'digitalLevel', type: 'number' },
  ],
  sortable: ['budgetFen', 'expectedDays', 'bidDeadline', 'publishedAt'],
  facets: ['industry', 'district', 'scenarios'],
};

/**
 * The lexicon as index settings: Meilisearch expands and ignores words by
 * them; the embedded engine gets the same words with each understood query.
 */
function vocabulary(lexicon: Lexicon): Pick<IndexSettings, 'synonyms' | 'stopWords'> {
  return { synonyms: lexicon.synonymMap(), stopWords: lexicon.stopWords() };
}

/** The settings of an index under the lexicon in force (the data file plus officers' entries). */
export function indexSettings(index: typeof SOLUTIONS_INDEX | typeof NEEDS_INDEX, lexicon: Lexicon = currentLexicon()): IndexSettings {
  return { ...(index === SOLUTIONS_INDEX ? SOLUTION_INDEX_SETTINGS : NEED_INDEX_SETTINGS), ...vocabulary(lexicon) };
}
