import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

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

let segmenter: Jieba | null = null;

/**
 * jieba with its default dictionary, loaded on first use. The search engine
 * holds its own instance, which the platform does not export.
 */
function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/**
 * Full-width letters and digits to ASCII, upper to lower case: how keywords
 * and texts are compared (keywords are letters and ideographs only, so the
 * rest of NFKC would change nothing but the cost).
 */
export function foldText(text: string): string {
  return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
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
  word: string;
  weight: number;
}

function isKeyword(token: string): boolean {
  return (HAN_WORD.test(token) || LATIN_WORD.test(token)) && !STOP_WORDS.has(token);
}

/** The need's keywords: jieba search-mode words of its title (weight 2) and description (weight 1). */
export function needKeywords(title: string, description: string): Keyword[] {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const token of jieba().cutForSearch(foldText(text), true)) {
      if (!isKeyword(token) || weights.has(token)) continue;
      if (weights.size >= MAX_KEYWORDS) return;
      weights.set(token, weight);
    }
  };
  add(title, TITLE_WEIGHT);
  add(description, 1);
  return [...weights].map(([word, weight]) => ({ word, weight }));
}

type SolutionTexts = { title: string; summary: string; description: string };

/** The text a solution is matched on, before folding (what reasons quote from): title, summary and description. */
export function rawSolutionText(s: SolutionTexts): string {
  return `${s.title}\n${s.summary}\n${s.description}`;
}

/** The text a solution is matched on, folded. */
export function solutionText(s: SolutionTexts): string {
  return foldText(rawSolutionText(s));
}

export interface TextCoverage {
  /** Weighted share of the keywords found, in [0, 1]; 0 when there are no keywords. */
  value: number;
  /** The keywords found, heaviest first, in the need's order. */
  matched: string[];
}

/** How much of the need's keywords the (folded) solution text mentions. */
export function textCoverage(keywords: readonly Keyword[], text: string): TextCoverage {
  let total = 0;
  let found = 0;
  const matched: Keyword[] = [];
  for (const k of keywords) {
    total += k.weight;
    if (text.includes(k.word)) {
      found += k.weight;
      matched.push(k);
    }
  }
  matched.sort((a, b) => b.weight - a.weight);
  return { value: total > 0 ? found / total : 0, matched: matched.map((k) => k.word) };
}
