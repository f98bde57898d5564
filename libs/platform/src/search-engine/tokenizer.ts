import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let shared: Jieba | null = null;

/** The jieba segmenter with its default dictionary, loaded once (≈250 ms) on first use. */
export function jieba(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/**
 * Function words that match almost every document: indexing them costs
 * postings and querying them only dilutes AND semantics.
 */
const STOP_WORDS = new Set(
  '的 了 和 与 及 或 等 是 为 对 以 于 并 将 把 被 其 之 也 a an the and or of to in for on with by is are'.split(' '),
);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LATIN_WORD = /^[a-z]+$/;

/**
 * Case- and width-folds text one UTF-16 unit at a time, so folded offsets are
 * the original offsets (highlighting relies on that): full-width ASCII to
 * ASCII, ideographic space to space, upper to lower case.
 */
export function fold(text: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let mapped = -1;
    if (c >= 0x41 && c <= 0x5a) mapped = c + 32;
    else if (c >= 0xff01 && c <= 0xff5e) {
      mapped = c - 0xfee0;
      if (mapped >= 0x41 && mapped <= 0x5a) mapped += 32;
    } else if (c === 0x3000) mapped = 0x20;
    else if (c >= 0xc0 && c < 0x2000) {
      const lower = text[i].toLowerCase();
      if (lower.length === 1 && lower.charCodeAt(0) !== c) mapped = lower.charCodeAt(0);
    }
    if (mapped >= 0) {
      out += text.slice(plainFrom, i) + String.fromCharCode(mapped);
      plainFrom = i + 1;
    }
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}

function isWord(token: string): boolean {
  const c = token.charCodeAt(0);
  // Most tokens start with a CJK ideograph, a Latin letter or a digit: skip the regular expression for them.
  const plain = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  return (plain || WORD_CHAR.test(token)) && !STOP_WORDS.has(token);
}

/** Index terms of a text: jieba search mode (words and their sub-words), folded. */
export function indexTokens(text: string): string[] {
  if (text.length === 0) return [];
  return searchWords(jieba().cutForSearch(fold(text), true));
}

/** The index terms among jieba's search-mode tokens of a folded text (as {@link indexTokens} keeps them). */
export function searchWords(tokens: readonly string[]): string[] {
  return tokens.filter(isWord);
}

export interface QueryWords {
  /** Words the user typed, as jieba's precise mode cuts them, folded. */
  words: string[];
  /** Whether the last word may be unfinished (the text does not end in a separator). */
  lastIsPrefix: boolean;
}

/** Caps the work a pasted paragraph can cause. */
const MAX_QUERY_WORDS = 16;

/** Splits query text into the words that must all match. */
export function queryWords(text: string): QueryWords {
  const folded = fold(text);
  if (folded.trim().length === 0) return { words: [], lastIsPrefix: false };
  const tokens = jieba()
    .cut(folded, true)
    .filter((t) => WORD_CHAR.test(t));
  const content = tokens.filter((t) => !STOP_WORDS.has(t));
  // A query of function words only still means something: keep them then.
  const words = (content.length > 0 ? content : tokens).slice(0, MAX_QUERY_WORDS);
  const lastIsPrefix =
    words.length > 0 && WORD_CHAR.test(folded[folded.length - 1]) && tokens[tokens.length - 1] === words[words.length - 1];
  return { words, lastIsPrefix };
}

/**
 * Smaller words inside a word, for a query word that is not an index term:
 * jieba's search-mode parts, else its dictionary-only cut (which splits an
 * HMM-guessed word into known words or single characters).
 */
export function subWords(word: string): string[] {
  const parts = jieba()
    .cutForSearch(word, false)
    .filter((t) => t !== word && isWord(t));
  if (parts.length > 0) return parts;
  return jieba()
    .cut(word, false)
    .filter((t) => t !== word && isWord(t));
}

/** Whether typo tolerance applies to a word: Latin letters only. */
export function isLatinWord(word: string): boolean {
  return LATIN_WORD.test(word);
}

/** Typos a Latin word tolerates: 1 from 5 letters, 2 from 9 (as Meilisearch). */
export function typoBudget(word: string): number {
  if (!isLatinWord(word)) return 0;
  if (word.length >= 9) return 2;
  return word.length >= 5 ? 1 : 0;
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where a transposed
 * pair counts as one edit), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] <= max ? prev[n] : max + 1;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * The text HTML-escaped, with `<em>` around each occurrence of a term
 * (terms are folded; a Latin term must start at a word boundary, so `mes`
 * does not light up inside `times`). Overlapping or touching marks merge.
 */
export function highlight(text: string, terms: readonly string[]): string {
  if (terms.length === 0 || text.length === 0) return escapeHtml(text);
  const folded = fold(text);
  const marked = new Uint8Array(text.length);
  let any = false;
  for (const term of terms) {
    if (term.length === 0) continue;
    const latin = LATIN_OR_DIGIT.test(term[0]);
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      if (latin && at > 0 && LATIN_OR_DIGIT.test(folded[at - 1])) continue;
      marked.fill(1, at, at + term.length);
      any = true;
    }
  }
  if (!any) return escapeHtml(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    const part = escapeHtml(text.slice(i, j));
    out += marked[i] ? `<em>${part}</em>` : part;
    i = j;
  }
  return out;
}
