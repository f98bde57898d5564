import type { SearchFieldValue } from './search-engine.port.js';

/**
 * Per-document field values stored column-wise in typed arrays indexed by the
 * engine's internal document number, so filtering, faceting and sorting touch
 * no per-document objects.
 */

/** A set of document numbers: bit `d & 31` of word `d >>> 5`. */
export type DocBits = Uint32Array<ArrayBuffer>;

export function bitWords(docCount: number): number {
  return (docCount + 31) >>> 5;
}

export function growInt32(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}

function growFloat64(a: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}

function growUint8(a: Uint8Array<ArrayBuffer>, min: number): Uint8Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint8Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}

/** Filter and facet values are compared as strings: `3`, `'3'` and a stored 3 are one value. */
function scalarKey(v: string | number | boolean): string {
  return typeof v === 'string' ? v : String(v);
}

function scalars(value: SearchFieldValue | undefined): readonly (string | number | boolean)[] {
  if (value === null || value === undefined) return [];
  // Past null, the only objects a field holds are its lists.
  return typeof value === 'object' ? value : [value];
}

/**
 * Distinct values of a field, numbered in order of first sight, each with the
 * ascending list of documents holding it, so a filter marks its documents
 * without looking at the others.
 */
class ValueDictionary {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  private docs: Int32Array<ArrayBuffer>[] = [];
  private lens: number[] = [];

  intern(key: string): number {
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(key, code);
      this.values.push(key);
      this.docs.push(new Int32Array(4));
      this.lens.push(0);
    }
    return code;
  }

  /** Records that document `doc` (the newest) holds value `code`. */
  addDoc(code: number, doc: number): void {
    const len = this.lens[code];
    this.docs[code] = growInt32(this.docs[code], len + 1);
    this.docs[code][len] = doc;
    this.lens[code] = len + 1;
  }

  /** Sets the bits of the documents holding any of `values`. */
  markAny(values: readonly (string | number)[], bits: DocBits): void {
    for (const v of values) {
      const code = this.codes.get(scalarKey(v));
      if (code === undefined) continue;
      const list = this.docs[code];
      for (let i = 0, n = this.lens[code]; i < n; i++) {
        const d = list[i];
        bits[d >>> 5] |= 1 << (d & 31);
      }
    }
  }

  compactDocs(map: Int32Array): void {
    for (let c = 0; c < this.docs.length; c++) {
      const list = this.docs[c];
      let k = 0;
      for (let i = 0; i < this.lens[c]; i++) if (map[list[i]] >= 0) list[k++] = map[list[i]];
      this.lens[c] = k;
    }
  }

  /** Value → count, largest first, then by value, without zero counts. */
  toRecord(counts: Int32Array): Record<string, number> {
    const codes: number[] = [];
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0) codes.push(c);
    codes.sort((a, b) => counts[b] - counts[a] || (this.values[a] < this.values[b] ? -1 : 1));
    const out: Record<string, number> = {};
    for (const c of codes) out[this.values[c]] = counts[c];
    return out;
  }
}

/** What the engine needs from a filterable field. */
export interface FilterColumn {
  /** Appends the value of the next document number (documents arrive in order). */
  append(doc: number, value: SearchFieldValue | undefined): void;
  /** Sets the bits of the documents matching any of `values` (dead ones included). */
  markAny(values: readonly (string | number)[], bits: DocBits, docCount: number): void;
  /** Counts values over `docs[0..n)`. */
  count(docs: Int32Array, n: number): Record<string, number>;
  /** Renumbers documents: `map[old]` is the new number, or -1 for a dropped one. */
  compact(map: Int32Array, oldCount: number): void;
}

/** One code per document (-1: no value). */
export class KeywordColumn implements FilterColumn {
  private readonly dict = new ValueDictionary();
  private codes = new Int32Array(16);

  append(doc: number, value: SearchFieldValue | undefined): void {
    this.codes = growInt32(this.codes, doc + 1);
    // A list given for a single-valued field keeps its first value.
    const first = scalars(value)[0];
    const code = first === undefined ? -1 : this.dict.intern(scalarKey(first));
    this.codes[doc] = code;
    if (code >= 0) this.dict.addDoc(code, doc);
  }

  markAny(values: readonly (string | number)[], bits: DocBits): void {
    this.dict.markAny(values, bits);
  }

  count(docs: Int32Array, n: number): Record<string, number> {
    const counts = new Int32Array(this.dict.values.length);
    const codes = this.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[docs[i]];
      if (c >= 0) counts[c]++;
    }
    return this.dict.toRecord(counts);
  }

  compact(map: Int32Array, oldCount: number): void {
    for (let d = 0; d < oldCount; d++) if (map[d] >= 0) this.codes[map[d]] = this.codes[d];
    this.dict.compactDocs(map);
  }
}

/** Any number of distinct codes per document, in compressed-row form. */
export class KeywordsColumn implements FilterColumn {
  private readonly dict = new ValueDictionary();
  /** Document d's codes are `values[offsets[d] .. offsets[d + 1])`. */
  private offsets = new Int32Array(17);
  private values = new Int32Array(64);

  append(doc: number, value: SearchFieldValue | undefined): void {
    this.offsets = growInt32(this.offsets, doc + 2);
    let end = this.offsets[doc];
    const seen = new Set<number>();
    for (const v of scalars(value)) {
      const code = this.dict.intern(scalarKey(v));
      if (seen.has(code)) continue;
      seen.add(code);
      this.values = growInt32(this.values, end + 1);
      this.values[end++] = code;
      this.dict.addDoc(code, doc);
    }
    this.offsets[doc + 1] = end;
  }

  markAny(values: readonly (string | number)[], bits: DocBits): void {
    this.dict.markAny(values, bits);
  }

  count(docs: Int32Array, n: number): Record<string, number> {
    const counts = new Int32Array(this.dict.values.length);
    const { offsets, values } = this;
    for (let k = 0; k < n; k++) {
      const d = docs[k];
      for (let i = offsets[d], end = offsets[d + 1]; i < end; i++) counts[values[i]]++;
    }
    return this.dict.toRecord(counts);
  }

  compact(map: Int32Array, oldCount: number): void {
    let write = 0;
    for (let d = 0; d < oldCount; d++) {
      const from = this.offsets[d];
      const to = this.offsets[d + 1];
      if (map[d] < 0) continue;
      const nd = map[d];
      this.offsets[nd] = write;
      this.values.copyWithin(write, from, to);
      write += to - from;
      this.offsets[nd + 1] = write;
    }
    this.dict.compactDocs(map);
  }
}

function toNumber(value: SearchFieldValue | undefined): number {
  const first = scalars(value)[0];
  if (first === undefined) return NaN;
  if (typeof first === 'boolean') return first ? 1 : 0;
  const n = typeof first === 'number' ? first : first.trim() === '' ? NaN : Number(first);
  return Number.isFinite(n) ? n : NaN;
}

/** One number per document (NaN: no value). */
export class NumberColumn implements FilterColumn {
  private values = new Float64Array(16);

  append(doc: number, value: SearchFieldValue | undefined): void {
    this.values = growFloat64(this.values, doc + 1);
    this.values[doc] = toNumber(value);
  }

  markAny(values: readonly (string | number)[], bits: DocBits, docCount: number): void {
    const wanted = new Set(values.map((v) => (typeof v === 'number' ? v : Number(v))).filter(Number.isFinite));
    const vals = this.values;
    for (let d = 0; d < docCount; d++) if (wanted.has(vals[d])) bits[d >>> 5] |= 1 << (d & 31);
  }

  /** Sets the bits of documents within inclusive bounds; NaN (no value) never matches. */
  markRange(min: number | undefined, max: number | undefined, bits: DocBits, docCount: number): void {
    const lo = min ?? -Number.MAX_VALUE;
    const hi = max ?? Number.MAX_VALUE;
    const vals = this.values;
    // A whole 32-document word at a time: one store per word instead of a read-modify-write per document.
    for (let base = 0; base < docCount; base += 32) {
      const end = Math.min(32, docCount - base);
      let word = 0;
      // Branch-free: prices and days are in random order, so a branch would mispredict half the time.
      for (let b = 0; b < end; b++) {
        const v = vals[base + b];
        word |= (+(v >= lo) & +(v <= hi)) << b;
      }
      bits[base >>> 5] |= word;
    }
  }

  count(docs: Int32Array, n: number): Record<string, number> {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = this.values[docs[i]];
      if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const out: Record<string, number> = {};
    for (const [v, c] of [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])) out[String(v)] = c;
    return out;
  }

  compact(map: Int32Array, oldCount: number): void {
    for (let d = 0; d < oldCount; d++) if (map[d] >= 0) this.values[map[d]] = this.values[d];
  }
}

const KIND_NUMBER = 0;
const KIND_STRING = 1;
const KIND_NONE = 2;

/**
 * A sortable field: numbers sort before strings, strings by code unit order,
 * and documents without a value last in either direction.
 */
export class SortColumn {
  private kinds = new Uint8Array(16);
  private numbers = new Float64Array(16);
  private readonly dict = new ValueDictionary();
  private ranks: Int32Array | null = null;

  append(doc: number, value: SearchFieldValue | undefined): void {
    this.kinds = growUint8(this.kinds, doc + 1);
    this.numbers = growFloat64(this.numbers, doc + 1);
    const first = scalars(value)[0];
    if (typeof first === 'string') {
      const before = this.dict.values.length;
      this.kinds[doc] = KIND_STRING;
      this.numbers[doc] = this.dict.intern(first);
      if (this.dict.values.length !== before) this.ranks = null;
    } else {
      const n = typeof first === 'boolean' ? Number(first) : first;
      // NaN and infinities would make the comparator inconsistent: treat them as missing.
      this.kinds[doc] = n !== undefined && Number.isFinite(n) ? KIND_NUMBER : KIND_NONE;
      this.numbers[doc] = n ?? 0;
    }
  }

  /** A comparator of two document numbers; `desc` reverses all but the missing-last rule. */
  comparator(desc: boolean): (a: number, b: number) => number {
    const ranks = this.stringRanks();
    const { kinds, numbers } = this;
    const sign = desc ? -1 : 1;
    return (a, b) => {
      const ka = kinds[a];
      const kb = kinds[b];
      if (ka !== kb) {
        if (ka === KIND_NONE) return 1;
        if (kb === KIND_NONE) return -1;
        return sign * (ka - kb);
      }
      if (ka === KIND_NUMBER) return sign * (numbers[a] - numbers[b]);
      if (ka === KIND_STRING) return sign * (ranks[numbers[a]] - ranks[numbers[b]]);
      return 0;
    };
  }

  private stringRanks(): Int32Array {
    if (!this.ranks) {
      const values = this.dict.values;
      const order = values.map((_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
      const ranks = new Int32Array(values.length);
      order.forEach((code, rank) => (ranks[code] = rank));
      this.ranks = ranks;
    }
    return this.ranks;
  }

  compact(map: Int32Array, oldCount: number): void {
    for (let d = 0; d < oldCount; d++) {
      const nd = map[d];
      if (nd < 0) continue;
      this.kinds[nd] = this.kinds[d];
      this.numbers[nd] = this.numbers[d];
    }
  }
}
