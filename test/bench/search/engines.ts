import { createRequire } from 'node:module';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import type { Orama } from '@orama/orama';
import MiniSearch from 'minisearch';
import { EmbeddedSearchEngine } from '../../../libs/platform/src/search-engine/embedded.search-engine.js';
import type { Filter, SearchQuery } from '../../../libs/platform/src/search-engine/search-engine.port.js';
import { fold, highlight, indexTokens, queryWords } from '../../../libs/platform/src/search-engine/tokenizer.js';
import { type BenchDocument, SETTINGS } from './generator.js';

/** What the benchmark asks of every engine: build once, then answer the query mix. */
export interface BenchEngine {
  readonly name: string;
  /** Indexes the documents, batch by batch as a re-index job would send them. */
  build(batches: Iterable<BenchDocument[]>): Promise<void>;
  search(query: SearchQuery): Promise<BenchAnswer>;
}

export interface BenchAnswer {
  total: number;
  ids: string[];
  facets: Record<string, Record<string, number>>;
}

const TEXT_FIELDS = ['title', 'summary', 'description'] as const;
const BOOST: Record<string, number> = { title: 3, summary: 2, description: 1 };

/** Peers get the same page highlighting the embedded engine does, so the work compared is the same. */
function highlightPage(docs: BenchDocument[], query: SearchQuery): void {
  const marks = queryWords(query.text ?? '').words;
  for (const doc of docs) for (const field of query.highlight ?? []) highlight(String(doc[field] ?? ''), marks);
}

function passes(doc: BenchDocument, filters: readonly Filter[]): boolean {
  return filters.every((f) => {
    const value = doc[f.field];
    const have = (Array.isArray(value) ? value : [value]).map(String);
    if (f.op === 'eq') return have.includes(String(f.value));
    if (f.op === 'in') return f.values.some((v) => have.includes(String(v)));
    return typeof value === 'number' && (f.min === undefined || value >= f.min) && (f.max === undefined || value <= f.max);
  });
}

function countFacets(docs: Iterable<BenchDocument>, fields: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of fields) out[f] = {};
  for (const doc of docs) {
    for (const f of fields) {
      const value = doc[f];
      for (const v of Array.isArray(value) ? value : [value]) out[f][String(v)] = (out[f][String(v)] ?? 0) + 1;
    }
  }
  return out;
}

function compareBy(query: SearchQuery): ((a: BenchDocument, b: BenchDocument) => number) | null {
  const sort = query.sort ?? [];
  if (sort.length === 0) return null;
  return (a, b) => {
    for (const s of sort) {
      const d = (a[s.field] as number) - (b[s.field] as number);
      if (d !== 0) return s.direction === 'asc' ? d : -d;
    }
    return a.id < b.id ? -1 : 1;
  };
}

export class EmbeddedBench implements BenchEngine {
  readonly name = 'smedx-embedded';
  readonly engine = new EmbeddedSearchEngine();

  async build(batches: Iterable<BenchDocument[]>): Promise<void> {
    await this.engine.ensureIndex('solutions', SETTINGS);
    for (const batch of batches) await this.engine.upsert('solutions', batch);
  }

  async search(query: SearchQuery): Promise<BenchAnswer> {
    const r = await this.engine.search('solutions', query);
    return { total: r.total, ids: r.hits.map((h) => h.id), facets: r.facets };
  }
}

/**
 * Orama with jieba: search-mode cut for documents, precise cut for queries
 * (Orama prefix-matches every query token), every token required
 * (threshold 0), facets and filters by Orama itself.
 */
export class OramaBench implements BenchEngine {
  readonly name = 'orama';
  private db: Orama<typeof OramaBench.schema> | null = null;

  static readonly schema = {
    id: 'string',
    title: 'string',
    summary: 'string',
    description: 'string',
    industries: 'enum[]',
    scenarios: 'enum[]',
    districts: 'enum[]',
    deliveryMode: 'enum',
    providerKind: 'enum',
    priceMaxFen: 'number',
    deployDays: 'number',
    publishedAt: 'number',
  } as const;

  async build(batches: Iterable<BenchDocument[]>): Promise<void> {
    const db = create({
      schema: OramaBench.schema,
      components: {
        tokenizer: {
          language: 'chinese',
          normalizationCache: new Map(),
          tokenize: (raw: string, _language?: string, prop?: string) =>
            prop === undefined ? queryWords(raw).words : prop === 'id' ? [raw] : indexTokens(raw),
        },
      },
    });
    this.db = db;
    for (const docs of batches) {
      await insertMultiple(
        db,
        docs.map((d) => ({
          id: d.id,
          title: d.title,
          summary: d.summary,
          description: d.description,
          industries: d.industries,
          scenarios: d.scenarios,
          districts: d.districts,
          deliveryMode: d.deliveryMode,
          providerKind: d.providerKind,
          priceMaxFen: d.priceMaxFen,
          deployDays: d.deployDays,
          publishedAt: d.publishedAt,
        })),
        1000,
      );
    }
  }

  async search(query: SearchQuery): Promise<BenchAnswer> {
    const where: Record<string, unknown> = {};
    for (const f of query.filters ?? []) {
      if (f.op === 'range')
        where[f.field] =
          f.min !== undefined && f.max !== undefined ? { between: [f.min, f.max] } : f.min !== undefined ? { gte: f.min } : { lte: f.max };
      else {
        const values = f.op === 'eq' ? [f.value] : f.values;
        const arrayField = f.field === 'industries' || f.field === 'scenarios' || f.field === 'districts';
        where[f.field] = arrayField ? { containsAny: values } : { in: values };
      }
    }
    const sort = query.sort?.[0];
    const facets: Record<string, { limit: number }> = {};
    for (const f of query.facets ?? []) facets[f] = { limit: 100 };
    const result = await oramaSearch(this.db!, {
      term: query.text,
      properties: [...TEXT_FIELDS],
      boost: BOOST,
      threshold: 0,
      where: Object.keys(where).length > 0 ? (where as never) : undefined,
      facets: Object.keys(facets).length > 0 ? (facets as never) : undefined,
      sortBy: sort ? { property: sort.field, order: sort.direction === 'asc' ? 'ASC' : 'DESC' } : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    highlightPage(
      result.hits.map((h) => h.document as unknown as BenchDocument),
      query,
    );
    const outFacets: Record<string, Record<string, number>> = {};
    for (const [field, facet] of Object.entries(result.facets ?? {})) outFacets[field] = facet.values;
    return { total: result.count, ids: result.hits.map((h) => String(h.document.id)), facets: outFacets };
  }
}

/**
 * MiniSearch with jieba: every word required, prefix on the last, fuzzy
 * matching on Latin words of 5+ letters; filters as its result filter over
 * the stored document, facets counted over all results.
 */
export class MiniSearchBench implements BenchEngine {
  readonly name = 'minisearch';
  private mini: MiniSearch<BenchDocument> | null = null;
  private readonly byId = new Map<string, BenchDocument>();

  async build(batches: Iterable<BenchDocument[]>): Promise<void> {
    const mini = new MiniSearch<BenchDocument>({
      fields: [...TEXT_FIELDS],
      tokenize: (text) => indexTokens(text),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => queryWords(text).words,
        processTerm: (term) => fold(term),
      },
    });
    this.mini = mini;
    for (const docs of batches) {
      for (const d of docs) this.byId.set(d.id, d);
      mini.addAll(docs);
    }
  }

  async search(query: SearchQuery): Promise<BenchAnswer> {
    const filters = query.filters ?? [];
    const results = this.mini!.search(query.text ?? '', {
      combineWith: 'AND',
      boost: BOOST,
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (/^[a-z]{5,}$/.test(term) ? 1 : false),
      filter: filters.length > 0 ? (r) => passes(this.byId.get(String(r.id))!, filters) : undefined,
    });
    const docs = results.map((r) => this.byId.get(String(r.id))!);
    const cmp = compareBy(query);
    if (cmp) docs.sort(cmp);
    const start = (query.page - 1) * query.pageSize;
    const page = docs.slice(start, start + query.pageSize);
    highlightPage(page, query);
    return { total: docs.length, ids: page.map((d) => d.id), facets: countFacets(docs, query.facets ?? []) };
  }
}

interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  pragma(sql: string): unknown;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}

const MULTI_VALUED = new Set(['industries', 'scenarios', 'districts', 'levels']);

/**
 * SQLite FTS5 through better-sqlite3: jieba tokens stored space-separated in
 * an FTS5 table (unicode61 splits them back), bm25 with column weights, each
 * query word required and the last one as a prefix; matches and filters go
 * into a temporary table once, then count, page and GROUP BY facets read it.
 */
export class SqliteFts5Bench implements BenchEngine {
  readonly name = 'sqlite-fts5';
  private db: SqliteDatabase | null = null;
  private readonly byRow: BenchDocument[] = [];
  private readonly statements = new Map<string, SqliteStatement>();

  private sql(text: string): SqliteStatement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db!.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async build(batches: Iterable<BenchDocument[]>): Promise<void> {
    const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteDatabase;
    const db = new Database(':memory:');
    this.db = db;
    db.pragma('journal_mode = OFF');
    db.exec(`
      CREATE VIRTUAL TABLE fts USING fts5(title, summary, description, tokenize = 'unicode61 remove_diacritics 0');
      CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, deliveryMode TEXT, providerKind TEXT,
                         priceMaxFen INTEGER, deployDays INTEGER, publishedAt INTEGER);
      CREATE TABLE doc_values (doc INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL);
      CREATE TEMP TABLE hits (rowid INTEGER PRIMARY KEY, score REAL);
    `);
    const insFts = db.prepare('INSERT INTO fts (rowid, title, summary, description) VALUES (?, ?, ?, ?)');
    const insDoc = db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insVal = db.prepare('INSERT INTO doc_values VALUES (?, ?, ?)');
    const load = db.transaction((batch: BenchDocument[], offset: number) => {
      batch.forEach((d, k) => {
        const row = offset + k + 1;
        insFts.run(row, indexTokens(d.title).join(' '), indexTokens(d.summary).join(' '), indexTokens(d.description).join(' '));
        insDoc.run(row, d.id, d.deliveryMode, d.providerKind, d.priceMaxFen, d.deployDays, d.publishedAt);
        for (const field of MULTI_VALUED) for (const v of d[field] as (string | number)[]) insVal.run(row, field, String(v));
      });
    });
    for (const docs of batches) {
      load(docs, this.byRow.length);
      this.byRow.push(...docs);
    }
    db.exec(`
      CREATE INDEX doc_values_by_value ON doc_values (field, value, doc);
      CREATE INDEX doc_values_by_doc ON doc_values (doc, field, value);
    `);
  }

  async search(query: SearchQuery): Promise<BenchAnswer> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const f of query.filters ?? []) {
      if (f.op === 'range') {
        for (const [bound, op] of [
          [f.min, '>='],
          [f.max, '<='],
        ] as const) {
          if (bound === undefined) continue;
          where.push(`d.${f.field} ${op} ?`);
          params.push(bound);
        }
        continue;
      }
      const values = (f.op === 'eq' ? [f.value] : f.values).map(String);
      const marks = values.map(() => '?').join(', ');
      if (MULTI_VALUED.has(f.field)) {
        where.push(`EXISTS (SELECT 1 FROM doc_values v WHERE v.doc = d.rowid AND v.field = ? AND v.value IN (${marks}))`);
        params.push(f.field, ...values);
      } else {
        where.push(`d.${f.field} IN (${marks})`);
        params.push(...values);
      }
    }
    const words = queryWords(query.text ?? '');
    const match = words.words
      .map((w, i) => `"${w.replaceAll('"', '""')}"${words.lastIsPrefix && i === words.words.length - 1 ? '*' : ''}`)
      .join(' AND ');
    this.sql('DELETE FROM temp.hits').run();
    const filterSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    if (match) {
      this.sql(
        `INSERT INTO temp.hits SELECT d.rowid, m.score FROM
           (SELECT rowid, bm25(fts, 3.0, 2.0, 1.0) AS score FROM fts WHERE fts MATCH ?) m
           JOIN docs d ON d.rowid = m.rowid ${filterSql}`,
      ).run(match, ...params);
    } else {
      this.sql(`INSERT INTO temp.hits SELECT d.rowid, 0 FROM docs d ${filterSql}`).run(...params);
    }
    const total = (this.sql('SELECT count(*) AS n FROM temp.hits').get() as { n: number }).n;
    const order =
      (query.sort ?? []).length > 0 ? query.sort!.map((s) => `d.${s.field} ${s.direction}`).join(', ') + ', d.id' : 'h.score, d.id';
    const rows = this.sql(`SELECT d.rowid AS row FROM temp.hits h JOIN docs d ON d.rowid = h.rowid ORDER BY ${order} LIMIT ? OFFSET ?`).all(
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ) as { row: number }[];
    const page = rows.map((r) => this.byRow[r.row - 1]);
    highlightPage(page, query);
    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) {
      const counts = MULTI_VALUED.has(field)
        ? this.sql(
            'SELECT v.value AS value, count(*) AS n FROM temp.hits h JOIN doc_values v ON v.doc = h.rowid AND v.field = ? GROUP BY v.value',
          ).all(field)
        : this.sql(`SELECT d.${field} AS value, count(*) AS n FROM temp.hits h JOIN docs d ON d.rowid = h.rowid GROUP BY d.${field}`).all();
      facets[field] = Object.fromEntries((counts as { value: string; n: number }[]).map((c) => [c.value, c.n]));
    }
    return { total, ids: page.map((d) => d.id), facets };
  }
}

export function makeEngine(name: string): BenchEngine {
  switch (name) {
    case 'smedx-embedded':
      return new EmbeddedBench();
    case 'orama':
      return new OramaBench();
    case 'minisearch':
      return new MiniSearchBench();
    case 'sqlite-fts5':
      return new SqliteFts5Bench();
    default:
      throw new Error(`unknown engine ${name}`);
  }
}

export const ENGINE_NAMES = ['smedx-embedded', 'orama', 'minisearch', 'sqlite-fts5'];
