import { jieba } from '@smedx/platform';
import { currentLexicon } from '@smedx/lexicon';
import type { Lexicon } from '@smedx/lexicon';

/**
 * Text relevance of a pair, as a pure function of the two texts: the share
 * of the need's keywords (weighted) that the solution's text mentions.
 *
 * Why not the search engine's relevance score: it depends on the other
 * documents (idf, average lengths, which move with every write), on the
 * adapter (BM25 in the embedded engine, Meilisearch's ranking score), and on
 * the query mode (all words, or any word when no document has them all), so
 * the same pair would score differently depending on which query surfaced
 * it. The engine still picks the candidates; this decides how they rank.
 */

/**
 * One UTF-16 code unit folded: full-width letters and digits to ASCII, ASCII
 * upper case to lower; everything else as it is. Keywords are ASCII words or
 * ideographs only, so nothing else needs folding, and folding code unit by
 * code unit keeps every offset.
 */
function foldCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c >= 0xff10 && c <= 0xff5a) {
    if (c <= 0xff19) return c - 0xfee0;
    if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 0x20;
    if (c >= 0xff41) return c - 0xfee0;
  }
  return c;
}

/** {@link foldCode} over a text: how keywords are taken from a need and compared with a solution. */
export function foldText(text: string): string {
  let out: string | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f === c) continue;
    out = (out ?? '') + text.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  return out === null ? text : out + text.slice(from);
}

/**
 * Where a folded ASCII word first occurs in a text read folded, without
 * folding (and so copying) the text: the text is compared code unit by code
 * unit through {@link foldCode}. -1 when it does not occur.
 */
export function indexOfFolded(text: string, word: string): number {
  const first = word.charCodeAt(0);
  const last = text.length - word.length;
  outer: for (let i = 0; i <= last; i++) {
    if (foldCode(text.charCodeAt(i)) !== first) continue;
    for (let j = 1; j < word.length; j++) if (foldCode(text.charCodeAt(i + j)) !== word.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Words every need or every solution of this domain uses; as keywords they
 * would only add the same share to every pair.
 */
const STOP_WORDS = new Set(
  (
    '我司 我们 公司 企业 本公司 希望 需要 需求 实现 目前 现有 进行 通过 以及 相关 能够 可以 问题 情况 主要 要求 ' +
    '项目 一套 一个 提升 提高 方面 工作 采用 已经 没有 由于 导致 其中 包括 同时 支持 基础 方式 全部 所有 ' +
    '预算 万元 左右 以内 期望 周期 合作 服务 服务商 方案 解决 解决方案 系统 平台 管理 数据 数字 数字化 ' +
    '信息 信息化 转型 生产 建设 改造 工厂 制造 智能 智能化 优先 考虑 尽快 上线 使用 已有 现场 实施'
  ).split(' '),
);

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const LATIN_WORD = /^[a-z][a-z0-9+-]+$/;

/** A title word counts twice a description word: titles say what is asked. */
const TITLE_WEIGHT = 2;
/** Bounds the work per pair; title words come first, so they are always kept. */
const MAX_KEYWORDS = 30;

export interface Keyword {
  /** Folded. */
  word: string;
  weight: number;
  /**
   * An ASCII word (OEE, MES), compared ignoring case and width; any other
   * keyword is all ideographs, which folding never changes, so it is found
   * in a text as written.
   */
  latin: boolean;
  /**
   * Words of the lexicon that stand for the keyword (省电 → 节能, 能耗 …): a
   * solution writing any of them mentions it.
   */
  alternatives?: readonly { word: string; latin: boolean }[];
}

/** Alternatives kept per keyword: the lexicon lists the closest first. */
const MAX_ALTERNATIVES = 8;

function isKeyword(token: string, lexicon: Lexicon): boolean {
  return (HAN_WORD.test(token) || LATIN_WORD.test(token)) && !STOP_WORDS.has(token) && !lexicon.isStopWord(token);
}

/** The lexicon's own words in a folded text (老坏, 手机上看), longest first at each place: jieba cuts them apart. */
function lexiconWords(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const word = lexicon.longestAt(text, i);
    if (word) out.push(word);
    i += word ? word.length : 1;
  }
  return out;
}

/**
 * The need's keywords: jieba search-mode words and the lexicon's words of its
 * title (weight 2) and description (weight 1), stop words dropped, each with
 * the words the lexicon says stand for it.
 */
export function needKeywords(title: string, description: string, lexicon: Lexicon = currentLexicon()): Keyword[] {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    const folded = foldText(text);
    for (const token of [...jieba().cutForSearch(folded, true), ...lexiconWords(folded, lexicon)]) {
      if (!isKeyword(token, lexicon) || weights.has(token)) continue;
      if (weights.size >= MAX_KEYWORDS) return;
      weights.set(token, weight);
    }
  };
  add(title, TITLE_WEIGHT);
  add(description, 1);
  return [...weights].map(([word, weight]) => {
    const alternatives = lexicon
      .expansionsOf(word)
      .filter((w) => (HAN_WORD.test(w) || LATIN_WORD.test(w)) && !weights.has(w))
      .slice(0, MAX_ALTERNATIVES)
      .map((w) => ({ word: w, latin: LATIN_WORD.test(w) }));
    const keyword: Keyword = { word, weight, latin: LATIN_WORD.test(word) };
    if (alternatives.length > 0) keyword.alternatives = alternatives;
    return keyword;
  });
}

/** The texts a solution is matched on. */
export interface SolutionTexts {
  title: string;
  summary: string;
  description: string;
}

/** Where a word occurs in one text, or -1. */
function find(text: string, keyword: { word: string; latin: boolean }): number {
  return keyword.latin ? indexOfFolded(text, keyword.word) : text.indexOf(keyword.word);
}

function mentionsWord(s: SolutionTexts, word: { word: string; latin: boolean }): boolean {
  return find(s.title, word) >= 0 || find(s.summary, word) >= 0 || find(s.description, word) >= 0;
}

/**
 * Whether the solution's title, summary or description mentions the keyword
 * or one of its alternatives (no word spans two of them).
 */
export function mentions(s: SolutionTexts, keyword: Keyword): boolean {
  if (mentionsWord(s, keyword)) return true;
  for (const alternative of keyword.alternatives ?? []) if (mentionsWord(s, alternative)) return true;
  return false;
}

/**
 * The keyword as the solution writes it ("OEE" for the keyword oee), taken
 * from the first of its texts that mentions it; the keyword itself when none does.
 */
export function asWritten(s: SolutionTexts, keyword: Keyword): string {
  for (const word of [keyword, ...(keyword.alternatives ?? [])]) {
    for (const text of [s.title, s.summary, s.description]) {
      const at = find(text, word);
      if (at >= 0) return text.slice(at, at + word.word.length);
    }
  }
  return keyword.word;
}

export interface TextCoverage {
  /** Weighted share of the keywords found, in [0, 1]; 0 when there are no keywords. */
  value: number;
  /** The keywords found, heaviest first, in the need's order. */
  matched: Keyword[];
}

/**
 * The text factor: the weighted share of the need's keywords that the
 * solution mentions. Allocates nothing: matching calls it for hundreds of
 * candidates per need.
 */
export function textValue(keywords: readonly Keyword[], s: SolutionTexts): number {
  let total = 0;
  let found = 0;
  for (const k of keywords) {
    total += k.weight;
    if (mentions(s, k)) found += k.weight;
  }
  return total > 0 ? found / total : 0;
}

/** {@link textValue} with the keywords found, for the reasons. */
export function textCoverage(keywords: readonly Keyword[], s: SolutionTexts): TextCoverage {
  const matched = keywords.filter((k) => mentions(s, k)).sort((a, b) => b.weight - a.weight);
  return { value: textValue(keywords, s), matched };
}
