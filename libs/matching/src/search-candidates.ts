import type { Filter, SearchEngine, SearchQuery } from '@smedx/platform';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from '@smedx/search';
import { SCENARIOS, nameOf } from '@smedx/taxonomy';
import { needFactsFromDocument, solutionFactsFromDocument } from './match-facts.js';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { needKeywords } from './match-text.js';
import type { CandidateSource } from './matcher.js';

/** How far the candidate probes reach; see {@link SearchCandidates}. */
export interface ProbeLimits {
  /** An index holding at most this many documents is read whole: every candidate, as the exhaustive scorer sees them. */
  readAllUpTo: number;
  /** A tier is read whole up to this many documents (one page, in id order). */
  tier: number;
  /** …and when larger, its documents suiting the level (up to `tier`) and its best this many by text relevance. */
  tierByText: number;
  /** The first tier (every condition met) counts as thin below this: its near misses are read too. */
  thin: number;
  /** …and as very thin below this: then the tiers giving up one whole condition are read. */
  scarce: number;
  /** A tier of near misses is read whole up to this many documents, else its best this many by text. */
  nearMisses: number;
  /** Looser tiers still are read until this many candidates are found. */
  enough: number;
  /** A price up to this multiple of the budget, or a deployment up to this multiple of the expected days, still scores. */
  priceSlack: number;
  daysSlack: number;
  /** Words of the text probes (the search engine caps a query at 16). */
  words: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = {
  readAllUpTo: 1000,
  tier: 500,
  tierByText: 300,
  thin: 200,
  scarce: 40,
  nearMisses: 100,
  enough: 300,
  priceSlack: 1.3,
  daysSlack: 1.5,
  words: 16,
};

type IndexName = typeof SOLUTIONS_INDEX | typeof NEEDS_INDEX;

/**
 * One tier to read when `when` holds. `nearMisses`: read whole only when
 * small, else just its best texts. `loose`: the same tier without the
 * district, read whole instead when small (it holds the tier), else its best
 * texts besides the tier.
 */
interface Step {
  filters: Filter[];
  when: (first: number, found: number) => boolean;
  nearMisses?: boolean;
  loose?: Filter[];
}

const eq = (field: string, value: string | number): Filter => ({ field, op: 'eq', value });
const anyOf = (field: string, values: readonly (string | number)[]): Filter[] =>
  values.length === 0 ? [] : [values.length === 1 ? eq(field, values[0]) : { field, op: 'in', values: [...values] }];

/**
 * Candidates from the search indexes. A small index is read whole, so the
 * ranking is exact. In a large one, the probes follow the score: the first
 * tier holds every document meeting all the conditions an index can filter on
 * (for a need: all its scenarios, its industry, a price and a deployment time
 * within reach, a provider serving its district) and is read whole when it
 * is small (the usual case), by level and by text relevance when it is not.
 * When it is thin, the near misses follow (its best texts without the
 * district), and when it is scarce, the tiers that give up one condition
 * (one of several scenarios, the price and time, the industry); looser
 * tiers still until enough candidates are found. What the index cannot see
 * (the provider record, the exact fit of a price) is left to the re-rank,
 * which bounds scores before reading texts, so a thousand candidates cost little.
 */
export class SearchCandidates implements CandidateSource {
  constructor(
    private readonly engine: SearchEngine,
    private readonly limits: ProbeLimits = DEFAULT_PROBE_LIMITS,
  ) {}

  async solutionsFor(need: NeedFacts): Promise<SolutionFacts[]> {
    const l = this.limits;
    const all = await this.all<SolutionFacts>(SOLUTIONS_INDEX);
    if (all) return all;
    const every = (scenarios: readonly string[]): Filter[] => scenarios.map((s) => eq('scenarios', s));
    const scenarios = every(need.scenarios);
    const industry = eq('industries', need.industry);
    const reach: Filter[] = [
      { field: 'priceMinFen', op: 'range', max: Math.floor(need.budgetFen * l.priceSlack) },
      { field: 'deployDays', op: 'range', max: Math.floor(need.expectedDays * l.daysSlack) },
    ];
    const district = eq('providerDistricts', need.district);
    const allButOne = need.scenarios.length > 1 ? need.scenarios.map((left) => every(need.scenarios.filter((s) => s !== left))) : [];
    const thin = (first: number) => first < l.thin;
    const scarce = (first: number) => first < l.scarce;
    const short = (_: number, found: number) => found < l.enough;
    return this.climb(SOLUTIONS_INDEX, probeText(need, l.words), need.digitalLevel === null ? [] : [eq('levels', need.digitalLevel)], [
      { filters: [...scenarios, industry, ...reach, district], when: () => true },
      { filters: [...scenarios, industry, ...reach], when: thin, nearMisses: true },
      ...allButOne.map((some): Step => ({
        filters: [...some, industry, ...reach, district],
        loose: [...some, industry, ...reach],
        when: scarce,
      })),
      { filters: [...scenarios, industry, district], when: scarce },
      { filters: [...scenarios, ...reach, district], when: scarce },
      { filters: [...scenarios, industry], when: short, nearMisses: true },
      { filters: [...anyOf('scenarios', need.scenarios), industry, ...reach, district], when: short, nearMisses: true },
      { filters: [...anyOf('scenarios', need.scenarios), industry], when: short, nearMisses: true },
    ]);
  }

  async needsFor(solution: SolutionFacts, provider: ProviderFacts): Promise<NeedFacts[]> {
    const l = this.limits;
    const all = await this.all<NeedFacts>(NEEDS_INDEX);
    if (all) return all;
    // A need is covered whole only by a solution having all its scenarios, which no filter can say: any shared one it is.
    const scenarios = anyOf('scenarios', solution.scenarios);
    const industry = anyOf('industry', solution.industries);
    const reach: Filter[] = [
      { field: 'budgetFen', op: 'range', min: Math.ceil(solution.priceMinFen / l.priceSlack) },
      { field: 'expectedDays', op: 'range', min: Math.ceil(solution.deployDays / l.daysSlack) },
    ];
    const district = anyOf('district', provider.districts);
    const thin = (first: number) => first < l.thin;
    const short = (_: number, found: number) => found < l.enough;
    const text = `${solution.title} ${scenarioWords(solution.scenarios)}`;
    return this.climb(NEEDS_INDEX, text, anyOf('digitalLevel', solution.levels), [
      { filters: [...scenarios, ...industry, ...reach, ...district], when: () => true },
      { filters: [...scenarios, ...industry, ...reach], when: thin, nearMisses: true },
      { filters: [...scenarios, ...industry, ...district], when: short, nearMisses: true },
      { filters: [...scenarios, ...reach, ...district], when: short, nearMisses: true },
      { filters: [...scenarios, ...industry], when: short, nearMisses: true },
    ]);
  }

  /** Published solutions of these providers (a provider looking at a need sees where its own offers stand). */
  async solutionsOf(providerIds: readonly string[], limit: number): Promise<SolutionFacts[]> {
    if (!providerIds.length) return [];
    const found = new Map<string, SolutionFacts>();
    await this.read(SOLUTIONS_INDEX, { filters: anyOf('providerId', providerIds), page: 1, pageSize: limit }, found);
    return [...found.values()];
  }

  /**
   * Runs the steps whose condition holds, in order. Every step loosens the
   * first, so one passing as many documents as the first passes the same
   * documents, already read.
   */
  private async climb<T extends { id: string }>(index: IndexName, words: string, level: Filter[], steps: Step[]): Promise<T[]> {
    // Whole words: a trailing separator tells the engine the last one is no prefix to expand.
    const text = `${words} `;
    const found = new Map<string, T>();
    let first = -1;
    for (const step of steps) {
      if (first >= 0 && !step.when(first, found.size)) continue;
      const total = step.loose
        ? await this.tierWithNearMisses(index, step.filters, step.loose, text, level, found, first)
        : await this.tier(index, step.filters, text, step.nearMisses ? null : level, found, first);
      if (first < 0) first = total;
    }
    return [...found.values()];
  }

  /**
   * Every document passing `filters` when they are few. When they are many:
   * those that also suit the level (where the best of a large tier are) and
   * the best texts; for a tier of near misses (`level` null), its best texts
   * only. Returns how many pass.
   */
  private async tier<T extends { id: string }>(
    index: IndexName,
    filters: Filter[],
    text: string,
    level: Filter[] | null,
    into: Map<string, T>,
    first = -1,
  ): Promise<number> {
    const l = this.limits;
    const whole = level ? l.tier : l.nearMisses;
    // Counting first is cheap (no documents copied), and decides what is worth reading.
    const total = (await this.engine.search(index, { filters, page: 1, pageSize: 1 })).total;
    if (total === 0 || total === first) return total;
    if (total <= whole) {
      await this.read(index, { filters, page: 1, pageSize: whole }, into);
    } else {
      if (level?.length) await this.read(index, { filters: [...filters, ...level], page: 1, pageSize: l.tier }, into);
      await this.read(index, { text, filters, page: 1, pageSize: level ? l.tierByText : l.nearMisses }, into);
    }
    return total;
  }

  /** A tier and its near misses (`loose`, which holds it): one read when they are few together. */
  private async tierWithNearMisses<T extends { id: string }>(
    index: IndexName,
    filters: Filter[],
    loose: Filter[],
    text: string,
    level: Filter[],
    into: Map<string, T>,
    first: number,
  ): Promise<number> {
    const l = this.limits;
    const total = (await this.engine.search(index, { filters: loose, page: 1, pageSize: 1 })).total;
    if (total === 0 || total === first) return total;
    if (total <= l.tier) {
      await this.read(index, { filters: loose, page: 1, pageSize: l.tier }, into);
    } else {
      await this.tier(index, filters, text, level, into, first);
      await this.read(index, { text, filters: loose, page: 1, pageSize: l.nearMisses }, into);
    }
    return total;
  }

  /** Every document of a small index; null when the index is larger than `readAllUpTo`. */
  private async all<T extends { id: string }>(index: IndexName): Promise<T[] | null> {
    if ((await this.engine.count(index)) > this.limits.readAllUpTo) return null;
    const found = new Map<string, T>();
    await this.read(index, { page: 1, pageSize: this.limits.readAllUpTo }, found);
    return [...found.values()];
  }

  /** Adds the hits not met before to `into`; returns the query's total. */
  private async read<T extends { id: string }>(index: IndexName, query: SearchQuery, into: Map<string, T>): Promise<number> {
    const result = await this.engine.search(index, query);
    const convert = index === SOLUTIONS_INDEX ? solutionFactsFromDocument : needFactsFromDocument;
    for (const hit of result.hits) if (!into.has(hit.id)) into.set(hit.id, convert(hit.doc) as unknown as T);
    return result.total;
  }
}

const scenarioWords = (codes: readonly string[]): string => codes.map((c) => nameOf(SCENARIOS, c) ?? '').join(' ');

/**
 * The need's keywords as query words, title first, without words inside
 * other words (数控 next to 数控机床): ranked by how many of them a document
 * has, the engine's order follows the text factor's.
 */
export function probeText(need: NeedFacts, words = DEFAULT_PROBE_LIMITS.words): string {
  const all = needKeywords(need.title, need.description).map((k) => k.word);
  return all
    .filter((w) => !all.some((other) => other !== w && other.includes(w)))
    .slice(0, words)
    .join(' ');
}
