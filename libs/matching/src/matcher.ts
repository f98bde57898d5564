import { MATCH_FACTORS } from '@smedx/platform';
import type { MatchFactor } from '@smedx/platform';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { explainPair, prepareNeed, scoreOf, structuralValues, weigh } from './match-score.js';
import type { MatchWeights, PreparedNeed, StructuralValues } from './match-score.js';
import { textValue } from './match-text.js';

/**
 * Where candidates come from. The service asks the search engine
 * ({@link SearchCandidates}); the benchmark's exhaustive scorer hands over
 * everything ({@link AllCandidates}). Candidates may repeat and may include
 * objects that must not match (unpublished, suspended provider): the
 * {@link Matcher} filters them.
 */
export interface CandidateSource {
  solutionsFor(need: NeedFacts): Promise<SolutionFacts[]>;
  needsFor(solution: SolutionFacts, provider: ProviderFacts): Promise<NeedFacts[]>;
}

/** The providers of a set of solutions, read fresh; unknown ids are left out. */
export interface ProviderSource {
  providers(ids: readonly string[]): Promise<Map<string, ProviderFacts>>;
}

export interface Scored {
  score: number;
  breakdown: Record<MatchFactor, number>;
  reasons: string[];
}

export interface SolutionMatch extends Scored {
  solution: SolutionFacts;
  provider: ProviderFacts;
}

/** A ranked solution not explained yet: its score, and its match with breakdown and reasons on demand. */
export interface RankedSolution {
  solution: SolutionFacts;
  provider: ProviderFacts;
  score: number;
  explain(): SolutionMatch;
}

export interface NeedMatch extends Scored {
  need: NeedFacts;
}

export interface MatchOptions<T> {
  limit: number;
  /** Objects to consider besides the source's candidates (fresher copies win over the source's). */
  include?: readonly T[];
  /** Keeps only the matches this accepts (ranked among themselves). */
  only?: (candidate: T) => boolean;
}

interface Ranked<T> {
  item: T;
  id: string;
  score: number;
  text: number;
  structural: StructuralValues;
}

interface Pending<T> {
  item: T;
  id: string;
  structural: StructuralValues;
  /** The highest score the candidate can reach. */
  bound: number;
}

const STRUCTURAL_FACTORS = MATCH_FACTORS.filter((f): f is Exclude<MatchFactor, 'text'> => f !== 'text');
/** Summing in another order may differ in the last bits: never skip a candidate on that. */
const BOUND_SLACK = 1e-12;

/**
 * Needs' keywords kept: cutting a need's text (jieba) is the costly part of
 * preparing it, and the same needs come up again and again. Bounded, and
 * checked against the current text on every use.
 */
const KEYWORD_CACHE = 5000;

/**
 * Ranks candidates with one scoring function ({@link scorePair}), whichever
 * side asks, and explains the best ones. Only published objects of approved
 * providers ever match; ties go to the smaller id so that results are stable.
 */
export class Matcher {
  private readonly prepared = new Map<string, PreparedNeed>();

  constructor(
    private readonly candidates: CandidateSource,
    private readonly providerSource: ProviderSource,
    private readonly weights: MatchWeights,
  ) {}

  /** The best solutions for a published need (none for a need in any other state). */
  async matchNeed(need: NeedFacts, options: MatchOptions<SolutionFacts>): Promise<SolutionMatch[]> {
    return (await this.rankNeed(need, options)).map((r) => r.explain());
  }

  /**
   * {@link matchNeed}'s ranking before the winners are explained, for a caller
   * that keeps only some of them (fair exposure places 10 of 40): explaining a
   * pair reads its texts again, so only the kept ones are.
   */
  async rankNeed(need: NeedFacts, options: MatchOptions<SolutionFacts>): Promise<RankedSolution[]> {
    if (need.status !== 'published') return [];
    const found = unique([...(options.include ?? []), ...(await this.candidates.solutionsFor(need))]).filter(
      (s) => s.status === 'published' && (!options.only || options.only(s)),
    );
    const providers = await this.providerSource.providers([...new Set(found.map((s) => s.providerId))]);
    const prepared = this.prepare(need);
    const pending: Pending<{ facts: SolutionFacts; provider: ProviderFacts }>[] = [];
    for (const facts of found) {
      const provider = providers.get(facts.providerId);
      if (provider?.status !== 'approved') continue;
      pending.push(this.pending({ facts, provider }, facts.id, structuralValues(need, facts, provider)));
    }
    const best = this.best(pending, options.limit, ({ facts }) => textValue(prepared.keywords, facts));
    return best.map(({ item: { facts, provider }, score, text, structural }) => ({
      solution: facts,
      provider,
      score,
      explain: () => {
        const scored = weigh({ text, ...structural }, this.weights);
        return {
          solution: facts,
          provider,
          score: scored.score,
          breakdown: scored.breakdown,
          reasons: explainPair(prepared, facts, provider, scored, this.weights),
        };
      },
    }));
  }

  /** The best needs for a published solution of an approved provider (none otherwise). */
  async matchSolution(facts: SolutionFacts, options: MatchOptions<NeedFacts>): Promise<NeedMatch[]> {
    if (facts.status !== 'published') return [];
    const provider = (await this.providerSource.providers([facts.providerId])).get(facts.providerId);
    if (provider?.status !== 'approved') return [];
    const found = unique([...(options.include ?? []), ...(await this.candidates.needsFor(facts, provider))]).filter(
      (n) => n.status === 'published' && (!options.only || options.only(n)),
    );
    const pending = found.map((need) => this.pending(need, need.id, structuralValues(need, facts, provider)));
    const best = this.best(pending, options.limit, (need) => textValue(this.prepare(need).keywords, facts));
    return best.map(({ item: need, text, structural }) => {
      const scored = weigh({ text, ...structural }, this.weights);
      return {
        need,
        score: scored.score,
        breakdown: scored.breakdown,
        reasons: explainPair(this.prepare(need), facts, provider, scored, this.weights),
      };
    });
  }

  /**
   * The needs among whose best `limit` solutions a published solution of an
   * approved provider ranks with at least `minScore`, each with the
   * solution's match to it: what re-ranking each of the solution's best
   * `limit` needs in full (the solution included) finds, for less. A pair's
   * score is the same from either side, so the solution's score to a need is
   * known from its own ranking; it is among the need's best exactly when
   * fewer than `limit` of the need's other candidates rank before it (a
   * higher score, or the same and a smaller id). So each need's candidates
   * are only compared with that one score: a candidate whose bound is below
   * it is not read at all, the count stops at `limit`, and nothing is sorted
   * or explained but the pairs found. The needs' candidates' providers are
   * read in one query.
   */
  async needsRankingSolution(
    facts: SolutionFacts,
    options: { limit: number; minScore: number },
  ): Promise<{ need: NeedFacts; match: SolutionMatch }[]> {
    if (facts.status !== 'published') return [];
    const provider = (await this.providerSource.providers([facts.providerId])).get(facts.providerId);
    if (provider?.status !== 'approved') return [];
    const found = unique(await this.candidates.needsFor(facts, provider)).filter((n) => n.status === 'published');
    const pending = found.map((need) => this.pending(need, need.id, structuralValues(need, facts, provider)));
    const contenders = this.best(pending, options.limit, (need) => textValue(this.prepare(need).keywords, facts)).filter(
      (c) => c.score >= options.minScore,
    );
    if (!contenders.length) return [];
    const rivals: SolutionFacts[][] = [];
    for (const { item: need } of contenders) {
      rivals.push(unique(await this.candidates.solutionsFor(need)).filter((s) => s.id !== facts.id && s.status === 'published'));
    }
    const providers = await this.providerSource.providers([...new Set(rivals.flat().map((s) => s.providerId))]);
    const placed: { need: NeedFacts; match: SolutionMatch }[] = [];
    for (const [i, { item: need, score, text, structural }] of contenders.entries()) {
      if (this.outranked(need, { id: facts.id, score }, rivals[i]!, providers, options.limit)) continue;
      const scored = weigh({ text, ...structural }, this.weights);
      const reasons = explainPair(this.prepare(need), facts, provider, scored, this.weights);
      placed.push({ need, match: { solution: facts, provider, score: scored.score, breakdown: scored.breakdown, reasons } });
    }
    return placed;
  }

  /** Whether at least `limit` of the need's eligible candidates rank before the given one. */
  private outranked(
    need: NeedFacts,
    mine: { id: string; score: number },
    candidates: readonly SolutionFacts[],
    providers: Map<string, ProviderFacts>,
    limit: number,
  ): boolean {
    const keywords = this.prepare(need).keywords;
    let ahead = 0;
    for (const facts of candidates) {
      const provider = providers.get(facts.providerId);
      if (provider?.status !== 'approved') continue;
      const { structural, bound } = this.pending(facts, facts.id, structuralValues(need, facts, provider));
      if (bound < mine.score - BOUND_SLACK) continue;
      const score = scoreOf(textValue(keywords, facts), structural, this.weights);
      if (ranksBefore(score, facts.id, mine) && ++ahead >= limit) return true;
    }
    return false;
  }

  /** A candidate with its score bounded from above: its structural factors, and text at its best. */
  private pending<T>(item: T, id: string, structural: StructuralValues): Pending<T> {
    let bound = this.weights.text;
    for (const f of STRUCTURAL_FACTORS) bound += this.weights[f] * structural[f];
    return { item, id, structural, bound };
  }

  /**
   * The `limit` best candidates, their texts read only while their bound can
   * still beat the current last place: texts, the costly part, are read for
   * a few candidates among thousands. Exact — a skipped candidate's bound is
   * below the last place's score — so ranking every solution (the exhaustive
   * scorer) and ranking a few hundred candidates rank alike. Ranks by the
   * score alone; the caller weighs the winners into their breakdowns.
   */
  private best<T>(pending: Pending<T>[], limit: number, text: (item: T) => number): Ranked<T>[] {
    pending.sort((a, b) => b.bound - a.bound);
    const best: Ranked<T>[] = [];
    for (const p of pending) {
      const last = best[limit - 1];
      if (last && p.bound < last.score - BOUND_SLACK) break;
      const value = text(p.item);
      const score = scoreOf(value, p.structural, this.weights);
      if (last && !ranksBefore(score, p.id, last)) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(score, p.id, best[at - 1])) at--;
      if (at < limit) {
        best.splice(at, 0, { item: p.item, id: p.id, score, text: value, structural: p.structural });
        if (best.length > limit) best.pop();
      }
    }
    return best;
  }

  private prepare(need: NeedFacts): PreparedNeed {
    const cached = this.prepared.get(need.id);
    if (cached && cached.facts.title === need.title && cached.facts.description === need.description) {
      return { facts: need, keywords: cached.keywords };
    }
    return remember(this.prepared, need.id, prepareNeed(need), KEYWORD_CACHE);
  }
}

/** Puts `value` in a map kept to at most `size` entries, the oldest dropped first. */
function remember<V>(cache: Map<string, V>, key: string, value: V, size: number): V {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > size) cache.delete(cache.keys().next().value!);
  return value;
}

/** Every object once, the first occurrence kept. */
function unique<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && !!seen.add(item.id));
}

/** Higher score first, then the smaller id: stable results. */
function ranksBefore(score: number, id: string, other: { score: number; id: string }): boolean {
  return score > other.score || (score === other.score && id < other.id);
}

/** Every object is a candidate: the exhaustive scorer the benchmark measures recall against, and tests' fixture. */
export class AllCandidates implements CandidateSource {
  constructor(
    private readonly solutions: readonly SolutionFacts[],
    private readonly needs: readonly NeedFacts[],
  ) {}

  async solutionsFor(): Promise<SolutionFacts[]> {
    return [...this.solutions];
  }

  async needsFor(): Promise<NeedFacts[]> {
    return [...this.needs];
  }
}
