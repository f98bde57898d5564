import { resolve } from 'node:path';
import { Cluster, percentile, sleep } from './cluster.js';
import { MixedLoad } from './load.js';
import { DepthSampler } from './sampler.js';
import { num, optionalNum, parseArgs } from './args.js';
import { profileJobs, renderProfile } from './profile.js';

/**
 * `npm run bench:jobs`: the job pipeline under the drill's mixed write load in
 * services mode (PostgreSQL, a Redis of its own, two apis, one worker).
 * Prints the sustained write rate, the backlog over time, how long it takes to
 * drain after the load, write → notification latency, and how long the
 * backlog takes to empty after Redis comes back empty.
 */
async function main(): Promise<void> {
  const args = parseArgs();
  const seconds = num(args, 'seconds', 60);
  const rate = num(args, 'rate', 30);
  const concurrency = num(args, 'concurrency', 16);
  const workerConcurrency = optionalNum(args, 'worker-concurrency');
  const cluster = new Cluster();
  const load0 = Date.now();
  try {
    const workers = num(args, 'workers', 1);
    const cpuProfile = args.get('cpu-prof');
    await cluster.start({ apis: 2, workerConcurrency, workers, workerCpuProfileDir: cpuProfile ? resolve(cpuProfile) : undefined });
    const load = new MixedLoad(cluster.apis);
    await load.setUp(num(args, 'enterprises', 20), num(args, 'providers', 10));
    await cluster.drained(60_000);
    console.log(
      `cluster up and parties set up in ${((Date.now() - load0) / 1000).toFixed(0)} s; load ${seconds} s at ${rate || 'max'} writes/s, ${concurrency} clients`,
    );

    const sampler = new DepthSampler(cluster);
    sampler.start();
    const since = new Date();
    const before = load.stats.acknowledged;
    const started = Date.now();
    await load.run(seconds, concurrency, rate);
    const writes = load.stats.acknowledged - before;
    const writeRate = writes / ((Date.now() - started) / 1000);
    const drainS = await cluster.drained(120_000);
    const all = await cluster.notificationLatencies(since);
    const direct = await cluster.notificationLatencies(since, ['bid.received', 'bid.awarded', 'bid.not-awarded']);
    const matches = await cluster.notificationLatencies(since, ['match.strong']);
    const profile = await profileJobs(cluster.queue, since.getTime());

    // Redis dies under load and comes back empty: how long until the backlog is gone again.
    const outage = load.run(30, concurrency, rate);
    await sleep(10_000);
    await cluster.redis.kill();
    const lostAtKill = (await cluster.depth()).dispatched;
    await sleep(10_000);
    await cluster.redis.start();
    load.stop();
    await outage;
    const healS = await cluster.drained(120_000);
    sampler.stop();
    const { dead } = await cluster.depth();

    console.log('\nbacklog (largest per 5 s; the Redis outage starts 10 s after the first load ends)');
    console.log(sampler.render());
    console.log(
      `\nworker time by job kind (the load and its drain; ${workers} worker(s), WORKER_CONCURRENCY ${workerConcurrency ?? 'default'} each)`,
    );
    console.log(renderProfile(profile));
    console.log(
      `\nsustained write rate        ${writeRate.toFixed(1)} writes/s (${writes} acknowledged, ${load.stats.serverErrors} 5xx, ${load.stats.refused} 4xx)`,
    );
    for (const sample of load.stats.serverErrorSamples) console.log(`  5xx: ${sample}`);
    console.log(`largest backlog             ${sampler.max()} outbox rows`);
    console.log(`backlog drained after load  ${drainS.toFixed(1)} s   (target ≤ 30 s)`);
    console.log(
      `write → notification        p50 ${percentile(all, 50).toFixed(2)} s  p95 ${percentile(all, 95).toFixed(2)} s  max ${percentile(all, 100).toFixed(2)} s  (${all.length} notifications; target p95 ≤ 2 s)`,
    );
    console.log(
      `  bid notifications only    p50 ${percentile(direct, 50).toFixed(2)} s  p95 ${percentile(direct, 95).toFixed(2)} s  (${direct.length})`,
    );
    console.log(
      `  strong matches only       p50 ${percentile(matches, 50).toFixed(2)} s  p95 ${percentile(matches, 95).toFixed(2)} s  (${matches.length}; from the later publishing of the pair)`,
    );
    console.log(
      `Redis back empty → drained  ${healS.toFixed(1)} s   (${lostAtKill} jobs were dispatched when it died; target ≤ 30 s); dead jobs ${dead}`,
    );
    console.log(
      `\njobs-bench rate=${writeRate.toFixed(1)} writes=${writes} p50_s=${percentile(all, 50).toFixed(2)} p95_s=${percentile(all, 95).toFixed(2)} match_p95_s=${percentile(matches, 95).toFixed(2)} drain_s=${drainS.toFixed(1)} redis_heal_s=${healS.toFixed(1)} max_backlog=${sampler.max()} 5xx=${load.stats.serverErrors}`,
    );
  } finally {
    await cluster.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
