import { ChangeFollower } from '@smedx/search';
import { Lifecycle } from '../../apps/api/src/health/lifecycle.service.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser } from '../factories/users.js';
import { createEnterprise } from '../factories/directory.js';
import { publishedNeed } from '../factories/demand.js';

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
    expect(sample(text, 'smedx_job_duration_seconds_count', { job: 'audit.record', outcome: 'ok' })).toBeGreaterThan(0);
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
});
