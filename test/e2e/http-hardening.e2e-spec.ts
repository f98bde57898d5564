import { existsSync, readFileSync } from 'node:fs';
import { startTestApp, TestApp } from '../support/test-app.js';
import type { HttpResult } from '../support/test-app.js';
import { registerUser } from '../factories/users.js';
import { createEnterprise } from '../factories/directory.js';
import { needInput } from '../factories/demand.js';

describe('hardened HTTP', () => {
  let t: TestApp;
  let limited: TestApp;
  beforeAll(async () => {
    [t, limited] = await Promise.all([
      startTestApp(),
      startTestApp({ SEARCH_RATE_LIMIT: '3', SEARCH_RATE_WINDOW_SECONDS: '60', CORS_ORIGINS: 'https://portal.example.cn' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), limited.close()]);
  });

  it('sends security headers and a Content-Security-Policy on every answer', async () => {
    for (const res of [await t.get('/health'), await t.get('/search/solutions'), await t.get('/auth/me')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // The embedded mode is reached over plain HTTP on a LAN: no forced upgrade of assets.
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('the built web UI needs nothing the policy forbids: no inline script, only same-origin scripts', () => {
    const index = 'apps/web/dist/index.html';
    if (!existsSync(index)) return; // built by `npm run build`; the browser test loads it for real
    const html = readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim()).toBe('');
      expect(attributes).toMatch(/src="\/assets\//);
    }
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('keeps CORS closed by default and opens it to the configured origins only', async () => {
    const preflight = (app: TestApp, origin: string) =>
      app.call('OPTIONS', '/search/solutions', {
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const closed = await preflight(t, 'https://portal.example.cn');
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await t.get('/search/solutions', { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await preflight(limited, 'https://portal.example.cn');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight(limited, 'https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits request bodies per route: 413 in the error shape, nothing written', async () => {
    const login = await t.post('/auth/login', { email: 'a@b.cn', password: 'x'.repeat(20 * 1024) });
    expect(login.status).toBe(413);
    expect(login.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', code: 'body_too_large' });
    expect(login.body.message).toMatch(/^请求内容过大/);
    const malformed = await t.call('POST', '/auth/login', { body: '{"email":', raw: true });
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'invalid_json' });
    expect(malformed.body.message).toMatch(/^请求体不是有效的 JSON/);

    const owner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, owner);
    const normal = await t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id }, { token: owner.token });
    expect(normal.status).toBe(201);
    const huge = await t.post(
      '/needs',
      { ...needInput(t.clock, { description: '设备联网'.repeat(50_000) }), enterpriseId: enterprise.id },
      { token: owner.token },
    );
    expect(huge.status).toBe(413);
    expect(huge.body.statusCode).toBe(413);
  });

  it('rate-limits search per client: 429 with Retry-After and a Chinese message', async () => {
    const statuses: number[] = [];
    let last: HttpResult | null = null;
    for (let i = 0; i < 5; i++) {
      last = await limited.get('/search/needs', { query: { q: '设备联网' } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'rate_limited' });
    expect(last!.body.message).toMatch(/请求过于频繁/);
    // Another route keeps its own budget.
    expect((await limited.get('/taxonomies')).status).toBe(200);
  });
});
