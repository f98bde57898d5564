import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, CLOCK, SEARCH_ENGINE, editDistanceWithin, fold } from '@smedx/platform';
import type { AppConfig, Clock, Filter, SearchEngine, SearchQuery, SearchResult, SortClause } from '@smedx/platform';
import type {
  NeedSearchDocument,
  NeedSearchPage,
  SolutionHit,
  SolutionSearchDocument,
  SolutionSearchPage,
  SuggestView,
  UnderstoodView,
} from '@smedx/contracts';
import { DirectoryService } from '@smedx/directory';
import { currentLexicon, understand } from '@smedx/lexicon';
import type { Lexicon, UnderstoodQuery } from '@smedx/lexicon';
import { applyFairExposure } from '@smedx/reputation';
import { SCENARIOS, nameOf } from '@smedx/taxonomy';
import { SearchMissesService } from './search-misses.service.js';
import type { SuggestQuery } from './dto/unmet-demand.dto.js';
import type { NeedSearch, SolutionSearch } from './dto/search-query.dto.js';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';

/** What a hit adds to its document. */
interface Hit {
  _score: number;
  _highlight: Record<string, string>;
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

/**
 * The head of a relevance-ranked solution list that fair exposure reorders: pages inside it are
 * cut from the reordered head, pages beyond it come from the engine unchanged (the step only
 * permutes the head, so no hit is lost or repeated between pages).
 */
const EXPOSURE_HEAD = 50;

/** Translates the public search parameters into engine queries; only published objects are indexed. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly misses: SearchMissesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: DirectoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Completions of what is being typed: lexicon words starting with it, then
   * titles of published solutions the engine finds for it as a prefix.
   */
  async suggest(q: SuggestQuery): Promise<SuggestView> {
    const prefix = fold(q.q).trim();
    const items: SuggestView['items'] = [];
    const seen = new Set<string>();
    const push = (text: string, kind: 'title' | 'term'): void => {
      if (items.length < q.limit && !seen.has(text)) {
        seen.add(text);
        items.push({ text, kind });
      }
    };
    for (const word of wordsStartingWith(currentLexicon(), prefix, Math.ceil(q.limit / 2))) push(word, 'term');
    const found = await this.engine.search(SOLUTIONS_INDEX, { text: q.q, page: 1, pageSize: q.limit * 2 });
    const titles = found.hits.map((h) => String(h.doc.title ?? '')).filter(Boolean);
    // Titles holding the text as typed first, then the other matches.
    for (const title of titles) if (fold(title).includes(prefix)) push(title, 'title');
    for (const title of titles) push(title, 'title');
    return { q: q.q, items };
  }

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
    const search = (page: number, pageSize: number) =>
      this.run<SolutionSearchDocument>(
        SOLUTIONS_INDEX,
        { ...q, page, pageSize },
        filters,
        SOLUTION_SORT[q.sort],
        SOLUTION_FIELDS,
        ['title', 'summary', 'description'],
        'industries',
      );
    if (q.sort !== 'relevance' || q.providerId || q.page * q.pageSize > EXPOSURE_HEAD) return search(q.page, q.pageSize);
    const head = await search(1, EXPOSURE_HEAD);
    const start = (q.page - 1) * q.pageSize;
    return { ...head, hits: (await this.fairExposure(head.hits)).slice(start, start + q.pageSize), page: q.page, pageSize: q.pageSize };
  }

  /**
   * The one fair-exposure step (`libs/reputation`) over a relevance-ranked head: fit is the
   * relevance score relative to the best hit; newcomers are approved providers with few
   * completed projects, read fresh from the directory. Each hit says why it is where it is
   * (`_placement`). The order is a function of the query alone, so pages stay consistent.
   */
  private async fairExposure(hits: SolutionHit[]): Promise<SolutionHit[]> {
    if (hits.length < 2) return hits;
    const exposure = this.config.exposure;
    const providers = new Map((await this.directory.providersByIds(hits.map((h) => h.providerId))).map((p) => [p.id, p]));
    const best = Math.max(...hits.map((h) => h._score || 0));
    const placed = applyFairExposure(
      hits.map((h, i) => {
        const provider = providers.get(h.providerId);
        return {
          item: h,
          providerId: h.providerId,
          // Without a text score (browsing), rank stands in for fit.
          fit: best > 0 ? (h._score || 0) / best : 1 - i / hits.length,
          newcomer: provider?.status === 'approved' && provider.completedProjects < exposure.newcomerProjects,
        };
      }),
      // No balance by recent exposure here: it would change between the requests of two pages.
      exposure,
    );
    return placed.map((p) => ({ ...p.item, _placement: p.placement }));
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
    return this.run<NeedSearchDocument>(NEEDS_INDEX, q, filters, NEED_SORT[q.sort], NEED_FIELDS, ['title', 'description'], 'industry');
  }

  /** Runs a query; the hits are the documents `D` the owning context indexed (its `toSearchDocuments`). */
  private async run<D extends object>(
    index: string,
    q: {
      q?: string;
      facets?: readonly string[];
      page: number;
      pageSize: number;
      scenario?: readonly string[];
      industry?: readonly string[];
    },
    filters: Filter[],
    sort: SortClause[],
    fields: Record<string, string>,
    highlight: string[],
    industryField: string,
  ): Promise<{
    hits: (D & Hit)[];
    total: number;
    facets: Record<string, Record<string, number>>;
    page: number;
    pageSize: number;
    understood?: UnderstoodView;
    notice?: string;
    didYouMean?: string;
  }> {
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
    if (understood && q.page === 1) {
      await this.misses.record(
        {
          target: index === SOLUTIONS_INDEX ? 'solutions' : 'needs',
          query: q.q!,
          terms: understood.terms,
          scenarios: q.scenario?.length ? [...q.scenario] : understood.scenarios,
          industries: q.industry?.length ? [...q.industry] : understood.industries,
          filters: recordedFilters(filters),
          total: result.total,
        },
        this.clock.now(),
      );
    }
    const facets: Record<string, Record<string, number>> = {};
    for (const name of q.facets ?? []) facets[name] = result.facets[fields[name]] ?? {};
    return {
      hits: result.hits.map((h) => ({ ...(h.doc as D), _score: h.score, _highlight: h.highlight })),
      total: result.total,
      facets,
      page: result.page,
      pageSize: result.pageSize,
      ...(understood ? { understood: viewOf(understood) } : {}),
      ...(understood && result.total === 0 ? didYouMean(q.q!, understood.terms, currentLexicon()) : {}),
    };
  }
}

/**
 * The query with each word the lexicon does not know replaced by the closest
 * word it knows (one edit for up to four characters, two beyond), when any was.
 */
export function didYouMean(text: string, terms: readonly string[], lexicon: Lexicon): { didYouMean?: string } {
  const words = lexicon.words();
  const known = (term: string): boolean => lexicon.expansionsOf(term).length > 0 || lexicon.scenariosOf(term).length > 0;
  const closest = (term: string): string | null => {
    const budget = term.length <= 4 ? 1 : 2;
    let best: string | null = null;
    let bestDistance = budget + 1;
    for (const word of words) {
      if (Math.abs(word.length - term.length) > budget || word === term) continue;
      const d = editDistanceWithin(term, word, budget);
      if (d < bestDistance) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  };
  // A mistyped word is often cut apart (能源计亮 → 能源 计亮): the whole of it first.
  const whole = terms.join('');
  const wholeFix = terms.length > 1 && !known(whole) ? closest(whole) : null;
  if (wholeFix) return { didYouMean: wholeFix };
  let changed = false;
  const fixed = terms.map((term) => {
    const best = known(term) ? null : closest(term);
    if (!best) return term;
    changed = true;
    return best;
  });
  return changed && fixed.join(' ') !== fold(text).trim() ? { didYouMean: fixed.join(' ') } : {};
}

const sortedWords = new WeakMap<Lexicon, string[]>();

/** Lexicon words starting with `prefix`, shortest first: binary search over the words sorted once per lexicon. */
export function wordsStartingWith(lexicon: Lexicon, prefix: string, limit: number): string[] {
  if (!prefix) return [];
  let sorted = sortedWords.get(lexicon);
  if (!sorted) {
    sorted = lexicon.words().sort();
    sortedWords.set(lexicon, sorted);
  }
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
  return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
}

/** The filters of a search as recorded with a miss: field → value(s) or bounds; an id filter (whose page it was) is left out. */
function recordedFilters(filters: readonly Filter[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of filters) {
    if (f.field.endsWith('Id')) continue;
    out[f.field] = f.op === 'eq' ? f.value : f.op === 'in' ? f.values : { min: f.min, max: f.max };
  }
  return out;
}

function viewOf(u: UnderstoodQuery): UnderstoodView {
  return {
    terms: u.terms,
    expanded: u.expanded,
    scenarios: u.scenarios.map((code) => ({ code, name: nameOf(SCENARIOS, code) ?? code })),
    industries: u.industries,
  };
}
