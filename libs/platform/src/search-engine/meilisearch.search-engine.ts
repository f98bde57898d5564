import { Meilisearch } from 'meilisearch';
import type { FederatedMultiSearchParams, Hit, MultiSearchQueryWithFederation, SearchParams, Settings, Task } from 'meilisearch';
import { InvalidInputError } from '../errors/domain-error.js';
import { validateQuery, validateSettings } from './query-validation.js';
import type { Filter, IndexSettings, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from './search-engine.port.js';
import { escapeHtml } from './tokenizer.js';

/**
 * Highlight tags asked of Meilisearch. Its `_formatted` text is not
 * HTML-escaped, so the adapter asks for private-use characters, escapes the
 * text, then turns them into `<em>`/`</em>`.
 */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

/** Field names that need no quoting in a filter or sort expression. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Meilisearch's default rules with `sort` first, so an explicit sort is strict as in the embedded engine. */
export const RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];

/**
 * How much a boosted document's ranking score counts against the others' in
 * the federated search that carries a boost (scores are in [0, 1]).
 */
export const BOOST_WEIGHT = 1.2;

/** Documents sent per request: Meilisearch payloads are capped at 100 MB by default. */
const UPSERT_BATCH = 10_000;

/** A document as Meilisearch returns it (typed loosely: `Hit` adds non-field keys). */
type StoredDocument = Record<string, unknown>;

/** A paged Meilisearch request (page + hitsPerPage give exact totals). */
export type MeiliSearchRequest = SearchParams & { page: number; hitsPerPage: number };

export interface MeilisearchOptions {
  host: string;
  apiKey?: string;
  /** Prepended to every index name, so several deployments can share one server. */
  indexPrefix?: string;
  /** How long to wait for an indexing task before failing (default 60 s). */
  taskTimeoutMs?: number;
}

/**
 * A filter value as a double-quoted Meilisearch string: backslashes and
 * quotes escaped, so no value can end the string and add `OR`, `NOT`,
 * parentheses or another condition. Numbers are quoted too; Meilisearch
 * compares a quoted number as a number.
 */
export function quoteFilterValue(value: string | number): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function checkedField(field: string, allowed: ReadonlySet<string>, use: string): string {
  if (!allowed.has(field) || !FIELD_NAME.test(field)) {
    throw new InvalidInputError([{ field: `filters.${field}`, reason: `is not ${use}` }], 'invalid_search_query');
  }
  return field;
}

/**
 * The query's filters as Meilisearch filter expressions, one per filter
 * (Meilisearch ANDs the elements of a filter array). Fields must be
 * filterable in `settings`.
 */
export function toMeiliFilter(filters: readonly Filter[], settings: IndexSettings): string[] {
  const filterable = new Set(settings.filterable.map((f) => f.field));
  return filters.map((filter) => {
    const field = checkedField(filter.field, filterable, 'filterable');
    switch (filter.op) {
      case 'eq':
        return `${field} = ${quoteFilterValue(filter.value)}`;
      case 'in':
        if (filter.values.length === 0) {
          throw new InvalidInputError([{ field: `filters.${field}`, reason: 'values must not be empty' }], 'invalid_search_query');
        }
        return `${field} IN [${filter.values.map(quoteFilterValue).join(', ')}]`;
      case 'range': {
        const parts: string[] = [];
        for (const [bound, op] of [
          [filter.min, '>='],
          [filter.max, '<='],
        ] as const) {
          if (bound === undefined) continue;
          if (typeof bound !== 'number' || !Number.isFinite(bound)) {
            throw new InvalidInputError(
              [{ field: `filters.${field}`, reason: 'range bounds must be finite numbers' }],
              'invalid_search_query',
            );
          }
          parts.push(`${field} ${op} ${quoteFilterValue(bound)}`);
        }
        if (parts.length === 0) {
          throw new InvalidInputError([{ field: `filters.${field}`, reason: 'range needs min or max' }], 'invalid_search_query');
        }
        return parts.join(' AND ');
      }
      default:
        throw new InvalidInputError([{ field: `filters.${field}`, reason: 'unknown filter operator' }], 'invalid_search_query');
    }
  });
}

/** The index settings as Meilisearch settings. */
export function toMeiliSettings(settings: IndexSettings): Settings {
  const fields = [...settings.searchable.map((s) => s.field), ...settings.filterable.map((f) => f.field), ...settings.sortable];
  const bad = fields.filter((f) => !FIELD_NAME.test(f));
  if (bad.length > 0) throw new Error(`search field names must be plain identifiers: ${bad.join(', ')}`);
  return {
    // Meilisearch ranks by attribute order, not weights: heaviest first.
    searchableAttributes: [...settings.searchable].sort((a, b) => b.weight - a.weight).map((s) => s.field),
    filterableAttributes: settings.filterable.map((f) => f.field),
    // `id` breaks ties between equal sort keys.
    sortableAttributes: [...new Set([...settings.sortable, 'id'])],
    rankingRules: RANKING_RULES,
    synonyms: settings.synonyms ?? {},
    stopWords: settings.stopWords ?? [],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
    // Totals and deep pages are exact up to this many matches.
    pagination: { maxTotalHits: 100_000 },
  };
}

/**
 * The text Meilisearch is asked for: an understood query's terms (their
 * alternatives are the index's `synonyms`, from the same lexicon), else the
 * raw text; null for none.
 */
export function meiliQueryText(query: SearchQuery): string | null {
  if (query.terms) return query.terms.map((t) => t.term).join(' ') || null;
  return query.text?.trim() || null;
}

/**
 * The Meilisearch search request for a query: validated against the index
 * settings, filters quoted, sort ties broken by id. Raw text requires every
 * word; an understood query ranks by coverage (`frequency`: the commonest
 * terms are given up first).
 */
export function toMeiliRequest(query: SearchQuery, settings: IndexSettings): MeiliSearchRequest {
  validateQuery(query, settings);
  const request: MeiliSearchRequest = {
    page: query.page,
    hitsPerPage: query.pageSize,
    matchingStrategy: query.terms ? 'frequency' : 'all',
    showRankingScore: true,
  };
  const filter = toMeiliFilter(query.filters ?? [], settings);
  if (filter.length > 0) request.filter = filter;
  if (query.facets && query.facets.length > 0) request.facets = [...query.facets];
  const sort = query.sort ?? [];
  if (sort.length > 0) request.sort = [...sort.map((s) => `${s.field}:${s.direction}`), 'id:asc'];
  // Without text there is no relevance: list by id, as the embedded engine does.
  else if (!meiliQueryText(query)) request.sort = ['id:asc'];
  if (query.highlight && query.highlight.length > 0) {
    request.attributesToHighlight = [...query.highlight];
    request.highlightPreTag = HIGHLIGHT_PRE;
    request.highlightPostTag = HIGHLIGHT_POST;
  }
  return request;
}

/**
 * A boosted query as Meilisearch can run it: `count`, the plain request
 * asking no hits (its total and facets are the result's), and `federated`,
 * the page of hits from two queries merged by weighted ranking score — the
 * documents passing a boost filter (any of them) weighted {@link BOOST_WEIGHT},
 * every document weighted 1; a document found by both counts once, with its
 * better score. Null when the query has no boost to apply (or is sorted).
 */
export function toMeiliBoostedSearch(
  query: SearchQuery,
  settings: IndexSettings,
  indexUid: string,
): { count: MeiliSearchRequest; federated: FederatedMultiSearchParams } | null {
  const request = toMeiliRequest(query, settings);
  const q = meiliQueryText(query);
  if (!q || !query.boost?.length || request.sort) return null;
  const filter = toMeiliFilter(query.filters ?? [], settings);
  const boost = toMeiliFilter(query.boost, settings);
  const common: MultiSearchQueryWithFederation = {
    indexUid,
    q,
    matchingStrategy: request.matchingStrategy,
    showRankingScore: true,
    ...(request.attributesToHighlight
      ? { attributesToHighlight: request.attributesToHighlight, highlightPreTag: HIGHLIGHT_PRE, highlightPostTag: HIGHLIGHT_POST }
      : {}),
  };
  return {
    count: { ...request, hitsPerPage: 0 },
    federated: {
      federation: { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      queries: [
        // An inner array is an OR in a Meilisearch filter: any boost filter lifts a document.
        { ...common, filter: [...filter, boost], federationOptions: { weight: BOOST_WEIGHT } },
        { ...common, ...(filter.length ? { filter } : {}), federationOptions: { weight: 1 } },
      ],
    },
  };
}

/** Meilisearch's highlighted text as escaped HTML with `<em>` marks. */
export function toHighlightHtml(formatted: string, raw: string): string {
  // Text that itself holds a marker character cannot be told apart: plain escaped text then.
  if (raw.includes(HIGHLIGHT_PRE) || raw.includes(HIGHLIGHT_POST)) return escapeHtml(raw);
  return escapeHtml(formatted).replaceAll(HIGHLIGHT_PRE, '<em>').replaceAll(HIGHLIGHT_POST, '</em>');
}

/** Maps a Meilisearch hit to a {@link SearchHit}. */
export function fromMeiliHit(hit: Hit<StoredDocument>, highlightFields: readonly string[]): SearchHit {
  const { _formatted: formatted, _rankingScore: score, _matchesPosition, _rankingScoreDetails, _federation, ...doc } = hit;
  const highlight: Record<string, string> = {};
  for (const field of highlightFields) {
    const raw = doc[field];
    const marked = formatted?.[field];
    if (typeof raw === 'string') highlight[field] = toHighlightHtml(typeof marked === 'string' ? marked : raw, raw);
    else if (Array.isArray(raw)) {
      const markedList = Array.isArray(marked) ? marked : raw;
      highlight[field] = raw.map((v, i) => toHighlightHtml(String(markedList[i] ?? v), String(v))).join(', ');
    }
  }
  return { id: String(doc.id), score: score ?? 0, doc, highlight };
}

/**
 * The Meilisearch adapter (`MEILI_HOST` set). Every write waits for its task
 * and throws when the task failed, so the outbox relay retries it.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  private readonly client: Meilisearch;
  private readonly prefix: string;
  private readonly timeout: number;
  private readonly settings = new Map<string, IndexSettings>();

  constructor(options: MeilisearchOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
    this.prefix = options.indexPrefix ?? '';
    this.timeout = options.taskTimeoutMs ?? 60_000;
  }

  async ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    validateSettings(settings);
    // Callers ensure before every write; two server tasks each time would be waste.
    if (JSON.stringify(this.settings.get(index)) === JSON.stringify(settings)) return;
    const meiliSettings = toMeiliSettings(settings);
    const created = await this.client.createIndex(this.uid(index), { primaryKey: 'id' }).waitTask({ timeout: this.timeout });
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') this.fail(created);
    this.check(await this.index(index).updateSettings(meiliSettings).waitTask({ timeout: this.timeout }));
    this.settings.set(index, structuredClone(settings));
  }

  async upsert(index: string, docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += UPSERT_BATCH) {
      const batch = docs.slice(i, i + UPSERT_BATCH);
      // addDocuments replaces a stored document whole (updateDocuments would merge fields).
      this.check(await this.index(index).addDocuments(batch, { primaryKey: 'id' }).waitTask({ timeout: this.timeout }));
    }
  }

  async delete(index: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    this.check(await this.index(index).deleteDocuments(ids).waitTask({ timeout: this.timeout }));
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    const settings = this.settings.get(index);
    if (!settings) throw new Error(`search index "${index}" is unknown here: call ensureIndex first`);
    const request = toMeiliRequest(query, settings);
    const text = meiliQueryText(query);
    if (query.terms && !text) return { hits: [], total: 0, facets: emptyFacets(query), page: query.page, pageSize: query.pageSize };
    const boosted = toMeiliBoostedSearch(query, settings, this.uid(index));
    if (boosted) return this.searchBoosted(index, query, text, boosted);
    let response = await this.index(index).search<StoredDocument, MeiliSearchRequest>(text, request);
    // As the embedded engine: when no document has every word of a raw text, any word will do.
    if (text && !query.terms && response.totalHits === 0) {
      response = await this.index(index).search<StoredDocument, MeiliSearchRequest>(text, { ...request, matchingStrategy: 'last' });
    }
    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) facets[field] = byCount(response.facetDistribution?.[field] ?? {});
    return {
      hits: response.hits.map((hit) => fromMeiliHit(hit, query.highlight ?? [])),
      total: response.totalHits,
      facets,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async searchBoosted(
    index: string,
    query: SearchQuery,
    text: string | null,
    boosted: { count: MeiliSearchRequest; federated: FederatedMultiSearchParams },
  ): Promise<SearchResult> {
    const [counted, merged] = await Promise.all([
      this.index(index).search<StoredDocument, MeiliSearchRequest>(text, boosted.count),
      this.client.multiSearch<FederatedMultiSearchParams, StoredDocument>(boosted.federated),
    ]);
    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) facets[field] = byCount(counted.facetDistribution?.[field] ?? {});
    return {
      hits: merged.hits.map((hit) => fromMeiliHit(hit, query.highlight ?? [])),
      total: counted.totalHits,
      facets,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async clear(index: string): Promise<void> {
    this.check(await this.index(index).deleteAllDocuments().waitTask({ timeout: this.timeout }));
  }

  async count(index: string): Promise<number> {
    return (await this.index(index).getStats()).numberOfDocuments;
  }

  private uid(index: string): string {
    return `${this.prefix}${index}`;
  }

  private index(index: string) {
    return this.client.index<StoredDocument>(this.uid(index));
  }

  private check(task: Task): void {
    if (task.status !== 'succeeded') this.fail(task);
  }

  private fail(task: Task): never {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) on ${task.indexUid ?? '-'} ${task.status}: ${reason}`);
  }
}

function emptyFacets(query: SearchQuery): Record<string, Record<string, number>> {
  return Object.fromEntries((query.facets ?? []).map((f) => [f, {}]));
}

/** Facet counts largest first, then by value, as the embedded engine returns them. */
function byCount(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [value, count] of Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    if (count > 0) out[value] = count;
  }
  return out;
}
