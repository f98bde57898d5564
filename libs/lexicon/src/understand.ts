import { fold, jieba } from '@smedx/platform';
import type { QueryTerm } from '@smedx/platform';
import type { Lexicon } from './lexicon.js';

/** What a query was understood to ask. */
export interface UnderstoodQuery {
  /** The meaningful words typed, folded, in order (stop and question words dropped). */
  terms: string[];
  /** Words the lexicon added for them (synonyms, what abbreviations stand for, professional words for plain ones). */
  expanded: string[];
  /** Scenario codes the text implies: they boost, never filter. */
  scenarios: string[];
  /** Industry codes the text implies. */
  industries: string[];
  /** The query for the engine: each term with the words that may stand for it. */
  groups: QueryTerm[];
  /** The text held words, every one of them a stop or question word: nothing to search for. */
  onlyStopWords: boolean;
}

/** Caps the work a pasted paragraph can cause (as the engines' own cap). */
export const MAX_TERMS = 16;
/** Caps the words one term expands to. */
const MAX_ALTERNATIVES = 12;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Query understanding, one pure function for both engines and for matching:
 * cut the text into words (the lexicon's own words first, longest match, then
 * jieba for what is left), drop stop and question words, expand each word
 * through the lexicon, and infer the scenarios and industries the words imply.
 */
export function understand(text: string, lexicon: Lexicon): UnderstoodQuery {
  const folded = fold(text);
  const tokens: { word: string; known: boolean }[] = [];
  let run = '';
  const flush = (): void => {
    if (!run) return;
    for (const t of jieba().cut(run, true)) if (WORD_CHAR.test(t)) tokens.push({ word: t.trim(), known: false });
    run = '';
  };
  for (let i = 0; i < folded.length;) {
    const known = lexicon.longestAt(folded, i);
    if (known) {
      flush();
      tokens.push({ word: known, known: true });
      i += known.length;
    } else {
      run += folded[i];
      i++;
    }
  }
  flush();

  const seen = new Set<string>();
  const kept: { word: string; known: boolean }[] = [];
  for (const token of tokens) {
    if (lexicon.isStopWord(token.word) || seen.has(token.word)) continue;
    seen.add(token.word);
    kept.push(token);
  }
  const meaningful = kept.slice(0, MAX_TERMS);
  const last = tokens[tokens.length - 1];
  // An unfinished last word (能耗监) is completed as a prefix; a word the lexicon knows is whole.
  const lastIsPrefix =
    meaningful.length > 0 && WORD_CHAR.test(folded[folded.length - 1] ?? '') && last === meaningful[meaningful.length - 1] && !last.known;

  const expanded: string[] = [];
  const scenarios: string[] = [];
  const industries: string[] = [];
  const addAll = (into: string[], values: readonly string[]): void => {
    for (const v of values) if (!into.includes(v)) into.push(v);
  };
  const groups: QueryTerm[] = meaningful.map(({ word }, i) => {
    const alternatives = lexicon
      .expansionsOf(word)
      .filter((w) => !seen.has(w))
      .slice(0, MAX_ALTERNATIVES);
    addAll(expanded, alternatives);
    // A word's own hints; a word without any borrows those of the words it stands for.
    const own = lexicon.scenariosOf(word);
    addAll(scenarios, own.length > 0 ? own : alternatives.flatMap((a) => lexicon.scenariosOf(a)));
    const ownIndustries = lexicon.industriesOf(word);
    addAll(industries, ownIndustries.length > 0 ? ownIndustries : alternatives.flatMap((a) => lexicon.industriesOf(a)));
    const group: QueryTerm = { term: word, alternatives };
    if (lastIsPrefix && i === meaningful.length - 1) group.prefix = true;
    return group;
  });
  return {
    terms: meaningful.map((t) => t.word),
    expanded,
    scenarios,
    industries,
    groups,
    onlyStopWords: tokens.length > 0 && meaningful.length === 0,
  };
}
