import { api, unless404 } from './api';
import type { Need, NeedHit, Query, Solution, SolutionHit } from './api';

/**
 * What a search page shows: search hits, or — where `GET /search/…` is not deployed —
 * the published list's items standing in for them (no highlights, instants as ISO strings).
 */
export interface SearchOutcome<T> {
  hits: T[];
  total: number;
  facets: Record<string, Record<string, number>>;
  page: number;
  pageSize: number;
  /** False when `GET /search/…` is not deployed and the plain published list stood in for it. */
  searchAvailable: boolean;
}

export type SolutionResult = SolutionHit | Solution;
export type NeedResult = NeedHit | Need;

/** `GET /search/solutions`; where it answers 404, the published list (`GET /solutions`) without filters or facets. */
export async function searchSolutions(query: Query): Promise<SearchOutcome<SolutionResult>> {
  const found = await unless404(api.get('/search/solutions', query));
  if (found) return { ...found, searchAvailable: true };
  const page = await api.get('/solutions', { page: query.page, pageSize: query.pageSize });
  return { hits: page.items, total: page.total, facets: {}, page: page.page, pageSize: page.pageSize, searchAvailable: false };
}

/** `GET /search/needs`; where it answers 404, the published list (`GET /needs`) without filters or facets. */
export async function searchNeeds(query: Query): Promise<SearchOutcome<NeedResult>> {
  const found = await unless404(api.get('/search/needs', query));
  if (found) return { ...found, searchAvailable: true };
  const page = await api.get('/needs', { page: query.page, pageSize: query.pageSize });
  return { hits: page.items, total: page.total, facets: {}, page: page.page, pageSize: page.pageSize, searchAvailable: false };
}

/** The server's highlighted HTML of a hit's field, when it sent any. */
export function highlightOf(hit: object, field: string): string | undefined {
  return '_highlight' in hit ? (hit._highlight as Record<string, string>)[field] : undefined;
}
