import { loadavg } from 'node:os';
import { AllCandidates, Matcher } from '@smedx/matching';
import type { NeedFacts, ProviderFacts, ProviderSource, SolutionFacts, SolutionMatch } from '@smedx/matching';
import { DEFAULT_MATCH_WEIGHTS, normaliseMatchWeights } from '@smedx/platform';
import { Random } from '@smedx/demo';
import { DEFAULT_EXPOSURE, ExposureLedger, applyFairExposure, gini } from '@smedx/reputation';
import { generateMatchDataset } from '../match/dataset.js';

/**
 * Fair-exposure benchmark: a fixed, seeded mix of needs matched against 10k solutions from 300
 * providers (the matching benchmark's generator), ranked by the exhaustive scorer, then by the
 * same ranking after the fair-exposure step. Prints the Gini coefficient of top-10 exposure
 * across all providers before and after, and nDCG@10 on the judged set before and after.
 *
 *   npm run bench:exposure
 *   npm run bench:exposure -- --needs=100 --max=3 --explore=1 --margin=0.05
 *
 * Judgements (0–4 per need × solution) are rule-based from the generator's facts, independent
 * of the scorer's record and text factors: scenario coverage (2: all the need's scenarios, 1: at
 * least half), +1 when the solution serves the need's industry, +1 when it suits the need's level;
 * 0 without any scenario in common.
 */

interface Args {
  solutions: number;
  providers: number;
  needs: number;
  max: number;
  explore: number;
  margin: number;
  balance: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number): number => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
    return value;
  };
  return {
    solutions: get('solutions', 10_000),
    providers: get('providers', 300),
    needs: get('needs', 200),
    max: get('max', DEFAULT_EXPOSURE.maxPerProvider),
    explore: get('explore', DEFAULT_EXPOSURE.explorationSlots),
    margin: get('margin', DEFAULT_EXPOSURE.explorationMargin),
    balance: get('balance', DEFAULT_EXPOSURE.balanceMargin),
  };
}

const K = 10;
const WINDOW = 40;

function judge(need: NeedFacts, s: SolutionFacts): number {
  const common = need.scenarios.filter((x) => s.scenarios.includes(x)).length;
  if (!common || !need.scenarios.length) return 0;
  const coverage = common / need.scenarios.length;
  const level = need.digitalLevel ?? 2;
  return (
    (coverage >= 1 ? 2 : coverage >= 0.5 ? 1 : 0) + (s.industries.includes(need.industry) ? 1 : 0) + (s.levels.includes(level) ? 1 : 0)
  );
}

const dcg = (grades: readonly number[]): number => grades.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const settings = {
    ...DEFAULT_EXPOSURE,
    maxPerProvider: args.max,
    explorationSlots: args.explore,
    explorationMargin: args.margin,
    balanceMargin: args.balance,
  };
  const ledger = new ExposureLedger();
  console.log(
    `exposure bench: ${args.solutions} solutions from ${args.providers} providers, ${args.needs} needs; ` +
      `max ${settings.maxPerProvider} of top ${settings.slots}, ${settings.explorationSlots} exploration slot(s) within ${settings.explorationMargin}, balance within ${settings.balanceMargin}; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const data = generateMatchDataset({ solutions: args.solutions, needs: Math.max(args.needs * 5, 1000), providers: args.providers });
  const providers: ProviderSource = {
    providers: async (ids) =>
      new Map(ids.flatMap((id): [string, ProviderFacts][] => (data.providers.has(id) ? [[id, data.providers.get(id)!]] : []))),
  };
  const matcher = new Matcher(new AllCandidates(data.solutions, []), providers, normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS));
  const rng = new Random(11);
  const needs = rng.sample(data.needs, Math.min(args.needs, data.needs.length));

  const before = new Map<string, number>([...data.providers.keys()].map((id) => [id, 0]));
  const after = new Map(before);
  const ndcgBefore: number[] = [];
  const ndcgAfter: number[] = [];
  let capped = 0;
  let explored = 0;
  let balanced = 0;
  const started = performance.now();
  for (const need of needs) {
    const ranked: SolutionMatch[] = await matcher.matchNeed(need, { limit: WINDOW });
    const placed = applyFairExposure(
      ranked.map((m) => ({
        item: m,
        providerId: m.provider.id,
        fit: m.score,
        newcomer: m.provider.status === 'approved' && m.provider.record.completedProjects < settings.newcomerProjects,
      })),
      settings,
      ledger.snapshot(),
    );
    ledger.record(placed.slice(0, K).map((p) => p.providerId));
    const topBefore = ranked.slice(0, K);
    const topAfter = placed.slice(0, K);
    for (const m of topBefore) before.set(m.provider.id, before.get(m.provider.id)! + 1);
    for (const p of topAfter) after.set(p.providerId, after.get(p.providerId)! + 1);
    capped += placed.filter((p) => p.placement.kind === 'capped').length;
    balanced += topAfter.filter((p) => p.placement.kind === 'balanced').length;
    explored += topAfter.filter((p) => p.placement.kind === 'exploration').length;
    const ideal = dcg(data.solutions.map((s) => judge(need, s)).sort((a, b) => b - a));
    if (ideal === 0) continue;
    ndcgBefore.push(dcg(topBefore.map((m) => judge(need, m.solution))) / ideal);
    ndcgAfter.push(dcg(topAfter.map((p) => judge(need, p.item.solution))) / ideal);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const giniBefore = gini([...before.values()]);
  const giniAfter = gini([...after.values()]);
  const shown = (m: Map<string, number>) => [...m.values()].filter((v) => v > 0).length;
  const maxShare = (m: Map<string, number>) => Math.max(...m.values()) / (needs.length * K);
  console.log(`ranked ${needs.length} needs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    `top-${K} exposure Gini: before ${giniBefore.toFixed(3)}, after ${giniAfter.toFixed(3)} (${(((giniBefore - giniAfter) / giniBefore) * 100).toFixed(1)}% lower)`,
  );
  console.log(
    `providers ever in a top ${K}: before ${shown(before)}, after ${shown(after)} of ${data.providers.size}; ` +
      `largest provider's share of all slots: before ${(maxShare(before) * 100).toFixed(1)}%, after ${(maxShare(after) * 100).toFixed(1)}%`,
  );
  console.log(`moves: ${capped} capped items moved below the top ${K}, ${explored} exploration slots given, ${balanced} slots balanced`);
  console.log(
    `nDCG@${K} over ${ndcgBefore.length} judged needs: before ${mean(ndcgBefore).toFixed(4)}, after ${mean(ndcgAfter).toFixed(4)} ` +
      `(change ${(mean(ndcgAfter) - mean(ndcgBefore)).toFixed(4)})`,
  );
  console.log(
    `exposure-bench gini_before=${giniBefore.toFixed(3)} gini_after=${giniAfter.toFixed(3)} ndcg_before=${mean(ndcgBefore).toFixed(4)} ndcg_after=${mean(ndcgAfter).toFixed(4)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
