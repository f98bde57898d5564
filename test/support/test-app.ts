import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, In, Not } from 'typeorm';
import { BullmqJobConsumer, OutboxMessage, OutboxRelay, ShiftedClock, declaredSchedules, loadConfig } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { ChangeFollower } from '@smedx/search';
import { API_ROUTES, contractViolation, findRouteKey } from '@smedx/contracts';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { createDatabase, dropDatabase } from './databases.js';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | (string | number)[]>;
  headers?: Record<string, string>;
  /** Send the body as is (a string), for malformed-JSON tests. */
  raw?: boolean;
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  clock: ShiftedClock;
  dataSource: DataSource;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<HttpResult<T>>;
  get<T = any>(path: string, options?: CallOptions): Promise<HttpResult<T>>;
  post<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<HttpResult<T>>;
  patch<T = any>(path: string, body?: unknown, options?: CallOptions): Promise<HttpResult<T>>;
  /**
   * Waits until every background job due now has run and the search index has caught up;
   * fails after `timeoutMs` (20 s: a test's own jobs; loading the demo data takes longer).
   */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the real API on a fresh database, listening on a free port. With
 * DATABASE_URL set the database is a new PostgreSQL database; with REDIS_URL
 * set jobs go through BullMQ (a consumer runs in this process) under a fresh
 * key prefix.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'smedx-e2e-'));
  const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL, `smedx_e2e_${run}`) : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    SMEDX_DATA_DIR: dir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SMEDX_DEMO: 'false',
    JWT_SECRET: 'e2e-secret-0123456789abcdef',
    OUTBOX_POLL_MS: '50',
    JOB_BACKOFF_MS: '20',
    JOB_ATTEMPTS: '3',
    AUTH_RATE_LIMIT: '1000',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    SMEDX_REDIS_PREFIX: `smedx-e2e-${run}`,
    ...env,
  });
  const clock = new ShiftedClock();
  const app = await createApp({ config, clock, quiet: true, serveWebUi: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const consumer = config.redis ? app.get(BullmqJobConsumer) : null;
  consumer?.start({ concurrency: 4, lockDurationMs: 5000, stalledIntervalMs: 1000 });
  const dataSource = app.get(DataSource);
  const relay = app.get(OutboxRelay);

  const call = async <T>(method: string, path: string, options: CallOptions = {}): Promise<HttpResult<T>> => {
    const target = new URL(/^\/(health|docs|metrics)/.test(path) ? path : `/api/v1${path}`, url);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) v.forEach((item) => target.searchParams.append(k, String(item)));
      else target.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = options.raw ? String(options.body) : JSON.stringify(options.body);
    }
    const response = await fetch(target, { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const result = {
      status: response.status,
      body: type.includes('json') && text ? JSON.parse(text) : text,
      headers: response.headers,
    } as HttpResult<T>;
    // The API's routes keep their contract; CORS preflights, the OpenAPI document and the Prometheus scrape are not API routes.
    if (response.ok && method !== 'OPTIONS' && !path.startsWith('/docs') && !path.startsWith('/metrics')) {
      assertKeepsContract(method, path, result, type);
    }
    return result;
  };

  const drain = async (timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await relay.drain();
      const open = await dataSource
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where("m.status IN ('pending', 'processing', 'dispatched')")
        .andWhere('m.availableAt <= :soon', { soon: new Date(clock.now().getTime() + 5000) })
        .getCount();
      if (open === 0) {
        // The embedded search index follows committed changes on its own schedule.
        await app.get(ChangeFollower).catchUp();
        return;
      }
      if (Date.now() > deadline) throw new Error(`${open} job(s) still open after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  return {
    app,
    url,
    config,
    clock,
    dataSource,
    call,
    get: (path, options) => call('GET', path, options),
    post: (path, body, options) => call('POST', path, { ...options, body }),
    patch: (path, body, options) => call('PATCH', path, { ...options, body }),
    drain,
    close: async () => {
      await app.close();
      if (databaseUrl) await dropDatabase(process.env.DATABASE_URL!, databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Outbox rows written by changes, leaving out the runs of scheduled jobs: the
 * relay writes those on its own timer, so "this request wrote nothing" is
 * checked against this count, not the table's.
 */
export async function changeRowCount(t: Pick<TestApp, 'dataSource'>): Promise<number> {
  const scheduled = declaredSchedules().map((s) => s.job);
  const repo = t.dataSource.getRepository(OutboxMessage);
  return scheduled.length ? repo.count({ where: { job: Not(In(scheduled)) } }) : repo.count();
}

/**
 * Every successful answer is decoded with its route's schema from
 * `@smedx/contracts`: a field renamed, dropped or added on the server, or a
 * route without a contract, fails the test that called it.
 */
export function assertKeepsContract(method: string, path: string, result: HttpResult, contentType: string): void {
  const key = findRouteKey(API_ROUTES, method, path);
  if (!key) throw new Error(`${method} ${path} answered ${result.status} but has no entry in API_ROUTES (libs/contracts)`);
  const violation = contractViolation(API_ROUTES[key as keyof typeof API_ROUTES], result.status, result.body, contentType);
  if (violation) throw new Error(`${method} ${path} breaks its contract (${key}):\n${violation}`);
}
