import { InvertedIndex } from './inverted-index.js';
import { validateQuery, validateSettings } from './query-validation.js';
import type { IndexSettings, SearchDocument, SearchEngine, SearchQuery, SearchResult } from './search-engine.port.js';
import { searchWords } from './tokenizer.js';
import { TokenizerPool } from './tokenizer-pool.js';

/** Documents indexed between two yields to the event loop during a large upsert. */
const YIELD_EVERY = 500;
/** An upsert of at least this many documents is cut in the tokenizer's worker thread. */
const WORKER_BATCH = 200;

export interface EmbeddedSearchOptions {
  /** Compact an index once dead entries exceed this share of its document numbers. */
  compactDeadRatio?: number;
  /** …and this many, so small indexes do not compact on every write. */
  compactMinDead?: number;
  /**
   * Cut the texts of large upserts (a start-up build, a re-index) in a worker
   * thread, so the caller can read its next batch meanwhile. Default true.
   */
  tokenizeInWorker?: boolean;
}

/**
 * The in-process search engine (no `MEILI_HOST`): jieba-segmented BM25F over
 * typed-array postings, kept in memory and rebuilt from the database by the
 * re-index job at start-up.
 *
 * Writes to one index run one at a time; searches are synchronous under the
 * hood, so a search never sees an index halfway through one document.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  private readonly indexes = new Map<string, InvertedIndex>();
  private readonly writes = new Map<string, Promise<unknown>>();
  private readonly deadRatio: number;
  private readonly minDead: number;
  private readonly tokenizer: TokenizerPool | null;

  constructor(options: EmbeddedSearchOptions = {}) {
    this.deadRatio = options.compactDeadRatio ?? 0.25;
    this.minDead = options.compactMinDead ?? 64;
    this.tokenizer = options.tokenizeInWorker === false ? null : new TokenizerPool();
  }

  async ensureIndex(index: string, settings: IndexSettings): Promise<void> {
    validateSettings(settings);
    await this.write(index, async () => {
      const current = this.indexes.get(index);
      if (current && sameSettings(current.settings, settings)) return;
      // Synonyms and stop words act on queries only: the postings stand.
      if (current && sameSettings(withoutVocabulary(current.settings), withoutVocabulary(settings))) {
        current.useVocabulary(structuredClone(settings));
        return;
      }
      const next = new InvertedIndex(structuredClone(settings));
      if (current) await this.addAll(next, [...current.documents()]);
      this.indexes.set(index, next);
    });
  }

  upsert(index: string, docs: SearchDocument[]): Promise<void> {
    return this.write(index, async () => {
      const target = this.index(index);
      await this.addAll(target, docs);
      // A bulk load leaves postings up to twice their size; small writes are not worth a copy.
      if (docs.length >= 1000 && docs.length * 4 >= target.size) target.trim();
      this.maybeCompact(target);
      target.refreshNorms();
    });
  }

  delete(index: string, ids: string[]): Promise<void> {
    return this.write(index, async () => {
      const target = this.index(index);
      for (const id of ids) target.remove(id);
      this.maybeCompact(target);
      target.refreshNorms();
    });
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    const target = this.index(index);
    validateQuery(query, target.settings);
    return target.search(query);
  }

  clear(index: string): Promise<void> {
    return this.write(index, async () => {
      this.indexes.set(index, new InvertedIndex(this.index(index).settings));
    });
  }

  async count(index: string): Promise<number> {
    return this.index(index).size;
  }

  /** Stops the tokenizer's worker thread, if one runs (it also stops by itself when idle). */
  async close(): Promise<void> {
    await this.tokenizer?.close();
  }

  /** Nest calls this at shutdown on the instance its factory provided. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  private index(name: string): InvertedIndex {
    const found = this.indexes.get(name);
    if (!found) throw new Error(`search index "${name}" does not exist: call ensureIndex first`);
    return found;
  }

  /** Chains writes per index so a large upsert and a delete never interleave. */
  private write(index: string, work: () => Promise<void>): Promise<void> {
    const previous = this.writes.get(index) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.writes.set(
      index,
      next.catch(() => undefined),
    );
    return next;
  }

  /**
   * Adds documents, yielding to the event loop every few hundred. A large
   * batch is cut in the worker thread first (while it waits, the caller's
   * next read runs); should the worker fail, documents are cut here.
   */
  private async addAll(target: InvertedIndex, docs: readonly SearchDocument[]): Promise<void> {
    const terms = docs.length >= WORKER_BATCH ? await this.cutInWorker(target, docs) : null;
    const nf = target.settings.searchable.length;
    for (let i = 0; i < docs.length; i++) {
      target.add(docs[i], terms ? terms.slice(i * nf, i * nf + nf) : undefined);
      // Keeps the API answering while a re-index job feeds thousands of documents.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Each document's index terms per field, cut in the worker; null when it cannot (the caller cuts them). */
  private async cutInWorker(target: InvertedIndex, docs: readonly SearchDocument[]): Promise<string[][] | null> {
    if (!this.tokenizer) return null;
    const texts = docs.flatMap((doc) => target.foldedFields(doc));
    if (!texts.every(TokenizerPool.canCut)) return null;
    try {
      return (await this.tokenizer.cut(texts)).map(searchWords);
    } catch {
      return null;
    }
  }

  private maybeCompact(target: InvertedIndex): void {
    const dead = target.deadCount;
    if (dead >= this.minDead && dead > this.deadRatio * (dead + target.size)) target.compact();
  }
}

function withoutVocabulary(settings: IndexSettings): IndexSettings {
  return { ...settings, synonyms: undefined, stopWords: undefined };
}

function sameSettings(a: IndexSettings, b: IndexSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
