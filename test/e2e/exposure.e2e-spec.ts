import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { publishedSolution } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';
import { approvedProvider, createEnterprise } from '../factories/directory.js';
import { registerUser } from '../factories/users.js';

describe('fair exposure in search and matches', () => {
  let t: TestApp;
  let big: string;
  let owner: any;
  let need: any;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await approvedProvider(t);
    big = a.provider.id;
    for (let i = 0; i < 6; i++) await publishedSolution(t, a.owner, a.provider.id, { title: `数控机床设备联网与数据采集方案${i}` });
    for (let i = 0; i < 8; i++) {
      const p = await approvedProvider(t);
      await publishedSolution(t, p.owner, p.provider.id, { title: `数控机床设备联网方案${i}` });
    }
    owner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, owner);
    need = await publishedNeed(t, owner, enterprise.id);
    await t.drain();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('gives no provider more than 3 of the top 10 matches, and says why each is where it is', async () => {
    const res = await t.get(`/needs/${need.id}/matches`, { token: owner.token });
    expect(res.status).toBe(200);
    const items = res.body.items as any[];
    expect(items.length).toBeGreaterThan(10);
    expect(items.slice(0, 10).filter((m) => m.providerId === big).length).toBeLessThanOrEqual(3);
    for (const [i, m] of items.entries()) {
      expect(m.placement).toMatchObject({ rank: i + 1, reason: expect.any(String) });
    }
    const capped = items.filter((m) => m.placement.kind === 'capped');
    for (const m of capped) expect(m.providerId).toBe(big);
    if (capped.length) expect(capped[0].placement.reason).toContain('最多展示3个');
  });

  it('applies the same cap to the first page of a relevance search', async () => {
    const res = await t.get('/search/solutions', { query: { q: '数控机床设备联网', pageSize: 10 } });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(14);
    expect(res.body.hits.filter((h: any) => h.providerId === big).length).toBeLessThanOrEqual(3);
    expect(res.body.hits[0]._placement).toMatchObject({ rank: 1 });
    const second = await t.get('/search/solutions', { query: { q: '数控机床设备联网', pageSize: 10, page: 2 } });
    const ids = [...res.body.hits, ...second.body.hits].map((h: any) => h.id);
    expect(new Set(ids).size).toBe(14);
  });
});
