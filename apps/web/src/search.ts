import { api, unless404 } from './api';
import type { Hit, Page, Query, SearchPage } from './api';

export interface SearchOutcome<T> extends SearchPage<T> {
  /** False when `GET /search/…` is not deployed and the plain published list stood in for it. */
  searchAvailable: boolean;
}

/**
 * `GET /search/solutions` or `/search/needs`; where the search route answers 404, the
 * published list (`GET /solutions`, `GET /needs`) without filters or facets.
 */
export async function searchOrList<T extends { id: string }>(kind: 'solutions' | 'needs', query: Query): Promise<SearchOutcome<T>> {
  const found = await unless404(api.get<SearchPage<T>>(`/search/${kind}`, query));
  if (found) return { ...found, facets: found.facets ?? {}, searchAvailable: true };
  const page = await api.get<Page<T>>(`/${kind}`, { page: query.page, pageSize: query.pageSize });
  return {
    hits: page.items as Hit<T>[],
    total: page.total,
    facets: {},
    page: page.page,
    pageSize: page.pageSize,
    searchAvailable: false,
  };
}
