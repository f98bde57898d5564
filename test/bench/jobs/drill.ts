import { Cluster, NodeProcess, sleep } from './cluster.js';
import { MixedLoad } from './load.js';
import { DepthSampler } from './sampler.js';
import { num, optionalNum, parseArgs } from './args.js';

/**
 * `npm run drill`: the fault drill an operator runs before going live, in
 * services mode — PostgreSQL, a redis-server of its own (no persistence), two
 * apis, one worker, a bounded mixed write load through both apis, and during
 * it `kill -9` of the worker, of Redis (restarted empty) and of one api, each
 * restarted after a pause. Then it checks against the database that nothing
 * acknowledged was lost and every consequence happened once, and prints one
 * summary line; exit code 1 when a check fails.
 *
 * `--short` (or DRILL_SHORT=1): one minute of load, 8 s outages — for CI.
 */
async function main(): Promise<void> {
  const args = parseArgs();
  const short = args.has('short') || process.env.DRILL_SHORT === '1';
  const seconds = num(args, 'seconds', short ? 60 : 240);
  const pauseS = num(args, 'pause', short ? 8 : 15);
  const rate = num(args, 'rate', short ? 15 : 27);
  const cluster = new Cluster();
  const t0 = Date.now();
  const log = (message: string) => console.log(`[drill ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  let failed = false;
  try {
    await cluster.start({ apis: 2, workerConcurrency: optionalNum(args, 'worker-concurrency') });
    log('cluster up: 2 apis, 1 worker, PostgreSQL, Redis');
    const load = new MixedLoad(cluster.apis);
    await load.setUp(short ? 8 : 20, short ? 5 : 10);
    log(`parties set up; load for ${seconds} s at ${rate} writes/s`);
    const sampler = new DepthSampler(cluster);
    sampler.start();
    const t0Load = Date.now();
    const running = load.run(seconds, 12, rate);

    const outage = async (at: number, name: string, kill: () => Promise<void>, restart: () => Promise<void>) => {
      await sleep(Math.max(0, t0Load + at * 1000 - Date.now()));
      await kill();
      log(`kill -9 ${name}`);
      await sleep(pauseS * 1000);
      await restart();
      log(`${name} back`);
    };
    const fraction = (f: number) => Math.round(seconds * f);
    const worker = cluster.worker;
    const api: NodeProcess = cluster.apis[1]!;
    await outage(
      fraction(0.12),
      'the worker',
      () => worker.kill(),
      () => worker.start(),
    );
    await outage(
      fraction(0.4),
      'Redis (restarted empty)',
      () => cluster.redis.kill(),
      () => cluster.redis.start(),
    );
    const redisBack = Date.now();
    await outage(
      fraction(0.68),
      'api2',
      () => api.kill(),
      () => api.start(),
    );
    await running;
    log(`load done: ${load.stats.acknowledged} acknowledged writes`);
    const drainS = await cluster.drained(60_000);
    sampler.stop();
    log(`backlog drained ${drainS.toFixed(1)} s after the load`);

    const checks = await verify(cluster, load);
    const stats = load.stats;
    const ok = stats.serverErrors === 0 && drainS <= 30 && Object.values(checks).every((v) => v === 0);
    failed = !ok;
    console.log(
      [
        `drill ${ok ? 'ok' : 'FAILED'}`,
        `mode=${short ? 'short' : 'full'}`,
        `writes=${stats.acknowledged}`,
        `5xx=${stats.serverErrors}`,
        `unanswered=${stats.unanswered}`,
        `lost=${checks.lost}`,
        `open_jobs=${checks.open}`,
        `dead_jobs=${checks.dead}`,
        `awards_unnotified=${checks.unnotified}`,
        `audit_missing=${checks.auditMissing}`,
        `duplicate_notifications=${checks.duplicates}`,
        `index_gaps=${checks.indexGaps}`,
        `max_backlog=${sampler.max()}`,
        `drain_s=${drainS.toFixed(1)}`,
        `since_redis_back_s=${((Date.now() - redisBack) / 1000).toFixed(0)}`,
        `elapsed_s=${((Date.now() - t0) / 1000).toFixed(0)}`,
      ].join(' '),
    );
  } catch (err) {
    failed = true;
    console.error(err);
  } finally {
    await cluster.close();
  }
  process.exit(failed ? 1 : 0);
}

/** Counts of what is wrong; all zero when the drill passed. */
async function verify(cluster: Cluster, load: MixedLoad): Promise<Record<string, number>> {
  const { created } = load.stats;
  const q = async (sql: string, params: unknown[] = []) => Number((await cluster.db.query<{ n: string }>(sql, params)).rows[0]!.n);
  const lost =
    created.needs.length -
    (await q(`SELECT count(*) AS n FROM need WHERE id = ANY($1) AND status IN ('published', 'awarded')`, [created.needs])) +
    created.solutions.length -
    (await q(`SELECT count(*) AS n FROM solution WHERE id = ANY($1) AND status = 'published'`, [created.solutions])) +
    created.bids.length -
    (await q(`SELECT count(*) AS n FROM bid WHERE id = ANY($1)`, [created.bids])) +
    created.awards.length -
    (await q(`SELECT count(*) AS n FROM bid WHERE id = ANY($1) AND status = 'awarded'`, [created.awards.map((a) => a.bidId)]));
  const { outbox: open, dead } = await cluster.depth();
  const unnotified =
    created.awards.length -
    (await q(`SELECT count(DISTINCT dedupe_key) AS n FROM notification WHERE dedupe_key = ANY($1)`, [
      created.awards.map((a) => `bid.awarded:${a.bidId}`),
    ]));
  const auditMissing =
    (await q(`SELECT count(*) AS n FROM outbox_message WHERE job = 'audit.record'`)) - (await q(`SELECT count(*) AS n FROM audit_entry`));
  const duplicates = await q(
    `SELECT count(*) AS n FROM (SELECT notification_id FROM mail_message GROUP BY notification_id HAVING count(*) > 1) d`,
  );
  // Each api's own embedded index holds every published solution and need.
  const solutions = await q(`SELECT count(*) AS n FROM solution WHERE status = 'published'`);
  const needs = await q(`SELECT count(*) AS n FROM need WHERE status = 'published'`);
  let indexGaps = 0;
  for (const api of cluster.apis) {
    for (const [path, expected] of [
      ['solutions', solutions],
      ['needs', needs],
    ] as const) {
      const res = await fetch(`${api.url}/api/v1/search/${path}?pageSize=1`);
      const body = (await res.json()) as { total?: number };
      indexGaps += Math.abs((body.total ?? -1) - expected);
    }
  }
  return { lost, open, dead, unnotified, auditMissing, duplicates, indexGaps };
}

void main();
