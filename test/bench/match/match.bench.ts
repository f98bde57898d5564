import { availableParallelism, loadavg, totalmem } from 'node:os';
import { AllCandidates, Matcher, SearchCandidates } from '@smedx/matching';
import type { NeedFacts, ProviderFacts, ProviderSource } from '@smedx/matching';
import { DEFAULT_MATCH_WEIGHTS, EmbeddedSearchEngine, envSchema, normaliseMatchWeights } from '@smedx/platform';
import { NEED_INDEX_SETTINGS, NEEDS_INDEX, SOLUTION_INDEX_SETTINGS, SOLUTIONS_INDEX } from '@smedx/search';
import { Random } from '@smedx/demo';
import { generateMatchDataset } from './dataset.js';

/**
 * Matching benchmark: the matching pipeline (search-engine candidates, then
 * the re-rank) on 100k solutions and 100k needs in the embedded engine,
 * without a database (providers come from memory, as `ProviderSource`).
 *
 *   npm run bench:match
 *   npm run bench:match -- --solutions=20000 --needs=20000 --latency=100 --recall=50
 *
 * Latency: matching time per need (candidate queries, re-rank, reasons for the
 * top 20) over `--latency` sampled needs after a warm-up, as wall time and as
 * the process's CPU time (which a busy machine does not inflate). Recall@20: for
 * `--recall` sampled needs, the share of the exhaustive scorer's top 20 (the
 * same scoring applied to every solution) that the pipeline returns.
 * `MATCH_WEIGHTS` applies as in the service.
 */

interface Args {
  solutions: number;
  needs: number;
  latency: number;
  recall: number;
  limit: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number): number => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  return {
    solutions: get('solutions', 100_000),
    needs: get('needs', 100_000),
    latency: get('latency', 200),
    recall: get('recall', 100),
    limit: get('limit', 20),
  };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (ms: number): string => ms.toFixed(1);
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

function sample<T>(rng: Random, items: readonly T[], k: number): T[] {
  return rng.sample(items, Math.min(k, items.length));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = envSchema.parse({ MATCH_WEIGHTS: process.env.MATCH_WEIGHTS });
  const weights = env.MATCH_WEIGHTS ?? normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS);
  console.log(
    `match bench: ${args.solutions} solutions, ${args.needs} needs; nproc=${availableParallelism()}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(`weights ${JSON.stringify(weights)}`);

  let started = performance.now();
  const data = generateMatchDataset({ solutions: args.solutions, needs: args.needs });
  console.log(`generated in ${seconds(started)} s (${data.providers.size} providers)`);

  started = performance.now();
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex(SOLUTIONS_INDEX, SOLUTION_INDEX_SETTINGS);
  await engine.ensureIndex(NEEDS_INDEX, NEED_INDEX_SETTINGS);
  for (const batch of data.solutionDocs()) await engine.upsert(SOLUTIONS_INDEX, batch);
  for (const batch of data.needDocs()) await engine.upsert(NEEDS_INDEX, batch);
  console.log(`indexed in ${seconds(started)} s`);

  const providers: ProviderSource = {
    providers: async (ids) =>
      new Map(ids.flatMap((id): [string, ProviderFacts][] => (data.providers.has(id) ? [[id, data.providers.get(id)!]] : []))),
  };
  // Time spent in the search engine (candidate queries) during each match, to tell it from the re-rank.
  let engineMs = 0;
  let engineQueries = 0;
  const timedEngine = new Proxy(engine, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== 'search' && key !== 'count') return typeof value === 'function' ? value.bind(target) : value;
      return async (...callArgs: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, callArgs);
        } finally {
          engineMs += performance.now() - t0;
          engineQueries++;
        }
      };
    },
  });
  const pipeline = new Matcher(new SearchCandidates(timedEngine), providers, weights);
  const exhaustive = new Matcher(new AllCandidates(data.solutions, data.needs), providers, weights);
  const rng = new Random(7);

  // Latency per need.
  const latencyNeeds = sample(rng, data.needs, args.latency);
  for (const need of sample(rng, data.needs, 20)) await pipeline.matchNeed(need, { limit: args.limit });
  const times: number[] = [];
  const cpu: number[] = [];
  const inEngine: number[] = [];
  const queries: number[] = [];
  for (const need of latencyNeeds) {
    const c0 = process.cpuUsage();
    engineMs = 0;
    engineQueries = 0;
    const t0 = performance.now();
    await pipeline.matchNeed(need, { limit: args.limit });
    times.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    inEngine.push(engineMs);
    queries.push(engineQueries);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  inEngine.sort((a, b) => a - b);
  queries.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(`need → solutions: ${times.length} needs, p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms, max ${fmt(times[times.length - 1])} ms`);
  // CPU time is what the work costs whatever else the machine runs; wall time above includes waiting for a core.
  console.log(`need → solutions, CPU time: p50 ${fmt(percentile(cpu, 50))} ms, p95 ${fmt(percentile(cpu, 95))} ms`);
  console.log(
    `need → solutions, of which candidate queries: p50 ${fmt(percentile(inEngine, 50))} ms, p95 ${fmt(percentile(inEngine, 95))} ms ` +
      `(${percentile(queries, 50)} queries per need at p50, ${queries[queries.length - 1]} at most)`,
  );

  // Latency per solution (the other direction, for the record).
  const solutionTimes: number[] = [];
  for (const solution of sample(rng, data.solutions, Math.min(100, args.latency))) {
    const t0 = performance.now();
    await pipeline.matchSolution(solution, { limit: args.limit });
    solutionTimes.push(performance.now() - t0);
  }
  solutionTimes.sort((a, b) => a - b);
  console.log(
    `solution → needs: ${solutionTimes.length} solutions, p50 ${fmt(percentile(solutionTimes, 50))} ms, p95 ${fmt(percentile(solutionTimes, 95))} ms`,
  );

  // Recall@limit against the exhaustive scorer.
  started = performance.now();
  const recalls: number[] = [];
  let exhaustiveMs = 0;
  const misses: { need: NeedFacts; recall: number }[] = [];
  for (const need of sample(rng, data.needs, args.recall)) {
    const t0 = performance.now();
    const truth = await exhaustive.matchNeed(need, { limit: args.limit });
    exhaustiveMs += performance.now() - t0;
    const found = new Set((await pipeline.matchNeed(need, { limit: args.limit })).map((m) => m.solution.id));
    const recall = truth.length === 0 ? 1 : truth.filter((m) => found.has(m.solution.id)).length / truth.length;
    recalls.push(recall);
    if (recall < 1) misses.push({ need, recall });
  }
  const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length;
  console.log(
    `recall@${args.limit}: ${recall.toFixed(3)} over ${recalls.length} needs (${recalls.filter((r) => r === 1).length} complete, ` +
      `min ${Math.min(...recalls).toFixed(2)}); exhaustive scorer ${fmt(exhaustiveMs / recalls.length)} ms per need; ${seconds(started)} s`,
  );
  for (const { need, recall: r } of misses.sort((a, b) => a.recall - b.recall).slice(0, 5)) {
    console.log(
      `  recall ${r.toFixed(2)}: ${need.id} ${need.title} [${need.scenarios.join(',')}] ${need.industry}/${need.district} level ${need.digitalLevel}`,
    );
  }
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`match-bench n=${args.solutions} p95_ms=${p95.toFixed(1)} recall_at_${args.limit}=${recall.toFixed(3)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
