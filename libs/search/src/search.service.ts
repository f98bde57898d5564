import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_ENGINE } from '@smedx/platform';
import type { Filter, SearchEngine, SearchQuery, SearchResult, SortClause } from '@smedx/platform';
import type { NeedSearchDocument, NeedSearchPage, SolutionSearchDocument, SolutionSearchPage } from '@smedx/contracts';
import type { NeedSearch, SolutionSearch } from './dto/search-query.dto.js';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';

/** What a hit adds to its document. */
interface Hit {
  _score: number;
  _highlight: Record<string, string>;
}

/** API facet name → index field, per index. */
const SOLUTION_FIELDS: Record<string, string> = {
  industry: 'industries',
  scenario: 'scenarios',
  district: 'providerDistricts',
  level: 'levels',
  deliveryMode: 'deliveryMode',
  providerKind: 'providerKind',
};
const NEED_FIELDS: Record<string, string> = { industry: 'industry', scenario: 'scenarios', district: 'district' };

const SOLUTION_SORT: Record<SolutionSearch['sort'], SortClause[]> = {
  relevance: [],
  price: [{ field: 'priceMinFen', direction: 'asc' }],
  '-price': [{ field: 'priceMinFen', direction: 'desc' }],
  deployDays: [{ field: 'deployDays', direction: 'asc' }],
  newest: [{ field: 'publishedAt', direction: 'desc' }],
};
const NEED_SORT: Record<NeedSearch['sort'], SortClause[]> = {
  relevance: [],
  budget: [{ field: 'budgetFen', direction: 'asc' }],
  '-budget': [{ field: 'budgetFen', direction: 'desc' }],
  deadline: [{ field: 'bidDeadline', direction: 'asc' }],
  newest: [{ field: 'publishedAt', direction: 'desc' }],
};

const anyOf = (field: string, values: (string | number)[] | undefined): Filter[] =>
  values?.length ? [values.length === 1 ? { field, op: 'eq', value: values[0] } : { field, op: 'in', values }] : [];

/** Translates the public search parameters into engine queries; only published objects are indexed. */
@Injectable()
export class SearchService {
  constructor(@Inject(SEARCH_ENGINE) private readonly engine: SearchEngine) {}

  async solutions(q: SolutionSearch): Promise<SolutionSearchPage> {
    const filters: Filter[] = [
      ...anyOf('industries', q.industry),
      ...anyOf('scenarios', q.scenario),
      ...anyOf('providerDistricts', q.district),
      ...anyOf('levels', q.level?.map(Number)),
      ...anyOf('deliveryMode', q.deliveryMode),
      ...anyOf('providerKind', q.providerKind ? [q.providerKind] : undefined),
      ...anyOf('providerId', q.providerId ? [q.providerId] : undefined),
    ];
    // A solution fits a budget when its lowest price does.
    if (q.priceMaxFen !== undefined) filters.push({ field: 'priceMinFen', op: 'range', max: q.priceMaxFen });
    if (q.deployDaysMax !== undefined) filters.push({ field: 'deployDays', op: 'range', max: q.deployDaysMax });
    return this.run<SolutionSearchDocument>(SOLUTIONS_INDEX, q, filters, SOLUTION_SORT[q.sort], SOLUTION_FIELDS, [
      'title',
      'summary',
      'description',
    ]);
  }

  async needs(q: NeedSearch): Promise<NeedSearchPage> {
    const filters: Filter[] = [
      ...anyOf('industry', q.industry),
      ...anyOf('scenarios', q.scenario),
      ...anyOf('district', q.district),
      ...anyOf('digitalLevel', q.level?.map(Number)),
      ...anyOf('enterpriseId', q.enterpriseId ? [q.enterpriseId] : undefined),
    ];
    if (q.priceMaxFen !== undefined || q.budgetMinFen !== undefined) {
      filters.push({ field: 'budgetFen', op: 'range', min: q.budgetMinFen, max: q.priceMaxFen });
    }
    if (q.deployDaysMax !== undefined) filters.push({ field: 'expectedDays', op: 'range', max: q.deployDaysMax });
    return this.run<NeedSearchDocument>(NEEDS_INDEX, q, filters, NEED_SORT[q.sort], NEED_FIELDS, ['title', 'description']);
  }

  /** Runs a query; the hits are the documents `D` the owning context indexed (its `toSearchDocuments`). */
  private async run<D extends object>(
    index: string,
    q: { q?: string; facets?: readonly string[]; page: number; pageSize: number },
    filters: Filter[],
    sort: SortClause[],
    fields: Record<string, string>,
    highlight: string[],
  ): Promise<{ hits: (D & Hit)[]; total: number; facets: Record<string, Record<string, number>>; page: number; pageSize: number }> {
    const query: SearchQuery = {
      text: q.q,
      filters,
      facets: (q.facets ?? []).map((f) => fields[f]),
      sort,
      page: q.page,
      pageSize: q.pageSize,
      highlight: q.q ? highlight : [],
    };
    const result: SearchResult = await this.engine.search(index, query);
    const facets: Record<string, Record<string, number>> = {};
    for (const name of q.facets ?? []) facets[name] = result.facets[fields[name]] ?? {};
    return {
      hits: result.hits.map((h) => ({ ...(h.doc as D), _score: h.score, _highlight: h.highlight })),
      total: result.total,
      facets,
      page: result.page,
      pageSize: result.pageSize,
    };
  }
}
