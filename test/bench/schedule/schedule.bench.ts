import { availableParallelism, loadavg } from 'node:os';
import highsModule from 'highs';
import { buildProblem, scheduleMeetings } from '../../../libs/events/src/scheduler/index.js';
import type { ScheduleResult } from '../../../libs/events/src/scheduler/index.js';
import { solveExact } from './ilp.js';
import { largeInstance, smallInstance } from './instances.js';

/**
 * Scheduling benchmark.
 *
 *   npm run bench:schedule
 *   npm run bench:schedule -- --small=200 --large-runs=5
 *
 * Quality: on `--small` random instances (seeded; 6–16 enterprises, 3–9
 * providers, 3–6 slots, 2–5 tables, minimum 0–2), the scheduler's total
 * value divided by the exact optimum (HiGHS, an integer program of the same
 * model over the same candidate pairs) among schedules that meet the
 * minimums as far as the scheduler's does — every enterprise gets at least
 * min(its meetings in the scheduler's schedule, the minimum). Also printed:
 * the ratio to the optimum ignoring minimums, the ratio on the same
 * instances without minimums, and the meetings missing to the minimums
 * against the fewest possible (an integer program: minimums first, then
 * value).
 *
 * Speed: the large event (400 enterprises × 200 providers × 16 slots × 40
 * tables, every pair scored), whole `scheduleMeetings` call, `--large-runs`
 * times; the slowest run is reported.
 *
 * Ends with one line: `schedule-bench mean_ratio=… min_ratio=… large_s=…`.
 */

interface Args {
  small: number;
  largeRuns: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number): number => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
    return value;
  };
  return { small: get('small', 200), largeRuns: get('large-runs', 3), seed: get('seed', 1) };
}

function checkValid(result: ScheduleResult, tables: number, cap: number): void {
  const seen = new Set<string>();
  const perProvider = new Map<string, number>();
  const perSlot = new Map<number, number>();
  for (const m of result.meetings) {
    for (const key of [
      `e${m.enterpriseId}@${m.slot}`,
      `p${m.providerId}@${m.slot}`,
      `t${m.table}@${m.slot}`,
      `${m.enterpriseId}-${m.providerId}`,
    ]) {
      if (seen.has(key)) throw new Error(`invalid schedule: ${key} twice`);
      seen.add(key);
    }
    perProvider.set(m.providerId, (perProvider.get(m.providerId) ?? 0) + 1);
    perSlot.set(m.slot, (perSlot.get(m.slot) ?? 0) + 1);
  }
  if ([...perProvider.values()].some((n) => n > cap)) throw new Error('invalid schedule: provider over its cap');
  if ([...perSlot.values()].some((n) => n > tables)) throw new Error('invalid schedule: too many meetings in a slot');
}

// highs ships ESM whose default export is the loader, typed as CommonJS (where that default sits one level down).
type HighsLoader = (typeof highsModule)['default'];
const loadHighs: HighsLoader = (highsModule as unknown as { default?: HighsLoader }).default ?? (highsModule as unknown as HighsLoader);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(
    `schedule bench: ${args.small} small instances, large runs ${args.largeRuns}; ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}`,
  );
  const highs = await loadHighs();

  const ratios: number[] = [];
  const unconstrained: number[] = [];
  const pureValue: number[] = [];
  const fairnessCost: number[] = [];
  let shortfallScheduler = 0;
  let shortfallBest = 0;
  let shortfallWorse = 0;
  let heuristicSeconds = 0;
  let exactSeconds = 0;
  let worst = { seed: 0, ratio: 1 };
  for (let i = 0; i < args.small; i++) {
    const seed = args.seed * 1_000_003 + i;
    const input = smallInstance(seed);
    const started = performance.now();
    const result = scheduleMeetings(input);
    heuristicSeconds += (performance.now() - started) / 1000;
    checkValid(result, input.tables, input.maxPerProvider);
    const problem = buildProblem(input);
    const meetings = new Map<string, number>();
    for (const m of result.meetings) meetings.set(m.enterpriseId, (meetings.get(m.enterpriseId) ?? 0) + 1);
    const floors = problem.enterprises.map((e) => Math.min(meetings.get(e) ?? 0, input.minPerEnterprise));
    const exact = solveExact(highs, problem, { floors });
    const free = solveExact(highs, problem, {});
    const fair = solveExact(highs, problem, { fair: true });
    exactSeconds += exact.seconds + free.seconds + fair.seconds;
    const ratio = exact.value > 0 ? result.totalValue / exact.value : 1;
    if (ratio > 1 + 1e-6) throw new Error(`seed ${seed}: scheduler ${result.totalValue} above the optimum ${exact.value}`);
    ratios.push(ratio);
    if (ratio < worst.ratio) worst = { seed, ratio };
    unconstrained.push(free.value > 0 ? result.totalValue / free.value : 1);
    // The same instance without minimums: value alone, against the same exact optimum.
    const valueOnly = scheduleMeetings({ ...input, minPerEnterprise: 0 });
    pureValue.push(free.value > 0 ? valueOnly.totalValue / free.value : 1);
    // What meeting the minimums costs even the exact solver.
    fairnessCost.push(free.value > 0 ? fair.value / free.value : 1);
    const missing = result.unmetMinimums.reduce((sum, u) => sum + u.required - u.meetings, 0);
    shortfallScheduler += missing;
    shortfallBest += fair.shortfall;
    if (missing > fair.shortfall) shortfallWorse++;
  }
  const mean = (list: number[]) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 1);
  const min = (list: number[]) => (list.length ? Math.min(...list) : 1);
  const optimal = ratios.filter((r) => r > 1 - 1e-9).length;
  console.log(
    `small: ${ratios.length} instances; value ÷ exact optimum meeting the same minimums: mean ${mean(ratios).toFixed(4)}, ` +
      `min ${min(ratios).toFixed(4)} (seed ${worst.seed}), optimal in ${optimal}`,
  );
  console.log(
    `  value ÷ exact optimum ignoring minimums: mean ${mean(unconstrained).toFixed(4)}, min ${min(unconstrained).toFixed(4)}; ` +
      `without minimums (value only): mean ${mean(pureValue).toFixed(4)}, min ${min(pureValue).toFixed(4)}`,
  );
  console.log(
    `  the exact fairest schedule's value ÷ exact optimum ignoring minimums: mean ${mean(fairnessCost).toFixed(4)}, ` +
      `min ${min(fairnessCost).toFixed(4)}`,
  );
  console.log(
    `  meetings missing to the minimums: scheduler ${shortfallScheduler}, fewest possible ${shortfallBest} ` +
      `(scheduler above the fewest in ${shortfallWorse} instances); scheduler ${(heuristicSeconds * 1000).toFixed(0)} ms in all, ` +
      `exact solver ${exactSeconds.toFixed(1)} s`,
  );

  const large = largeInstance();
  const times: number[] = [];
  let last: ScheduleResult | null = null;
  for (let run = 0; run < args.largeRuns; run++) {
    const started = performance.now();
    last = scheduleMeetings(large);
    times.push((performance.now() - started) / 1000);
  }
  let largeSeconds = Number.NaN;
  if (last) {
    checkValid(last, large.tables, large.maxPerProvider);
    const kinds = { mutual: 0, requested: 0, recommended: 0 };
    for (const m of last.meetings) kinds[m.kind]++;
    largeSeconds = Math.max(...times);
    console.log(
      `large: ${large.enterprises.length} × ${large.providers.length} × ${large.slots} slots × ${large.tables} tables, ` +
        `${last.candidates} candidate pairs → ${last.meetings.length} meetings (${kinds.mutual} mutual, ${kinds.requested} requested, ` +
        `${kinds.recommended} recommended), value ${last.totalValue.toFixed(1)}, ${last.unmetMinimums.length} below the minimum; ` +
        `runs ${times.map((t) => t.toFixed(2)).join(' / ')} s`,
    );
  }
  console.log(`load at end ${loadavg()[0].toFixed(2)}`);
  console.log(
    `schedule-bench mean_ratio=${mean(ratios).toFixed(4)} min_ratio=${min(ratios).toFixed(4)} large_s=${largeSeconds.toFixed(2)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
