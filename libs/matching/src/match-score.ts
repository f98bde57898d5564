import { MATCH_FACTORS } from '@smedx/platform';
import type { MatchFactor } from '@smedx/platform';
import { DIGITAL_LEVELS, DISTRICTS, INDUSTRIES, SCENARIOS, nameOf } from '@smedx/taxonomy';
import type { ProviderRecord } from '@smedx/directory';
import type { NeedFacts, ProviderFacts, SolutionFacts } from './match-facts.js';
import { asWritten, needKeywords, textCoverage, textValue } from './match-text.js';
import type { Keyword } from './match-text.js';

/**
 * The match score of a need and a solution: each factor is a value in [0, 1],
 * the score is their weighted sum (weights sum to 1, from `MATCH_WEIGHTS`).
 * One pure function of the pair, whichever side asks, so a need's list and a
 * solution's list agree on every pair, and the benchmark's exhaustive scorer
 * applies exactly what the service applies.
 */

export type MatchWeights = Readonly<Record<MatchFactor, number>>;
export type FactorValues = Record<MatchFactor, number>;

/** A need with its keywords extracted once, however many solutions it meets. */
export interface PreparedNeed {
  facts: NeedFacts;
  keywords: Keyword[];
}

export function prepareNeed(facts: NeedFacts): PreparedNeed {
  return { facts, keywords: needKeywords(facts.title, facts.description) };
}

// ------------------------------------------------------------------ factors

/** Share of the need's scenarios the solution serves (extra scenarios of the solution cost nothing). */
export function scenarioFit(needScenarios: readonly string[], solutionScenarios: readonly string[]): number {
  if (needScenarios.length === 0) return 0;
  let covered = 0;
  for (const s of needScenarios) if (solutionScenarios.includes(s)) covered++;
  return covered / needScenarios.length;
}

/** 1 when the solution lists the need's industry. */
export function industryFit(industry: string, industries: readonly string[]): number {
  return industries.includes(industry) ? 1 : 0;
}

/**
 * 1 when the whole price range fits the budget; 0.8–1 when the budget falls
 * inside the range (an offer within budget exists); below the lowest price it
 * falls from 0.8 to 0 at twice the budget.
 */
export function budgetFit(budgetFen: number, priceMinFen: number, priceMaxFen: number): number {
  if (priceMaxFen <= budgetFen) return 1;
  if (priceMinFen <= budgetFen) return 0.8 + (0.2 * (budgetFen - priceMinFen)) / (priceMaxFen - priceMinFen);
  if (budgetFen <= 0) return 0;
  return 0.8 * Math.max(0, 1 - (priceMinFen - budgetFen) / budgetFen);
}

/** 1 when deployment is no longer than expected, falling to 0 at twice the expected days. */
export function deliveryFit(deployDays: number, expectedDays: number): number {
  if (deployDays <= expectedDays) return 1;
  if (expectedDays <= 0) return 0;
  return Math.max(0, 1 - (deployDays - expectedDays) / expectedDays);
}

/** Value when the enterprise has not been assessed: neither fit nor misfit. */
export const UNKNOWN_LEVEL_FIT = 0.5;

/** 1 when the solution suits the enterprise's digital level, 0.5 one level off, 0 further. */
export function levelFit(level: number | null, levels: readonly number[]): number {
  if (level === null) return UNKNOWN_LEVEL_FIT;
  if (levels.length === 0) return 0;
  const distance = Math.min(...levels.map((l) => Math.abs(l - level)));
  return distance === 0 ? 1 : distance === 1 ? 0.5 : 0;
}

/** Prior acceptance pass rate and its strength in projects: a new provider counts as 5 projects at 80%. */
const PASS_PRIOR = 0.8;
const PASS_PRIOR_PROJECTS = 5;
/** Prior rating (of 5) and its strength in ratings. */
const RATING_PRIOR = 4;
const RATING_PRIOR_COUNT = 5;
/** Each missed matchmaking meeting costs 5%, at most 30%. */
const NO_SHOW_PENALTY = 0.05;
const NO_SHOW_PENALTY_MAX = 0.3;

/**
 * The provider's record, Bayesian-smoothed so that a new provider starts at
 * a fair middle (0.785) instead of 0 and a few projects move it only so far:
 * 70% smoothed acceptance pass rate, 30% smoothed rating (1–5 mapped to 0–1),
 * less a penalty for missed matchmaking meetings.
 */
export function recordFit(record: ProviderRecord): number {
  const projects = Math.max(0, record.completedProjects);
  const passRate = record.acceptancePassRate ?? PASS_PRIOR;
  const pass = (passRate * projects + PASS_PRIOR * PASS_PRIOR_PROJECTS) / (projects + PASS_PRIOR_PROJECTS);
  const ratings = record.ratingAverage === null ? 0 : Math.max(0, record.ratingCount);
  const rating = ((record.ratingAverage ?? RATING_PRIOR) * ratings + RATING_PRIOR * RATING_PRIOR_COUNT) / (ratings + RATING_PRIOR_COUNT);
  const base = 0.7 * pass + 0.3 * ((rating - 1) / 4);
  const penalty = Math.min(NO_SHOW_PENALTY_MAX, NO_SHOW_PENALTY * Math.max(0, record.noShows));
  return clamp01(base * (1 - penalty));
}

/** Value when the provider does not list the need's district: it is still in the city. */
export const OTHER_DISTRICT_FIT = 0.3;

export function districtFit(district: string, districts: readonly string[]): number {
  return districts.includes(district) ? 1 : OTHER_DISTRICT_FIT;
}

// ------------------------------------------------------------------ score

export interface PairScore {
  /** Σ breakdown, in [0, 1]. */
  score: number;
  /** Factor → weighted contribution. */
  breakdown: FactorValues;
  /** Factor → value in [0, 1], before weighting. */
  values: FactorValues;
}

/** Every factor but text: cheap, so a matcher can bound a pair's score before reading its texts. */
export type StructuralValues = Omit<FactorValues, 'text'>;

export function structuralValues(n: NeedFacts, s: SolutionFacts, provider: ProviderFacts): StructuralValues {
  return {
    scenario: scenarioFit(n.scenarios, s.scenarios),
    industry: industryFit(n.industry, s.industries),
    budget: budgetFit(n.budgetFen, s.priceMinFen, s.priceMaxFen),
    delivery: deliveryFit(s.deployDays, n.expectedDays),
    level: levelFit(n.digitalLevel, s.levels),
    record: recordFit(provider.record),
    district: districtFit(n.district, provider.districts),
  };
}

/** Every factor's value for the pair. */
export function factorValues(need: PreparedNeed, solution: SolutionFacts, provider: ProviderFacts): FactorValues {
  return { text: textValue(need.keywords, solution), ...structuralValues(need.facts, solution, provider) };
}

/**
 * Weighs factor values. The score is the sum of the contributions as they
 * are reported (not rounded), so the breakdown adds up to it exactly; the
 * clamp only absorbs a last-bit excess when weights summing to 1 meet values of 1.
 */
export function weigh(values: FactorValues, weights: MatchWeights): PairScore {
  const breakdown = {} as FactorValues;
  let score = 0;
  for (const f of MATCH_FACTORS) {
    breakdown[f] = weights[f] * values[f];
    score += breakdown[f];
  }
  return { score: Math.min(1, score), breakdown, values };
}

/**
 * The score alone, for ranking: the same sum as {@link weigh} (same terms,
 * same order, so the same number to the last bit) without building the
 * breakdown, which only the best matches need.
 */
export function scoreOf(text: number, structural: StructuralValues, weights: MatchWeights): number {
  let score = 0;
  for (const f of MATCH_FACTORS) score += weights[f] * (f === 'text' ? text : structural[f]);
  return Math.min(1, score);
}

export function scorePair(need: PreparedNeed, solution: SolutionFacts, provider: ProviderFacts, weights: MatchWeights): PairScore {
  return weigh(factorValues(need, solution, provider), weights);
}

// ------------------------------------------------------------------ reasons

/** A factor at least this good reads as a strength; below it, as a shortfall. */
const STRENGTH = 0.75;
const MAX_TEXT_WORDS = 5;

/**
 * The score in plain Chinese: one sentence per weighted factor that has
 * something to say, strengths first (largest contribution first), then
 * shortfalls (heaviest factor first).
 */
export function explainPair(
  need: PreparedNeed,
  s: SolutionFacts,
  provider: ProviderFacts,
  scored: PairScore,
  weights: MatchWeights,
): string[] {
  const n = need.facts;
  const sentences: Record<MatchFactor, string | null> = {
    text: textReason(textCoverage(need.keywords, s).matched, s),
    scenario: scenarioReason(n.scenarios, s.scenarios),
    industry: s.industries.includes(n.industry) ? `适用行业包括${industryName(n.industry)}` : `适用行业未包括${industryName(n.industry)}`,
    budget: budgetReason(n.budgetFen, s.priceMinFen, s.priceMaxFen),
    delivery:
      s.deployDays < n.expectedDays
        ? `部署周期 ${s.deployDays} 天，短于期望的 ${n.expectedDays} 天`
        : s.deployDays === n.expectedDays
          ? `部署周期 ${s.deployDays} 天，符合期望的 ${n.expectedDays} 天`
          : `部署周期 ${s.deployDays} 天，长于期望的 ${n.expectedDays} 天`,
    level: levelReason(n.digitalLevel, s.levels),
    record: recordReason(provider.record),
    district: provider.districts.includes(n.district)
      ? `服务商已在${districtName(n.district)}提供服务`
      : `服务商服务区域未包括${districtName(n.district)}`,
  };
  const listed = MATCH_FACTORS.filter((f) => weights[f] > 0 && sentences[f] !== null);
  const strengths = listed.filter((f) => scored.values[f] >= STRENGTH).sort((a, b) => scored.breakdown[b] - scored.breakdown[a]);
  const shortfalls = listed.filter((f) => scored.values[f] < STRENGTH).sort((a, b) => weights[b] - weights[a]);
  return [...strengths, ...shortfalls].map((f) => sentences[f]!);
}

function textReason(matched: readonly Keyword[], solution: SolutionFacts): string | null {
  // 数控 adds nothing next to 数控机床.
  const words = matched.filter((k) => !matched.some((other) => other !== k && other.word.includes(k.word))).slice(0, MAX_TEXT_WORDS);
  return words.length ? `方案介绍提及需求关键词：${words.map((k) => asWritten(solution, k)).join('、')}` : null;
}

function scenarioReason(needScenarios: readonly string[], solutionScenarios: readonly string[]): string {
  const covered = needScenarios.filter((c) => solutionScenarios.includes(c)).map(scenarioName);
  const missing = needScenarios.filter((c) => !solutionScenarios.includes(c)).map(scenarioName);
  if (!covered.length) return `未覆盖需求场景：${missing.join('、')}`;
  return missing.length ? `覆盖需求场景：${covered.join('、')}；未覆盖：${missing.join('、')}` : `覆盖需求场景：${covered.join('、')}`;
}

function budgetReason(budgetFen: number, minFen: number, maxFen: number): string {
  const range = priceRange(minFen, maxFen);
  if (maxFen <= budgetFen) return `报价区间 ${range}在预算 ${money(budgetFen)}之内`;
  if (minFen <= budgetFen) return `预算 ${money(budgetFen)}落在报价区间 ${range}之内`;
  return `报价起价 ${money(minFen)}高于预算 ${money(budgetFen)}`;
}

function levelReason(level: number | null, levels: readonly number[]): string {
  if (level === null) return '企业尚未评定数字化水平，按中等适配计';
  const names = levels.map(levelName).join('、');
  if (levels.includes(level)) return `适配数字化水平${levelName(level)}企业`;
  const distance = levels.length ? Math.min(...levels.map((l) => Math.abs(l - level))) : Infinity;
  return distance === 1
    ? `面向数字化水平${names}企业，与企业当前${levelName(level)}相差一级`
    : `面向数字化水平${names}企业，与企业当前${levelName(level)}差距较大`;
}

function recordReason(record: ProviderRecord): string {
  const parts: string[] = [];
  if (record.completedProjects > 0 && record.acceptancePassRate !== null) {
    parts.push(`服务商验收通过率 ${Math.round(record.acceptancePassRate * 100)}%（${record.completedProjects} 个项目）`);
  } else {
    parts.push('新入库服务商，暂无验收记录，按平均水平计');
  }
  if (record.ratingAverage !== null && record.ratingCount > 0) {
    parts.push(`用户评分 ${record.ratingAverage.toFixed(1)} 分（${record.ratingCount} 次评价）`);
  }
  if (record.noShows > 0) parts.push(`对接活动缺席 ${record.noShows} 次`);
  return parts.join('，');
}

const scenarioName = (code: string): string => nameOf(SCENARIOS, code) ?? code;
const industryName = (code: string): string => nameOf(INDUSTRIES, code) ?? code;
const districtName = (code: string): string => nameOf(DISTRICTS, code) ?? code;
const levelName = (level: number): string => DIGITAL_LEVELS.find((l) => l.level === level)?.name ?? `${level}级`;

const FEN_PER_WAN = 1_000_000;

/** A 万元 figure with at most one decimal, as people write it ("8", "12.5"). */
function wan(fen: number): string {
  return String(Math.round(fen / (FEN_PER_WAN / 10)) / 10);
}

/** 15 万元, or 8000 元 below one 万. */
export function money(fen: number): string {
  return fen >= FEN_PER_WAN ? `${wan(fen)} 万元` : `${Math.round(fen / 100)} 元`;
}

/** 8–20 万元 (each bound in 元 when below one 万). */
export function priceRange(minFen: number, maxFen: number): string {
  if (minFen === maxFen) return money(minFen);
  if (minFen >= FEN_PER_WAN) return `${wan(minFen)}–${wan(maxFen)} 万元`;
  return `${money(minFen)}–${money(maxFen)}`;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
