import type { Queue } from 'bullmq';
import { percentile } from './cluster.js';

export interface JobKindProfile {
  job: string;
  runs: number;
  /** Wall time of a run on the worker (BullMQ `processedOn` → `finishedOn`), ms. */
  runP50: number;
  runP95: number;
  /** Sum of the runs' wall time, s: the share of the worker's slots this kind took. */
  runTotalS: number;
  /** Time in the queue before a worker took it (added → `processedOn`), s. */
  waitP50: number;
  waitP95: number;
}

/**
 * Where the worker's time went, by job kind, from the jobs BullMQ keeps after
 * they completed (`removeOnComplete` keeps the last 10,000): run time and
 * queue wait. Read before Redis is killed, which empties it.
 */
export async function profileJobs(queue: Queue, since: number): Promise<JobKindProfile[]> {
  const jobs = (await queue.getJobs(['completed'], 0, -1)).filter((j) => j.timestamp >= since && j.processedOn && j.finishedOn);
  const byName = new Map<string, { run: number[]; wait: number[] }>();
  for (const job of jobs) {
    const kind = byName.get(job.name) ?? { run: [], wait: [] };
    kind.run.push(job.finishedOn! - job.processedOn!);
    kind.wait.push((job.processedOn! - job.timestamp) / 1000);
    byName.set(job.name, kind);
  }
  return [...byName]
    .map(([job, { run, wait }]) => {
      run.sort((a, b) => a - b);
      wait.sort((a, b) => a - b);
      return {
        job,
        runs: run.length,
        runP50: percentile(run, 50),
        runP95: percentile(run, 95),
        runTotalS: run.reduce((a, b) => a + b, 0) / 1000,
        waitP50: percentile(wait, 50),
        waitP95: percentile(wait, 95),
      };
    })
    .sort((a, b) => b.runTotalS - a.runTotalS);
}

export function renderProfile(rows: JobKindProfile[]): string {
  const total = rows.reduce((a, r) => a + r.runTotalS, 0);
  const head = `${'job'.padEnd(36)} ${'runs'.padStart(6)} ${'run p50'.padStart(9)} ${'run p95'.padStart(9)} ${'run Σ'.padStart(8)} ${'share'.padStart(6)} ${'wait p50'.padStart(9)} ${'wait p95'.padStart(9)}`;
  const lines = rows.map(
    (r) =>
      `${r.job.padEnd(36)} ${String(r.runs).padStart(6)} ${`${r.runP50.toFixed(0)} ms`.padStart(9)} ${`${r.runP95.toFixed(0)} ms`.padStart(9)} ${`${r.runTotalS.toFixed(1)} s`.padStart(8)} ${`${((100 * r.runTotalS) / (total || 1)).toFixed(0)}%`.padStart(6)} ${`${r.waitP50.toFixed(1)} s`.padStart(9)} ${`${r.waitP95.toFixed(1)} s`.padStart(9)}`,
  );
  return [head, ...lines].join('\n');
}
