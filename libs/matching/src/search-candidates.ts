import type { Filter, SearchEngine, SearchQuery } from '@smedx/platform';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from '@smedx/search';
import { SCENARIOS, nameOf } from '@smedx/taxonomy';
import { needFactsFromDocument, solutionFactsFromDocument } from './match-facts.js';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { needKeywords } from './match-text.js';
import type { CandidateSource } from './matcher.js';

/** How far the candidate probes reach; see {@link SearchCandidates}. */
export interface ProbeLimits {
  /** A tier is read whole up to this many documents (one page, in id order). */
  tier: number;
  /** …and when larger, also its best this many by text relevance. */
  tierByText: number;
  /** Best by text of the tier without the district condition, read when the tier is smaller than `relaxBelow`. */
  relaxed: number;
  relaxBelow: number;
  /** Tiers with one of the need's scenarios left out are read when the full tier is smaller than this. */
  partialBelow: number;
  /** A price up to this multiple of the budget, or a deployment up to this multiple of the expected days, still scores. */
  priceSlack: number;
  daysSlack: number;
  /** Words of the text probes (the search engine caps a query at 16). */
  words: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = {
  tier: 1000,
  tierByText: 300,
  relaxed: 200,
  relaxBelow: 200,
  partialBelow: 100,
  priceSlack: 1.3,
  daysSlack: 1.5,
  words: 16,
};

const eq = (field: string, value: string | number): Filter => ({ field, op: 'eq', value });
const anyOf = (field: string, values: readonly (string | number)[]): Filter[] =>
  values.length === 0 ? [] : [values.length === 1 ? eq(field, values[0]) : { field, op: 'in', values: [...values] }];

/**
 * Candidates from the search indexes, shaped by the score: a "tier" is every
 * document that can score high on the factors an index can filter on — the
 * need's scenarios, its industry, a price and a deployment time within reach,
 * a provider serving its district. A tier is read whole when it is small
 * (the usual case) and by text relevance when it is not; the same tier without
 * the district condition adds its best texts when the tier is thin, and when
 * no solution covers every scenario of the need, the tiers that leave one out
 * are read too. What the index cannot see (the provider record, the exact
 * price fit) is left to the re-rank, which bounds scores before reading
 * texts, so a thousand candidates cost little.
 */
export class SearchCandidates implements CandidateSource {
  constructor(
    private readonly engine: SearchEngine,
    private readonly limits: ProbeLimits = DEFAULT_PROBE_LIMITS,
  ) {}

  async solutionsFor(need: NeedFacts): Promise<SolutionFacts[]> {
    const l = this.limits;
    const text = probeText(need, l.words);
    const around: Filter[] = [
      eq('industries', need.industry),
      { field: 'priceMinFen', op: 'range', max: Math.floor(need.budgetFen * l.priceSlack) },
      { field: 'deployDays', op: 'range', max: Math.floor(need.expectedDays * l.daysSlack) },
    ];
    const found: SolutionFacts[] = [];
    const tier = async (scenarios: readonly string[]): Promise<number> => {
      const relaxed = [...scenarios.map((s) => eq('scenarios', s)), ...around];
      const exact = [...relaxed, eq('providerDistricts', need.district)];
      const total = await this.read(SOLUTIONS_INDEX, { filters: exact, page: 1, pageSize: l.tier }, found);
      if (total > l.tier) {
        // Too many to read whole: those that also suit the enterprise's level (what a large tier's best have), and the best texts.
        if (need.digitalLevel !== null) {
          await this.read(SOLUTIONS_INDEX, { filters: [...exact, eq('levels', need.digitalLevel)], page: 1, pageSize: l.tier }, found);
        }
        await this.read(SOLUTIONS_INDEX, { text, filters: exact, page: 1, pageSize: l.tierByText }, found);
      }
      if (total < l.relaxBelow) await this.read(SOLUTIONS_INDEX, { text, filters: relaxed, page: 1, pageSize: l.relaxed }, found);
      return total;
    };
    const total = await tier(need.scenarios);
    if (need.scenarios.length > 1 && total < l.partialBelow) {
      for (const left of need.scenarios) await tier(need.scenarios.filter((s) => s !== left));
    }
    return found;
  }

  async needsFor(solution: SolutionFacts, provider: ProviderFacts): Promise<NeedFacts[]> {
    const l = this.limits;
    const text = `${solution.title} ${scenarioWords(solution.scenarios)}`;
    const relaxed: Filter[] = [
      ...anyOf('scenarios', solution.scenarios),
      ...anyOf('industry', solution.industries),
      { field: 'budgetFen', op: 'range', min: Math.ceil(solution.priceMinFen / l.priceSlack) },
      { field: 'expectedDays', op: 'range', min: Math.ceil(solution.deployDays / l.daysSlack) },
    ];
    const exact = [...relaxed, ...anyOf('district', provider.districts)];
    const found: NeedFacts[] = [];
    const total = await this.read(NEEDS_INDEX, { filters: exact, page: 1, pageSize: l.tier }, found);
    if (total > l.tier) await this.read(NEEDS_INDEX, { text, filters: exact, page: 1, pageSize: l.tierByText }, found);
    if (total < l.relaxBelow) await this.read(NEEDS_INDEX, { text, filters: relaxed, page: 1, pageSize: l.relaxed }, found);
    return found;
  }

  /** Published solutions of these providers (a provider looking at a need sees where its own offers stand). */
  async solutionsOf(providerIds: readonly string[], limit: number): Promise<SolutionFacts[]> {
    if (!providerIds.length) return [];
    const found: SolutionFacts[] = [];
    await this.read(SOLUTIONS_INDEX, { filters: anyOf('providerId', providerIds), page: 1, pageSize: limit }, found);
    return found;
  }

  private async read<T>(index: typeof SOLUTIONS_INDEX | typeof NEEDS_INDEX, query: SearchQuery, into: T[]): Promise<number> {
    const result = await this.engine.search(index, query);
    const convert = index === SOLUTIONS_INDEX ? solutionFactsFromDocument : needFactsFromDocument;
    for (const hit of result.hits) into.push(convert(hit.doc) as T);
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
