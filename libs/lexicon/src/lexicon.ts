import { fold } from '@smedx/platform';
import { INDUSTRY_CODES, SCENARIO_CODES } from '@smedx/taxonomy';
import { LEXICON_DATA, type LexiconData } from './lexicon.data.js';

import type { LexiconKind } from '@smedx/contracts';

/** What an entry says about its term (the kinds are the API's: `@smedx/contracts`). */
export { LEXICON_KINDS } from '@smedx/contracts';
export type { LexiconKind } from '@smedx/contracts';

/**
 * One entry of the lexicon: `stop` (the term carries no meaning; no values),
 * `synonym` (the term and its values are all one thing, both directions),
 * `related` (the term also finds its values, one way), `abbreviation` (a
 * Latin abbreviation and what it stands for, both directions), `scenario` /
 * `industry` (the term implies these taxonomy codes).
 */
export interface LexiconEntry {
  kind: LexiconKind;
  term: string;
  values: readonly string[];
}

/** The lexicon data file as entries, one per stop word, synonym group and mapped word. */
export function entriesOf(data: LexiconData = LEXICON_DATA): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const word of data.stopWords) out.push({ kind: 'stop', term: word, values: [] });
  for (const [first, ...rest] of data.synonyms) out.push({ kind: 'synonym', term: first, values: rest });
  for (const [term, values] of Object.entries(data.related)) out.push({ kind: 'related', term, values });
  for (const [term, values] of Object.entries(data.abbreviations)) out.push({ kind: 'abbreviation', term, values });
  for (const [term, values] of Object.entries(data.scenarios)) out.push({ kind: 'scenario', term, values });
  for (const [term, values] of Object.entries(data.industries)) out.push({ kind: 'industry', term, values });
  return out;
}

/** Why an entry cannot be used, or null: codes must exist, words must be non-empty. */
export function entryProblem(entry: LexiconEntry): string | null {
  const term = normalise(entry.term);
  if (!term) return 'term must hold a letter, digit or ideograph';
  if (entry.kind === 'stop') return entry.values.length > 0 ? 'a stop word takes no values' : null;
  if (entry.values.length === 0) return 'values must not be empty';
  const allowed = entry.kind === 'scenario' ? SCENARIO_CODES : entry.kind === 'industry' ? INDUSTRY_CODES : null;
  for (const value of entry.values) {
    if (allowed ? !(allowed as readonly string[]).includes(value) : !normalise(value)) return `unknown value "${value}"`;
  }
  return null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A word as the lexicon keys it: case- and width-folded, trimmed, inner spaces collapsed. */
export function normalise(word: string): string {
  const folded = fold(word).trim().replace(/\s+/g, ' ');
  return WORD_CHAR.test(folded) ? folded : '';
}

const push = (map: Map<string, string[]>, key: string, values: Iterable<string>): void => {
  const list = map.get(key) ?? [];
  for (const v of values) if (v !== key && !list.includes(v)) list.push(v);
  map.set(key, list);
};

/**
 * The compiled lexicon: lookups by folded word. Immutable; a change of
 * entries compiles a new one.
 */
export class Lexicon {
  private readonly stop = new Set<string>();
  private readonly expansion = new Map<string, string[]>();
  private readonly scenario = new Map<string, string[]>();
  private readonly industry = new Map<string, string[]>();
  /** Known words of two or more characters by their first character, longest first, for {@link longestAt}. */
  private readonly byFirst = new Map<string, string[]>();
  readonly size: number;

  constructor(entries: readonly LexiconEntry[]) {
    this.size = entries.length;
    for (const entry of entries) {
      const term = normalise(entry.term);
      if (!term) continue;
      const values = entry.values.map((v) => (entry.kind === 'scenario' || entry.kind === 'industry' ? v : normalise(v))).filter(Boolean);
      switch (entry.kind) {
        case 'stop':
          this.stop.add(term);
          break;
        case 'synonym':
        case 'abbreviation': {
          const group = [term, ...values];
          for (const word of group) push(this.expansion, word, group);
          break;
        }
        case 'related':
          push(this.expansion, term, values);
          break;
        case 'scenario':
          push(this.scenario, term, values);
          break;
        case 'industry':
          push(this.industry, term, values);
          break;
      }
    }
    for (const word of new Set([...this.expansion.keys(), ...this.scenario.keys(), ...this.industry.keys()])) {
      // Stop words are not cut out of a text (想 inside 理想): jieba's words are checked against them instead.
      if (word.length < 2 || word.includes(' ')) continue;
      const list = this.byFirst.get(word[0]) ?? [];
      list.push(word);
      this.byFirst.set(word[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  isStopWord(word: string): boolean {
    return this.stop.has(word);
  }

  /** Words the folded `word` also finds (itself excluded). */
  expansionsOf(word: string): readonly string[] {
    return this.expansion.get(word) ?? [];
  }

  scenariosOf(word: string): readonly string[] {
    return this.scenario.get(word) ?? [];
  }

  industriesOf(word: string): readonly string[] {
    return this.industry.get(word) ?? [];
  }

  /** The longest known word of two or more characters starting at `at` in a folded text; a Latin one only as a whole word. */
  longestAt(text: string, at: number): string | null {
    const candidates = this.byFirst.get(text[at]);
    if (!candidates) return null;
    for (const word of candidates) {
      if (!text.startsWith(word, at)) continue;
      if (isLatin(word[0]) && at > 0 && isLatin(text[at - 1])) continue;
      if (isLatin(word[word.length - 1]) && isLatin(text[at + word.length] ?? '')) continue;
      return word;
    }
    return null;
  }

  /** Every word the lexicon knows except stop words: what suggestions complete to. */
  words(): string[] {
    return [
      ...new Set([...this.expansion.keys(), ...[...this.expansion.values()].flat(), ...this.scenario.keys(), ...this.industry.keys()]),
    ];
  }

  stopWords(): string[] {
    return [...this.stop];
  }

  /** Word → the words it also finds, as Meilisearch's `synonyms` setting takes them. */
  synonymMap(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [word, list] of this.expansion) out[word] = [...list];
    return out;
  }
}

function isLatin(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

let base: Lexicon | null = null;

/** The lexicon of the data file alone, compiled once. */
export function baseLexicon(): Lexicon {
  base ??= new Lexicon(entriesOf());
  return base;
}

let current: Lexicon | null = null;

/**
 * The lexicon in force in this process: the data file plus the entries
 * officers added. The lexicon service sets it as it loads them; pure code
 * (matching's text factor) reads it.
 */
export function currentLexicon(): Lexicon {
  return current ?? baseLexicon();
}

export function setCurrentLexicon(lexicon: Lexicon): void {
  current = lexicon;
}
