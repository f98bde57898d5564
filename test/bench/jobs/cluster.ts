import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '@smedx/platform';
import { createDatabase, dropDatabase } from '../../support/databases.js';
import { RedisServer, freePort, waitFor } from '../../support/redis-server.js';

process.env.TZ = 'UTC';

const ROOT = resolve(process.cwd());
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/src/main.js');
const CPU_PROFILE = pathToFileURL(join(ROOT, 'dist/bench-jobs/test/bench/jobs/cpu-profile.js')).href;
export const ADMIN = { email: 'admin@smedx.local', password: 'drill-admin-2024' };

/** One api or worker process of the cluster, which can be killed with SIGKILL and started again. */
export class NodeProcess {
  private child: ChildProcess | null = null;
  /** Lines the process wrote at warn level or above (pino JSON, level ≥ 40), for the report. */
  warnings = 0;

  constructor(
    readonly name: string,
    private readonly main: string,
    private readonly env: Record<string, string>,
    readonly port: number | null,
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...this.nodeArgs, this.main], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const count = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (/"level":(4|5|6)\d/.test(line)) this.warnings++;
    };
    child.stdout!.on('data', count);
    child.stderr!.on('data', (chunk: Buffer) => {
      count(chunk);
      if (process.env.DRILL_VERBOSE) process.stderr.write(`[${this.name}] ${chunk.toString()}`);
    });
    if (this.port !== null) {
      await waitFor(
        `${this.name} to answer /health`,
        async () => {
          if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}`);
          try {
            return (await fetch(`${this.url}/health`)).status === 200;
          } catch {
            return false;
          }
        },
        120_000,
      );
    }
  }

  /** kill -9: no shutdown hook runs. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}

export interface ClusterOptions {
  apis: number;
  /** Unset: the worker's own default (`WORKER_CONCURRENCY` unset). */
  workerConcurrency?: number;
  /** Worker processes (default 1); the drill kills the first. */
  workers?: number;
  /** A directory: each worker writes a V8 CPU profile of its run there when it stops (see `cpu-profile.ts`). */
  workerCpuProfileDir?: string;
}

/**
 * Services mode on this machine: a fresh PostgreSQL database beside
 * `DATABASE_URL` (default the local `test`), a redis-server of its own on a
 * free port without persistence, N api processes and M workers (default one) — the
 * processes `npm start` / `npm run start:worker` run, from `dist/`.
 */
export class Cluster {
  readonly apis: NodeProcess[] = [];
  worker!: NodeProcess;
  readonly workers: NodeProcess[] = [];
  redis!: RedisServer;
  db!: pg.Pool;
  queue!: Queue;
  private queueConnection!: Redis;
  private databaseUrl!: string;
  private readonly baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'smedx-drill-'));
  readonly prefix = `smedx-drill-${randomBytes(3).toString('hex')}`;

  async start(options: ClusterOptions): Promise<void> {
    this.databaseUrl = await createDatabase(this.baseUrl, `smedx_drill_${process.pid}_${randomBytes(3).toString('hex')}`);
    this.redis = new RedisServer(await freePort());
    await this.redis.start();
    const env = (role: string): Record<string, string> => ({
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      SMEDX_REDIS_PREFIX: this.prefix,
      SMEDX_DATA_DIR: this.dataDir,
      SMEDX_DEMO: 'false',
      SMEDX_ROLE: role,
      JWT_SECRET: 'drill-secret-0123456789abcdef',
      SMEDX_ADMIN_EMAIL: ADMIN.email,
      SMEDX_ADMIN_PASSWORD: ADMIN.password,
      AUTH_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...(options.workerConcurrency ? { WORKER_CONCURRENCY: String(options.workerConcurrency) } : {}),
    });
    for (let i = 0; i < options.apis; i++) {
      const port = await freePort();
      const api = new NodeProcess(`api${i + 1}`, API_MAIN, { ...env('api'), PORT: String(port) }, port);
      this.apis.push(api);
      // The first one migrates the fresh database; the others then start side by side.
      if (i === 0) await api.start();
    }
    const profile: { args: string[]; env: Record<string, string> } = options.workerCpuProfileDir
      ? { args: ['--import', CPU_PROFILE], env: { SMEDX_CPU_PROFILE_DIR: options.workerCpuProfileDir } }
      : { args: [], env: {} };
    for (let i = 0; i < (options.workers ?? 1); i++)
      this.workers.push(new NodeProcess(`worker${i ? i + 1 : ''}`, WORKER_MAIN, { ...env('worker'), ...profile.env }, null, profile.args));
    this.worker = this.workers[0]!;
    await Promise.all([...this.apis.slice(1).map((a) => a.start()), ...this.workers.map((w) => w.start())]);
    this.db = new pg.Pool({ connectionString: this.databaseUrl, max: 2 });
    this.queueConnection = new Redis(this.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.queueConnection.on('error', () => undefined);
    this.queue = new Queue(QUEUE_NAME, { connection: this.queueConnection, prefix: this.prefix });
    this.queue.on('error', () => undefined);
  }

  /** Outbox rows due now and not finished, and BullMQ's waiting + active counts (null while Redis is away). */
  async depth(): Promise<{ outbox: number; dispatched: number; queued: number | null; dead: number }> {
    const { rows } = await this.db.query<{ open: string; dispatched: string; dead: string }>(
      `SELECT count(*) FILTER (WHERE status IN ('pending', 'processing', 'dispatched') AND available_at <= $1) AS open,
              count(*) FILTER (WHERE status = 'dispatched') AS dispatched,
              count(*) FILTER (WHERE status = 'dead') AS dead
         FROM outbox_message`,
      [new Date()],
    );
    let queued: number | null = null;
    try {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      queued = Object.values(counts).reduce((a, b) => a + b, 0);
    } catch {
      queued = null;
    }
    return { outbox: Number(rows[0]!.open), dispatched: Number(rows[0]!.dispatched), queued, dead: Number(rows[0]!.dead) };
  }

  /** Waits until no outbox row due now is unfinished; returns the seconds it took (Infinity past `timeoutMs`). */
  async drained(timeoutMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      if ((await this.depth()).outbox === 0) return (Date.now() - started) / 1000;
      if (Date.now() - started > timeoutMs) return Infinity;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Write → notification, seconds: from the acknowledged write that caused it to
   * its delivery (its e-mail row). A bid's or an award's notification is written
   * by that request (its time is the write's instant). A strong match is found
   * by a re-match job, whose notification's time is when the job ran, not when
   * anyone wrote anything: its cause is the later of the need's and the
   * solution's publishing (the load never edits either), which is when the
   * user starts waiting for it.
   */
  async notificationLatencies(since: Date, kinds?: string[]): Promise<number[]> {
    const { rows } = await this.db.query<{ s: string }>(
      `SELECT EXTRACT(EPOCH FROM (l.delivered_at - l.caused_at)) AS s
         FROM (SELECT n.kind, m.created_at AS delivered_at,
                      CASE WHEN n.kind = 'match.strong' THEN GREATEST(nd.published_at, so.published_at) ELSE n.created_at END AS caused_at
                 FROM notification n
                 JOIN mail_message m ON m.notification_id = n.id
                 LEFT JOIN need nd ON n.kind = 'match.strong' AND nd.id::text = n.data::jsonb ->> 'needId'
                 LEFT JOIN solution so ON n.kind = 'match.strong' AND so.id::text = n.data::jsonb ->> 'solutionId') l
        WHERE l.caused_at >= $1 ${kinds ? 'AND l.kind = ANY($2)' : ''}`,
      kinds ? [since, kinds] : [since],
    );
    return rows.map((r) => Number(r.s)).sort((a, b) => a - b);
  }

  async close(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((p) => p.stop()));
    await this.queue?.close().catch(() => undefined);
    this.queueConnection?.disconnect();
    await this.db?.end();
    await this.redis?.kill();
    if (this.databaseUrl) await dropDatabase(this.baseUrl, this.databaseUrl).catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
