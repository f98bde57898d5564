/** Injection token of the {@link SearchEngine}. */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** A value a search document may hold in one field. */
export type SearchFieldValue = string | number | boolean | null | readonly string[] | readonly number[];

/**
 * One document of an index: a unique `id` plus flat fields. Fields named in
 * {@link IndexSettings} are searched, filtered, faceted or sorted; the others
 * are stored and returned as they are.
 */
export interface SearchDocument {
  id: string;
  [field: string]: SearchFieldValue;
}

/** A full-text field and its weight: a match in a heavier field ranks higher. */
export interface SearchableField {
  field: string;
  weight: number;
}

/**
 * How a field can be filtered: `keyword` holds one code, `keywords` an array
 * of codes (a document matches when any of them matches), `number` one number
 * (equality and ranges).
 */
export interface FilterableField {
  field: string;
  type: 'keyword' | 'keywords' | 'number';
}

/** What an index searches, filters, facets and sorts on. */
export interface IndexSettings {
  /** Full-text fields, heaviest first (e.g. title 3, summary 2, description 1). */
  searchable: SearchableField[];
  filterable: FilterableField[];
  /** Fields a query may sort on. */
  sortable: string[];
  /** Fields a query may ask facet counts for; each must also be filterable. */
  facets: string[];
  /** One-way synonyms: a query word (key) also matches each listed word. */
  synonyms?: Record<string, string[]>;
  /**
   * Words that carry no meaning in a query (folded). Meilisearch ignores them
   * in queries; an understood query ({@link SearchQuery.terms}) has none already.
   */
  stopWords?: string[];
}

/**
 * One meaningful word of an understood query and the words that may stand
 * for it (synonyms, what an abbreviation stands for): a document covers the
 * term when it has any of them.
 */
export interface QueryTerm {
  /** Folded. */
  term: string;
  alternatives: readonly string[];
  /** The term may be unfinished: it also matches as a prefix. */
  prefix?: boolean;
}

/** One condition on a filterable field; the conditions of a query are ANDed. */
export type Filter =
  | { field: string; op: 'eq'; value: string | number }
  | { field: string; op: 'in'; values: (string | number)[] }
  /** Inclusive bounds; a missing bound is open. Only on `number` fields. */
  | { field: string; op: 'range'; min?: number; max?: number };

export interface SortClause {
  field: string;
  direction: 'asc' | 'desc';
}

export interface SearchQuery {
  /**
   * Free text. Every word must match (falling back to any word when no
   * document matches them all); the last word also matches as a prefix;
   * Latin words of 5+ letters tolerate one typo, of 9+ letters two.
   * Absent or blank: every document passing the filters.
   */
  text?: string;
  /**
   * The query as understood (stop words gone, synonyms attached); when
   * given, it is matched instead of `text`. Ranked by how much of it a
   * document covers, Meilisearch's `frequency` strategy: documents with every
   * term first; when too few have them all, terms are given up commonest
   * first, and documents covering fewer (rarer terms weighing more) follow.
   * Empty: nothing matches.
   */
  terms?: readonly QueryTerm[];
  /**
   * Documents passing one of these rank above those equally covering the
   * query (relevance order only); never a filter: the others stay.
   */
  boost?: Filter[];
  filters?: Filter[];
  /** Fields to count values of over all matching documents (not just the page). */
  facets?: string[];
  /**
   * Sort clauses, most significant first; ties are broken by `id` ascending.
   * Empty or absent: by relevance (by `id` when there is no text).
   */
  sort?: SortClause[];
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** Fields to return highlighted; absent: none. */
  highlight?: string[];
}

export interface SearchHit {
  id: string;
  /** Relevance score; comparable only within one result. */
  score: number;
  /** The stored document; read-only (the embedded engine hands out its own frozen copy). */
  doc: Readonly<Record<string, unknown>>;
  /** Field → its HTML-escaped text with `<em>…</em>` around matched words. */
  highlight: Record<string, string>;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching documents over all pages. */
  total: number;
  /** Field → value → number of matching documents having that value. */
  facets: Record<string, Record<string, number>>;
  page: number;
  pageSize: number;
}

/**
 * Full-text search over named indexes. Which adapter is bound to
 * {@link SEARCH_ENGINE} is decided by configuration: `MEILI_HOST` unset gives
 * the in-process {@link EmbeddedSearchEngine}, set gives the
 * {@link MeilisearchSearchEngine}. Both pass the same contract suite
 * (`search-engine.contract.ts`).
 *
 * A query naming a field the index settings do not allow for that use
 * (filter, facet, sort) is rejected with an `InvalidInputError`.
 */
export interface SearchEngine {
  /**
   * Creates the index when missing and applies `settings`; an index whose
   * settings changed is re-indexed. Idempotent; call it before any other
   * method on that index.
   */
  ensureIndex(index: string, settings: IndexSettings): Promise<void>;
  /** Adds documents, replacing whole any stored document with the same id. */
  upsert(index: string, docs: SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  delete(index: string, ids: string[]): Promise<void>;
  search(index: string, query: SearchQuery): Promise<SearchResult>;
  /** Removes every document, keeping the settings. */
  clear(index: string): Promise<void>;
  /** Number of documents in the index. */
  count(index: string): Promise<number>;
}
