import { bitWords, DocBits, FilterColumn, growInt32, KeywordColumn, KeywordsColumn, NumberColumn, SortColumn } from './column-store.js';
import type {
  Filter,
  IndexSettings,
  SearchDocument,
  SearchFieldValue,
  SearchHit,
  SearchQuery,
  SearchResult,
} from './search-engine.port.js';
import { editDistanceWithin, fold, highlight, indexTokens, isLatinWord, queryWords, subWords, typoBudget } from './tokenizer.js';

/** BM25 saturation and length normalisation, the usual values. */
const K1 = 1.2;
const B = 0.75;
/** How much less than an exact word a variant counts. */
const PREFIX_WEIGHT = 0.8;
const SYNONYM_WEIGHT = 0.9;
const TYPO_WEIGHTS = [1, 0.6, 0.4];
/** Prefix expansions kept for the last query word (the most frequent ones). */
const MAX_PREFIX_TERMS = 32;
/** Term frequencies are stored in one byte; more occurrences add nothing under BM25 saturation. */
const MAX_TF = 255;
/** Filter bit sets kept for reuse (a query's tiers repeat filters; so do queries of one kind). */
const FILTER_CACHE_SIZE = 64;

/**
 * The documents containing one term, by ascending document number, with the
 * term's frequency in each searchable field (`tfs[i * fields + f]`) and the
 * BM25F term weight those give (`impacts[i]`, without the idf), so a query
 * reads one float per posting.
 */
interface Posting {
  docs: Int32Array<ArrayBuffer>;
  tfs: Uint8Array<ArrayBuffer>;
  impacts: Float32Array<ArrayBuffer>;
  len: number;
}

/** One way a query word can match: a term (or synonym phrase) and how much it counts. */
interface Variant {
  posting: Posting;
  weight: number;
}

/** A query word: a document matches it when it matches any of its variants. */
interface Word {
  variants: Variant[];
  /** Total postings to read: the cheapest word drives the intersection. */
  cost: number;
}

interface Plan {
  words: Word[];
  /** Folded strings to mark in highlights. */
  marks: string[];
}

/**
 * One in-memory index: postings in typed arrays, per-document columns for
 * filters, facets and sorting, and scratch arrays reused by every query so a
 * search allocates little beyond its result.
 *
 * Documents get consecutive internal numbers; postings are append-only and so
 * stay sorted. Replacing or deleting a document only marks its number dead;
 * {@link compact} renumbers once dead numbers pile up.
 */
export class InvertedIndex {
  private readonly fields: string[];
  private readonly weights: Float64Array;
  private readonly nf: number;
  private readonly synonyms = new Map<string, string[]>();

  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private postings: Posting[] = [];
  /** Term ids by term, for prefix lookup; rebuilt lazily after new terms. */
  private sortedTerms: Int32Array | null = null;
  /** Latin term ids by length, the candidates of typo matching. */
  private latinByLength = new Map<number, number[]>();

  private docCount = 0;
  private liveCount = 0;
  private ids: string[] = [];
  private stored: (SearchDocument | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  private alive: DocBits = new Uint32Array(1);
  /** Token count of each document's fields (`d * nf + f`); room for as many documents as `scores`. */
  private fieldLens: Uint16Array<ArrayBuffer>;
  /** BM25F factor of each document's fields: weight / length normalisation (`d * nf + f`). */
  private norms: Float32Array<ArrayBuffer>;
  private readonly lenSums: Float64Array;
  /** Average field lengths the norms were computed with. */
  private readonly normAvgs: Float64Array;

  private readonly filterColumns = new Map<string, FilterColumn>();
  private readonly sortColumns = new Map<string, SortColumn>();

  private generation = 0;
  private marks = new Uint32Array(16);
  private scores = new Float32Array(16);
  /** Words matched so far (AND) or in all (OR fallback). */
  private wordHits = new Uint16Array(16);
  private lastWord = new Int16Array(16);
  /** Matching documents of the running query. */
  private candidates = new Int32Array(16);
  /** The running query's allowed documents. */
  private allowedScratch: DocBits = new Uint32Array(1);
  /**
   * One filter's documents (dead ones included: queries intersect with the
   * live set), by the filter's key. Valid while no document number is added
   * or renumbered: a change adds a number, so the cache holds for one `docCount`.
   */
  private readonly filterCache = new Map<string, DocBits>();
  private filterCacheCount = -1;
  /**
   * Document numbers in id order (dead ones too, until compaction) and each
   * number's place in it, so that ordering by id — the tie-break of every
   * ranking — compares two integers, not two strings. Documents from
   * `idOrdered` on are not placed yet; {@link idRanks} places them.
   */
  private idOrder = new Int32Array(0);
  private idOrderSpare = new Int32Array(0);
  private idRank = new Int32Array(0);
  private idOrdered = 0;
  /** Terms of the document being added. */
  private touched = new Int32Array(64);

  constructor(readonly settings: IndexSettings) {
    this.fields = settings.searchable.map((s) => s.field);
    this.weights = Float64Array.from(settings.searchable.map((s) => s.weight));
    this.nf = this.fields.length;
    // Per-field arrays hold nf entries per document: `reserve` grows them with `scores`.
    this.fieldLens = new Uint16Array(this.scores.length * this.nf);
    this.norms = new Float32Array(this.scores.length * this.nf);
    this.lenSums = new Float64Array(this.nf);
    this.normAvgs = new Float64Array(this.nf);
    for (const { field, type } of settings.filterable) {
      this.filterColumns.set(
        field,
        type === 'keyword' ? new KeywordColumn() : type === 'keywords' ? new KeywordsColumn() : new NumberColumn(),
      );
    }
    for (const field of settings.sortable) this.sortColumns.set(field, new SortColumn());
    for (const [key, list] of Object.entries(settings.synonyms ?? {})) this.synonyms.set(fold(key).trim(), list);
  }

  get size(): number {
    return this.liveCount;
  }

  /** Dead document numbers not yet compacted away. */
  get deadCount(): number {
    return this.docCount - this.liveCount;
  }

  /** Every stored document, for re-indexing under new settings. */
  *documents(): Iterable<SearchDocument> {
    for (let d = 0; d < this.docCount; d++) {
      const doc = this.stored[d];
      if (doc) yield doc;
    }
  }

  /** The folded text of each searchable field of a document, in field order: what its index terms are cut from. */
  foldedFields(doc: SearchDocument): string[] {
    return this.fields.map((field) => fold(fieldText(doc[field])));
  }

  /**
   * Adds or replaces a document. `fieldTerms`, when given, are its index terms
   * per searchable field, cut elsewhere from {@link foldedFields} (a worker
   * thread during a bulk load); otherwise they are cut here.
   */
  add(input: SearchDocument, fieldTerms?: readonly (readonly string[])[]): void {
    if (typeof input.id !== 'string' || input.id === '') throw new Error('a search document needs a non-empty string id');
    const previous = this.byId.get(input.id);
    if (previous !== undefined) this.kill(previous);
    const doc = frozenCopy(input);
    const d = this.docCount++;
    this.reserve(this.docCount);
    this.ids[d] = doc.id;
    this.stored[d] = doc;
    this.alive[d >>> 5] |= 1 << (d & 31);
    this.liveCount++;
    this.byId.set(doc.id, d);

    // Each term's postings end with this document once it has been seen here,
    // so frequencies are counted in place, with no per-document map.
    const nf = this.nf;
    let touched = 0;
    for (let f = 0; f < nf; f++) {
      const tokens = fieldTerms ? fieldTerms[f] : indexTokens(fieldText(doc[this.fields[f]]));
      const len = Math.min(tokens.length, 0xffff);
      this.fieldLens[d * nf + f] = len;
      this.lenSums[f] += len;
      for (const token of tokens) {
        const term = this.intern(token);
        const p = this.postings[term];
        if (p.len === 0 || p.docs[p.len - 1] !== d) {
          if (p.len === p.docs.length) resizePosting(p, grownCapacity(p.len), nf);
          p.docs[p.len] = d;
          p.tfs.fill(0, p.len * nf, p.len * nf + nf);
          p.len++;
          this.touched = growInt32(this.touched, touched + 1);
          this.touched[touched++] = term;
        }
        const at = (p.len - 1) * nf + f;
        if (p.tfs[at] < MAX_TF) p.tfs[at]++;
      }
    }
    this.computeNorms(d);
    for (let t = 0; t < touched; t++) {
      const p = this.postings[this.touched[t]];
      p.impacts[p.len - 1] = this.impact(p, p.len - 1);
    }
    for (const [field, column] of this.filterColumns) column.append(d, doc[field]);
    for (const [field, column] of this.sortColumns) column.append(d, doc[field]);
  }

  remove(id: string): void {
    const d = this.byId.get(id);
    if (d !== undefined) this.kill(d);
  }

  /** Renumbers live documents densely and drops dead postings and unused terms. */
  compact(): void {
    const oldCount = this.docCount;
    const map = new Int32Array(oldCount);
    let n = 0;
    for (let d = 0; d < oldCount; d++) map[d] = this.alive[d >>> 5] & (1 << (d & 31)) ? n++ : -1;
    const nf = this.nf;

    const terms: string[] = [];
    const postings: Posting[] = [];
    this.termIds.clear();
    this.latinByLength.clear();
    for (let t = 0; t < this.terms.length; t++) {
      const p = this.postings[t];
      let k = 0;
      for (let j = 0; j < p.len; j++) {
        const nd = map[p.docs[j]];
        if (nd < 0) continue;
        p.docs[k] = nd;
        p.tfs.copyWithin(k * nf, j * nf, j * nf + nf);
        p.impacts[k] = p.impacts[j];
        k++;
      }
      p.len = k;
      if (k === 0) continue;
      this.registerTerm(this.terms[t], terms.length);
      terms.push(this.terms[t]);
      postings.push(p);
    }
    this.terms = terms;
    this.postings = postings;
    this.sortedTerms = null;
    this.filterCache.clear();
    this.idOrdered = 0;

    for (let d = 0; d < oldCount; d++) {
      const nd = map[d];
      if (nd < 0) continue;
      this.ids[nd] = this.ids[d];
      this.stored[nd] = this.stored[d];
      this.fieldLens.copyWithin(nd * nf, d * nf, d * nf + nf);
      this.norms.copyWithin(nd * nf, d * nf, d * nf + nf);
    }
    this.ids.length = n;
    this.stored.length = n;
    this.alive.fill(0);
    for (let d = 0; d < n; d++) this.alive[d >>> 5] |= 1 << (d & 31);
    for (const column of this.filterColumns.values()) column.compact(map, oldCount);
    for (const column of this.sortColumns.values()) column.compact(map, oldCount);
    this.docCount = n;
    this.byId.clear();
    for (let d = 0; d < n; d++) this.byId.set(this.ids[d], d);
    this.trim();
  }

  /** Gives back the spare capacity postings grew while appending (worth it after a bulk load). */
  trim(): void {
    for (const p of this.postings) if (p.docs.length > p.len + (p.len >>> 3) + 4) resizePosting(p, p.len, this.nf);
  }

  search(query: SearchQuery): SearchResult {
    this.refreshNorms();
    const plan = this.plan(query.text ?? '');
    const allowed = this.filterBits(query.filters ?? []);
    let ranking: 'id' | 'and' | 'or' = 'id';
    let total = 0;
    if (plan.words.length === 0) {
      total = this.collectAll(allowed);
    } else {
      ranking = 'and';
      total = this.matchAll(plan.words, allowed);
      if (total === 0 && plan.words.length > 1) {
        ranking = 'or';
        total = this.matchAny(plan.words, allowed);
      }
    }
    const results = this.candidates;

    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) facets[field] = this.filterColumns.get(field)!.count(results, total);

    const start = (query.page - 1) * query.pageSize;
    const end = Math.min(total, start + query.pageSize);
    const hits: SearchHit[] = [];
    if (start < end) {
      const ordered = selectTop(results, total, end, this.comparator(query, ranking));
      for (let i = start; i < end; i++) hits.push(this.hit(ordered[i], ranking !== 'id', query.highlight, plan.marks));
    }
    return { hits, total, facets, page: query.page, pageSize: query.pageSize };
  }

  private hit(d: number, scored: boolean, fields: string[] | undefined, marks: string[]): SearchHit {
    const doc = this.stored[d]!;
    const marked: Record<string, string> = {};
    for (const field of fields ?? []) {
      const value = doc[field];
      if (typeof value === 'string') marked[field] = highlight(value, marks);
      else if (Array.isArray(value)) marked[field] = value.map((v) => highlight(String(v), marks)).join(', ');
    }
    // The stored copy is frozen, so it is handed out as is: no copy per hit.
    return { id: this.ids[d], score: scored ? this.scores[d] : 0, doc, highlight: marked };
  }

  // ---------------------------------------------------------------- writing

  private kill(d: number): void {
    if ((this.alive[d >>> 5] & (1 << (d & 31))) === 0) return;
    this.alive[d >>> 5] &= ~(1 << (d & 31));
    this.liveCount--;
    for (let f = 0; f < this.nf; f++) this.lenSums[f] -= this.fieldLens[d * this.nf + f];
    this.stored[d] = undefined;
    if (this.byId.get(this.ids[d]) === d) this.byId.delete(this.ids[d]);
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.postings.push({ docs: new Int32Array(4), tfs: new Uint8Array(4 * this.nf), impacts: new Float32Array(4), len: 0 });
      this.registerTerm(term, id);
      this.sortedTerms = null;
    }
    return id;
  }

  private registerTerm(term: string, id: number): void {
    this.termIds.set(term, id);
    if (isLatinWord(term)) {
      const bucket = this.latinByLength.get(term.length);
      if (bucket) bucket.push(id);
      else this.latinByLength.set(term.length, [id]);
    }
  }

  private reserve(count: number): void {
    if (this.scores.length >= count) return;
    const cap = Math.max(count, this.scores.length * 2);
    const nf = this.nf;
    this.alive = resize(this.alive, bitWords(cap));
    this.allowedScratch = new Uint32Array(bitWords(cap));
    this.filterCache.clear();
    this.fieldLens = resize(this.fieldLens, cap * nf);
    this.norms = resize(this.norms, cap * nf);
    this.marks = new Uint32Array(cap);
    this.generation = 0;
    this.scores = new Float32Array(cap);
    this.wordHits = new Uint16Array(cap);
    this.lastWord = new Int16Array(cap);
    this.candidates = new Int32Array(cap);
  }

  private computeNorms(d: number): void {
    for (let f = 0; f < this.nf; f++) {
      const len = this.fieldLens[d * this.nf + f];
      const avg = this.normAvgs[f] > 0 ? this.normAvgs[f] : Math.max(len, 1);
      this.norms[d * this.nf + f] = this.weights[f] / (1 - B + (B * len) / avg);
    }
  }

  /**
   * Length normalisation depends on the average field length, which moves as
   * documents come and go; norms and impacts are recomputed when it drifted
   * by over 10% rather than on every write. Cheap when nothing drifted; the
   * engine calls it after writes so that searches rarely pay for it.
   */
  refreshNorms(): void {
    if (this.liveCount === 0) return;
    let stale = false;
    for (let f = 0; f < this.nf; f++) {
      const avg = this.lenSums[f] / this.liveCount;
      const used = this.normAvgs[f];
      if (used === 0 ? avg > 0 : Math.abs(avg - used) > 0.1 * used) stale = true;
    }
    if (!stale) return;
    for (let f = 0; f < this.nf; f++) this.normAvgs[f] = this.lenSums[f] / this.liveCount;
    for (let d = 0; d < this.docCount; d++) this.computeNorms(d);
    for (const p of this.postings) for (let j = 0; j < p.len; j++) p.impacts[j] = this.impact(p, j);
  }

  /** BM25F saturation of the field-weighted, length-normalised frequency of posting j. */
  private impact(p: Posting, j: number): number {
    const nf = this.nf;
    const q = p.docs[j] * nf;
    let tf = 0;
    for (let f = 0; f < nf; f++) tf += p.tfs[j * nf + f] * this.norms[q + f];
    return (tf * (K1 + 1)) / (tf + K1);
  }

  // --------------------------------------------------------------- planning

  private plan(text: string): Plan {
    const { words, lastIsPrefix } = queryWords(text);
    const planned: Word[] = [];
    const marks = new Set<string>();
    words.forEach((word, i) => {
      const variants = this.variants(word, lastIsPrefix && i === words.length - 1, marks);
      if (variants.length === 0) {
        // Not an index term (jieba cut the query and the documents apart
        // differently): require its known parts instead.
        const parts = subWords(word).filter((p) => this.postingOf(p));
        if (parts.length > 0) {
          for (const part of new Set(parts)) {
            marks.add(part);
            planned.push(wordOf([{ posting: this.postingOf(part)!, weight: 1 }]));
          }
          return;
        }
      }
      marks.add(word);
      planned.push(wordOf(variants));
    });
    return { words: planned, marks: [...marks] };
  }

  private variants(word: string, prefix: boolean, marks: Set<string>): Variant[] {
    const out: Variant[] = [];
    const seen = new Set<Posting>();
    const add = (posting: Posting | undefined, weight: number): boolean => {
      if (!posting || posting.len === 0 || seen.has(posting)) return false;
      seen.add(posting);
      out.push({ posting, weight });
      return true;
    };
    add(this.postingOf(word), 1);

    for (const synonym of this.synonyms.get(word) ?? []) {
      const phrase = this.phrasePosting(synonym);
      if (add(phrase?.posting, SYNONYM_WEIGHT)) phrase!.marks.forEach((m) => marks.add(m));
    }

    const budget = typoBudget(word);
    for (let len = word.length - budget; budget > 0 && len <= word.length + budget; len++) {
      for (const id of this.latinByLength.get(len) ?? []) {
        const distance = editDistanceWithin(word, this.terms[id], budget);
        if (distance > 0 && distance <= budget && add(this.postings[id], TYPO_WEIGHTS[distance])) marks.add(this.terms[id]);
      }
    }

    // A single Latin letter would expand to half the vocabulary.
    if (prefix && !(isLatinWord(word) && word.length < 2)) {
      for (const id of this.prefixTerms(word)) add(this.postings[id], PREFIX_WEIGHT);
    }
    return out;
  }

  private postingOf(term: string): Posting | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.postings[id];
  }

  /** The most frequent terms starting with `prefix` (itself excluded). */
  private prefixTerms(prefix: string): number[] {
    const sorted = this.sortedTermIds();
    const terms = this.terms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < sorted.length && terms[sorted[i]].startsWith(prefix); i++) {
      if (terms[sorted[i]] !== prefix) found.push(sorted[i]);
    }
    if (found.length <= MAX_PREFIX_TERMS) return found;
    return found.sort((a, b) => this.postings[b].len - this.postings[a].len).slice(0, MAX_PREFIX_TERMS);
  }

  private sortedTermIds(): Int32Array {
    if (!this.sortedTerms) {
      const terms = this.terms;
      const ids = Int32Array.from(terms.keys());
      ids.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
      this.sortedTerms = ids;
    }
    return this.sortedTerms;
  }

  /**
   * The documents containing every word of a synonym (a synonym may be a
   * phrase such as 制造执行系统), with the frequencies of its rarest word.
   */
  private phrasePosting(synonym: string): { posting: Posting; marks: string[] } | undefined {
    const { words } = queryWords(synonym);
    const parts = words.map((w) => this.postingOf(w));
    if (parts.length === 0 || parts.some((p) => !p || p.len === 0)) return undefined;
    const postings = (parts as Posting[]).sort((a, b) => a.len - b.len);
    const whole = fold(synonym).trim();
    if (postings.length === 1) return { posting: postings[0], marks: [whole] };
    const nf = this.nf;
    const base = postings[0];
    const docs = new Int32Array(base.len);
    const tfs = new Uint8Array(base.len * nf);
    const impacts = new Float32Array(base.len);
    let len = 0;
    const cursors = new Int32Array(postings.length);
    outer: for (let j = 0; j < base.len; j++) {
      const d = base.docs[j];
      for (let k = 1; k < postings.length; k++) {
        const p = postings[k];
        let c = cursors[k];
        while (c < p.len && p.docs[c] < d) c++;
        cursors[k] = c;
        if (c >= p.len) break outer;
        if (p.docs[c] !== d) continue outer;
      }
      docs[len] = d;
      tfs.set(base.tfs.subarray(j * nf, j * nf + nf), len * nf);
      impacts[len] = base.impacts[j];
      len++;
    }
    return { posting: { docs, tfs, impacts, len }, marks: [whole, ...words] };
  }

  // --------------------------------------------------------------- matching

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  private idf(posting: Posting): number {
    const n = this.docCount;
    const df = posting.len;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Live documents passing every filter, as a bit set; with no filters, the
   * live set itself. Each filter's documents are marked from per-value
   * document lists (the cost follows the documents it names) or a column scan
   * (ranges), and kept for the next query using the same filter.
   */
  private filterBits(filters: Filter[]): DocBits {
    if (filters.length === 0) return this.alive;
    const words = bitWords(this.docCount);
    const out = this.allowedScratch;
    out.set(this.alive.subarray(0, words));
    for (const filter of filters) {
      const bits = this.filterSet(filter, words);
      for (let w = 0; w < words; w++) out[w] &= bits[w];
    }
    return out;
  }

  private filterSet(filter: Filter, words: number): DocBits {
    if (this.filterCacheCount !== this.docCount) {
      this.filterCache.clear();
      this.filterCacheCount = this.docCount;
    }
    const key = filterKey(filter);
    const cached = this.filterCache.get(key);
    if (cached) {
      // Most recently used last: the first entry is the one to drop.
      this.filterCache.delete(key);
      this.filterCache.set(key, cached);
      return cached;
    }
    const bits: DocBits = new Uint32Array(words);
    const column = this.filterColumns.get(filter.field)!;
    if (filter.op === 'eq') column.markAny([filter.value], bits, this.docCount);
    else if (filter.op === 'in') column.markAny(filter.values, bits, this.docCount);
    else if (column instanceof NumberColumn) column.markRange(filter.min, filter.max, bits, this.docCount);
    this.filterCache.set(key, bits);
    if (this.filterCache.size > FILTER_CACHE_SIZE) this.filterCache.delete(this.filterCache.keys().next().value!);
    return bits;
  }

  /**
   * Allowed documents matching every word, into `candidates`; returns their
   * count. The cheapest word seeds the set (filters applied as it is read, so
   * later words only meet documents that can be returned), and each further
   * word is intersected into it: linearly when its postings are few, by
   * galloping search when they are many times more than the survivors.
   */
  private matchAll(words: Word[], allowed: DocBits): number {
    const order = [...words].sort((a, b) => a.cost - b.cost);
    const { marks, scores, wordHits, candidates } = this;
    const gen = this.nextGeneration();
    let m = 0;
    for (const { posting, weight } of order[0].variants) {
      const { docs, impacts, len } = posting;
      const idf = this.idf(posting) * weight;
      for (let j = 0; j < len; j++) {
        const d = docs[j];
        if ((allowed[d >>> 5] & (1 << (d & 31))) === 0) continue;
        const s = idf * impacts[j];
        if (marks[d] !== gen) {
          marks[d] = gen;
          scores[d] = s;
          wordHits[d] = 1;
          candidates[m++] = d;
        } else scores[d] += s;
      }
    }
    if (order[0].variants.length > 1) candidates.subarray(0, m).sort();

    for (let w = 1; w < order.length && m > 0; w++) {
      for (const { posting, weight } of order[w].variants) {
        const { docs, impacts, len } = posting;
        const idf = this.idf(posting) * weight;
        const gallop = len > 8 * m;
        let j = 0;
        for (let c = 0; c < m; c++) {
          const d = candidates[c];
          if (gallop) {
            if (j < len && docs[j] < d) {
              let lo = j;
              let step = 1;
              let hi = j + 1;
              while (hi < len && docs[hi] < d) {
                lo = hi;
                step <<= 1;
                hi = lo + step;
              }
              if (hi > len) hi = len;
              while (lo + 1 < hi) {
                const mid = (lo + hi) >>> 1;
                if (docs[mid] < d) lo = mid;
                else hi = mid;
              }
              j = hi;
            }
          } else {
            while (j < len && docs[j] < d) j++;
          }
          if (j >= len) break;
          if (docs[j] !== d) continue;
          const hitsSoFar = wordHits[d];
          if (hitsSoFar !== w && hitsSoFar !== w + 1) continue;
          scores[d] += idf * impacts[j];
          wordHits[d] = w + 1;
        }
      }
      let k = 0;
      for (let c = 0; c < m; c++) if (wordHits[candidates[c]] === w + 1) candidates[k++] = candidates[c];
      m = k;
    }
    return m;
  }

  /** Allowed documents matching any word, into `candidates`, counting words matched in `wordHits`. */
  private matchAny(words: Word[], allowed: DocBits): number {
    const { marks, scores, wordHits, lastWord, candidates } = this;
    const gen = this.nextGeneration();
    let m = 0;
    for (let w = 0; w < words.length; w++) {
      for (const { posting, weight } of words[w].variants) {
        const { docs, impacts, len } = posting;
        const idf = this.idf(posting) * weight;
        for (let j = 0; j < len; j++) {
          const d = docs[j];
          if ((allowed[d >>> 5] & (1 << (d & 31))) === 0) continue;
          const s = idf * impacts[j];
          if (marks[d] !== gen) {
            marks[d] = gen;
            scores[d] = s;
            wordHits[d] = 1;
            lastWord[d] = w;
            candidates[m++] = d;
          } else {
            scores[d] += s;
            if (lastWord[d] !== w) {
              lastWord[d] = w;
              wordHits[d]++;
            }
          }
        }
      }
    }
    return m;
  }

  /** Every allowed document, into `candidates`; returns their count. */
  private collectAll(allowed: DocBits): number {
    const candidates = this.candidates;
    const words = bitWords(this.docCount);
    let n = 0;
    for (let w = 0; w < words; w++) {
      let bits = allowed[w];
      while (bits !== 0) {
        const low = bits & -bits;
        candidates[n++] = (w << 5) + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    return n;
  }

  // --------------------------------------------------------------- ordering

  private comparator(query: SearchQuery, ranking: 'id' | 'and' | 'or'): (a: number, b: number) => number {
    const rank = this.idRanks();
    const byId = (a: number, b: number): number => rank[a] - rank[b];
    const sort = query.sort ?? [];
    if (sort.length > 0) {
      const keys = sort.map((s) => this.sortColumns.get(s.field)!.comparator(s.direction === 'desc'));
      return (a, b) => {
        for (const key of keys) {
          const r = key(a, b);
          if (r !== 0) return r;
        }
        return byId(a, b);
      };
    }
    const { scores, wordHits } = this;
    if (ranking === 'or') return (a, b) => wordHits[b] - wordHits[a] || scores[b] - scores[a] || byId(a, b);
    if (ranking === 'and') return (a, b) => scores[b] - scores[a] || byId(a, b);
    return byId;
  }

  /**
   * Each document's place in id order. Documents added since the last call
   * are sorted among themselves and merged in by binary search, so a write
   * costs the next query a copy of the order, not a sort of every id.
   */
  private idRanks(): Int32Array {
    const count = this.docCount;
    if (this.idOrdered === count) return this.idRank;
    const ids = this.ids;
    const cmp = (a: number, b: number): number => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
    const fresh = new Int32Array(count - this.idOrdered);
    for (let i = 0; i < fresh.length; i++) fresh[i] = this.idOrdered + i;
    fresh.sort(cmp);
    const capacity = Math.max(count, this.scores.length);
    if (this.idOrderSpare.length < count) this.idOrderSpare = new Int32Array(capacity);
    // Every rank is written below: nothing to keep when growing.
    if (this.idRank.length < count) this.idRank = new Int32Array(capacity);
    const old = this.idOrder;
    const oldLen = this.idOrdered;
    const merged = this.idOrderSpare;
    let i = 0;
    let k = 0;
    for (const d of fresh) {
      let lo = i;
      let hi = oldLen;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[old[mid]] <= ids[d]) lo = mid + 1;
        else hi = mid;
      }
      merged.set(old.subarray(i, lo), k);
      k += lo - i;
      i = lo;
      merged[k++] = d;
    }
    merged.set(old.subarray(i, oldLen), k);
    this.idOrderSpare = old.length >= count ? old : new Int32Array(merged.length);
    this.idOrder = merged;
    const rank = this.idRank;
    for (let r = 0; r < count; r++) rank[merged[r]] = r;
    this.idOrdered = count;
    return rank;
  }
}

/**
 * The first `k` of `docs[0..n)` in comparator order: a bounded max-heap when
 * k is small next to n (a first page), a full sort otherwise.
 */
export function selectTop(docs: Int32Array, n: number, k: number, cmp: (a: number, b: number) => number): Int32Array {
  if (k * 4 >= n) return docs.slice(0, n).sort(cmp).subarray(0, k);
  const heap = new Int32Array(k);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const d = docs[i];
    if (size < k) {
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (cmp(heap[parent], d) >= 0) break;
        heap[at] = heap[parent];
        at = parent;
      }
      heap[at] = d;
    } else if (cmp(d, heap[0]) < 0) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= k) break;
        const right = left + 1;
        const worse = right < k && cmp(heap[right], heap[left]) > 0 ? right : left;
        if (cmp(heap[worse], d) <= 0) break;
        heap[at] = heap[worse];
        at = worse;
      }
      heap[at] = d;
    }
  }
  return heap.sort(cmp);
}

function wordOf(variants: Variant[]): Word {
  let cost = 0;
  for (const v of variants) cost += v.posting.len;
  return { variants, cost };
}

function fieldText(value: SearchFieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The index's own copy of a document, frozen so that hits can hand it out without copying it again. */
function frozenCopy(doc: SearchDocument): SearchDocument {
  const copy: SearchDocument = { id: doc.id };
  for (const [key, value] of Object.entries(doc)) {
    copy[key] = Array.isArray(value) ? (Object.freeze([...value]) as unknown as SearchFieldValue) : value;
  }
  return Object.freeze(copy);
}

/** A filter's identity: the same key for the same documents. */
function filterKey(filter: Filter): string {
  if (filter.op === 'eq') return `${filter.field}\u0000=\u0000${typeof filter.value}:${filter.value}`;
  if (filter.op === 'in') return `${filter.field}\u0000in\u0000${JSON.stringify(filter.values)}`;
  return `${filter.field}\u0000range\u0000${filter.min ?? ''}\u0000${filter.max ?? ''}`;
}

/** Doubling for short lists, a quarter more for long ones: bounds the spare room of a large index to ~25%. */
function grownCapacity(len: number): number {
  return len < 4096 ? len * 2 : len + (len >>> 2);
}

function resizePosting(p: Posting, capacity: number, nf: number): void {
  const docs = new Int32Array(Math.max(capacity, 4));
  docs.set(p.docs.subarray(0, p.len));
  const tfs = new Uint8Array(docs.length * nf);
  tfs.set(p.tfs.subarray(0, p.len * nf));
  const impacts = new Float32Array(docs.length);
  impacts.set(p.impacts.subarray(0, p.len));
  p.docs = docs;
  p.tfs = tfs;
  p.impacts = impacts;
}

function resize<T extends Uint8Array | Uint16Array | Uint32Array | Float32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
