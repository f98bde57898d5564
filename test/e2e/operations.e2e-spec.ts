import Database from 'better-sqlite3';
import { ChangeFollower } from '@smedx/search';
import { closeGracefully } from '../../apps/api/src/bootstrap.js';
import { Lifecycle } from '../../apps/api/src/health/lifecycle.service.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser } from '../factories/users.js';
import { createEnterprise } from '../factories/directory.js';
import { publishedNeed } from '../factories/demand.js';
import { openNotificationStream } from '../factories/notifications.js';

/** Value of one sample of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('operations: metrics, liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('exposes Prometheus metrics: HTTP latency by route, outbox and queue, jobs, search latency and index sizes', async () => {
    const owner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, owner);
    await publishedNeed(t, owner, enterprise.id);
    await t.drain();
    expect((await t.get('/search/needs', { query: { q: '设备' } })).status).toBe(200);

    const res = await t.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = res.body as string;
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/v1/search/needs', method: 'GET', status_code: '200' })).toBe(
      1,
    );
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/v1/needs', method: 'POST', status_code: '201' })).toBe(1);
    expect(sample(text, 'smedx_outbox_messages', { status: 'done' })).toBeGreaterThan(0);
    expect(sample(text, 'smedx_outbox_messages', { status: 'dead' })).toBe(0);
    expect(sample(text, 'smedx_queue_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'smedx_job_duration_seconds_count', { job_name: 'audit.record', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(text, 'smedx_search_duration_seconds_count', { index: 'needs' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'smedx_search_index_documents', { index: 'needs' })).toBe(1);
    expect(sample(text, 'smedx_search_index_build_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('wants the metrics token when one is configured', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
    try {
      expect((await guarded.get('/metrics')).status).toBe(401);
      expect((await guarded.get('/metrics', { headers: { authorization: 'Bearer scrape-token-0123456789' } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('is live while the process answers, ready only with the index built and not draining; /health stays', async () => {
    expect((await t.get('/health')).body.status).toBe('ok');
    expect(await t.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await t.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, search: { status: 'up' }, lifecycle: { status: 'up' } });

    const follower = t.app.get(ChangeFollower);
    const built = follower.buildSeconds;
    follower.buildSeconds = null; // as while the start-up rebuild runs
    try {
      const building = await t.get('/health/ready');
      expect(building.status).toBe(503);
      expect(building.body).toMatchObject({ statusCode: 503, code: 'not_ready' });
      expect(building.body.details.search).toMatchObject({ status: 'down', message: 'index building' });
      expect((await t.get('/health/live')).status).toBe(200);
    } finally {
      follower.buildSeconds = built;
    }

    t.app.get(Lifecycle).drain();
    const draining = await t.get('/health/ready');
    expect(draining.status).toBe(503);
    expect(draining.body.details.lifecycle).toMatchObject({ status: 'down' });
    expect((await t.get('/health/live')).status).toBe(200);
  });

  it('shuts down gracefully: not ready during the grace period, then streams closed, jobs finished, requests refused', async () => {
    // Embedded and inline, so that the database can be read after the app closed.
    const app = await startTestApp({ DATABASE_URL: '', REDIS_URL: '' });
    const owner = await registerUser(app, 'enterprise');
    const stream = await openNotificationStream(app, { token: owner.token });
    expect(stream.status).toBe(200);
    const exits: number[] = [];
    const lines: string[] = [];
    const shutdown = closeGracefully(app.app, 800, { log: (l) => lines.push(l), exit: (code) => exits.push(code), signals: [] });
    // A write whose jobs (audit entry, index) are still to run when the signal comes.
    const enterprise = await createEnterprise(app, owner);
    const closed = shutdown('SIGTERM');
    const during = await app.get('/health/ready');
    expect(during.status).toBe(503);
    expect(during.body.details.lifecycle.status).toBe('down');
    // Still serving what is in flight or arrives during the grace period.
    expect((await app.get('/health/live')).status).toBe(200);
    await closed;
    await stream.ended;
    expect(exits).toEqual([0]);
    expect(lines).toEqual(['SIGTERM: draining for 800 ms, then closing', 'closed']);
    await expect(fetch(`${app.url}/health/live`)).rejects.toThrow();
    // No job was abandoned half-way: the ones running finished before the database closed.
    const db = new Database((app.config.database as { path: string }).path, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM outbox_message WHERE status = 'processing'").get()).toEqual({ n: 0 });
      const audited = db.prepare('SELECT COUNT(*) AS n FROM audit_entry WHERE entity_id = ?').get(enterprise.id) as { n: number };
      const pending = db.prepare("SELECT COUNT(*) AS n FROM outbox_message WHERE status = 'pending' AND job = 'audit.record'").get() as {
        n: number;
      };
      // Either written, or still pending for the next start: never lost.
      expect(audited.n + pending.n).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
    await app.close().catch(() => undefined);
  });
});
