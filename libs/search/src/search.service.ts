import { Inject, Injectable } from '@nestjs/common';
import { SEARCH_ENGINE } from '@smedx/platform';
import type { Filter, SearchEngine, SearchQuery, SearchResult, SortClause } from '@smedx/platform';
import { currentLexicon, understand } from '@smedx/lexicon';
import type { UnderstoodQuery } from '@smedx/lexicon';
import { SCENARIOS, nameOf } from '@smedx/taxonomy';
import type { NeedSearch, SolutionSearch } from './dto/search-query.dto.js';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';

/** What the search understood of `q`, so the UI can say "按'设备管理、预测性维护'为您查找". */
export interface UnderstoodView {
  /** The meaningful words of the query (stop and question words dropped). */
  terms: string[];
  /** Words added from the lexicon: synonyms, professional words for plain ones. */
  expanded: string[];
  /** Scenarios the words imply (they rank matching offers higher; they never filter). */
  scenarios: { code: string; name: string }[];
  /** Industry codes the words imply. */
  industries: string[];
}

export interface SearchPage {
  hits: Record<string, unknown>[];
  total: number;
  facets: Record<string, Record<string, number>>;
  page: number;
  pageSize: number;
  /** Present when `q` was given. */
  understood?: UnderstoodView;
  /** Why nothing was searched for (a query of stop words only), in Chinese. */
  notice?: string;
}

/** Shown when a query holds nothing but stop and question words. */
export const ONLY_STOP_WORDS_NOTICE = '您输入的都是"怎么""什么""想要"之类的常用词，请说说要解决的事，例如"设备联网""车间能耗""质量追溯"';

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

  async solutions(q: SolutionSearch): Promise<SearchPage> {
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
    return this.run(SOLUTIONS_INDEX, q, filters, SOLUTION_SORT[q.sort], SOLUTION_FIELDS, ['title', 'summary', 'description'], 'industries');
  }

  async needs(q: NeedSearch): Promise<SearchPage> {
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
    return this.run(NEEDS_INDEX, q, filters, NEED_SORT[q.sort], NEED_FIELDS, ['title', 'description'], 'industry');
  }

  private async run(
    index: string,
    q: { q?: string; facets?: readonly string[]; page: number; pageSize: number },
    filters: Filter[],
    sort: SortClause[],
    fields: Record<string, string>,
    highlight: string[],
    industryField: string,
  ): Promise<SearchPage> {
    const understood = q.q ? understand(q.q, currentLexicon()) : null;
    if (understood?.onlyStopWords) {
      const facets = Object.fromEntries((q.facets ?? []).map((name) => [name, {}]));
      return {
        hits: [],
        total: 0,
        facets,
        page: q.page,
        pageSize: q.pageSize,
        understood: viewOf(understood),
        notice: ONLY_STOP_WORDS_NOTICE,
      };
    }
    const boost: Filter[] = [];
    if (understood?.scenarios.length) boost.push({ field: 'scenarios', op: 'in', values: understood.scenarios });
    if (understood?.industries.length) boost.push({ field: industryField, op: 'in', values: understood.industries });
    const query: SearchQuery = {
      text: q.q,
      terms: understood?.groups,
      boost,
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
      hits: result.hits.map((h) => ({ ...h.doc, _score: h.score, _highlight: h.highlight })),
      total: result.total,
      facets,
      page: result.page,
      pageSize: result.pageSize,
      ...(understood ? { understood: viewOf(understood) } : {}),
    };
  }
}

function viewOf(u: UnderstoodQuery): UnderstoodView {
  return {
    terms: u.terms,
    expanded: u.expanded,
    scenarios: u.scenarios.map((code) => ({ code, name: nameOf(SCENARIOS, code) ?? code })),
    industries: u.industries,
  };
}
