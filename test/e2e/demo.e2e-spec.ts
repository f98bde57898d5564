import { startTestApp, TestApp } from '../support/test-app.js';

describe('demo data on first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SMEDX_DEMO: 'true' });
    // Loading the demo data queues about two thousand jobs (search, matching, notifications, audit).
    await t.drain(240_000);
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  const login = async (email: string) => {
    const res = await t.post('/auth/login', { email, password: 'demo-pass-2024' });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };

  it('loads realistic volumes over every industry and district', async () => {
    const officer = await login('city@demo.smedx.cn');
    const enterprises = await t.get('/enterprises', { token: officer, query: { pageSize: 1 } });
    expect(enterprises.body.total).toBeGreaterThanOrEqual(200);
    const providers = await t.get('/providers', { token: officer, query: { pageSize: 1 } });
    expect(providers.body.total).toBeGreaterThanOrEqual(40);
    const solutions = await t.get('/search/solutions', { query: { pageSize: 1, facets: 'industry,district' } });
    expect(solutions.body.total).toBeGreaterThanOrEqual(150);
    expect(Object.keys(solutions.body.facets.industry)).toHaveLength(7);
    const needs = await t.get('/search/needs', { query: { pageSize: 1, facets: 'industry,district' } });
    expect(needs.body.total).toBeGreaterThanOrEqual(150);
    expect(Object.keys(needs.body.facets.district).length).toBeGreaterThanOrEqual(10);
    const districts = new Set<string>();
    for (let page = 1; page <= 3; page++) {
      const res = await t.get('/enterprises', { token: officer, query: { page, pageSize: 100 } });
      for (const e of res.body.items) districts.add(e.district);
    }
    expect(districts.size).toBe(13);
    const pool = await t.get('/pilot-pool', { token: officer });
    expect(pool.status).toBe(200);
    expect(pool.body.total).toBeGreaterThanOrEqual(100);
    expect(pool.body.counts.byBatch.map((c: { count: number }) => c.count > 0)).toEqual([true, true, true]);
  });

  it('has a working account for every role', async () => {
    for (const [email, role] of [
      ['city@demo.smedx.cn', 'city_officer'],
      ['tiexi@demo.smedx.cn', 'district_officer'],
      ['assessor@demo.smedx.cn', 'assessor'],
      ['organizer@demo.smedx.cn', 'organizer'],
    ]) {
      const me = await t.get('/auth/me', { token: await login(email) });
      expect(me.body.roles.map((r: { role: string }) => r.role)).toContain(role);
    }
    const enterprise = await t.get('/auth/me', { token: await login('enterprise@demo.smedx.cn') });
    expect(enterprise.body.memberships).toEqual([expect.objectContaining({ kind: 'enterprise', role: 'owner' })]);
    const provider = await t.get('/auth/me', { token: await login('provider@demo.smedx.cn') });
    const providerId = provider.body.memberships[0].organisationId;
    expect((await t.get(`/providers/${providerId}`, { token: await login('provider@demo.smedx.cn') })).body.status).toBe('approved');
  });

  it('gives the demo enterprise a chain and the demo organiser an event with registrations', async () => {
    const leader = await login('enterprise@demo.smedx.cn');
    const chains = await t.get('/chains', { token: leader });
    expect(chains.status).toBe(200);
    expect(chains.body.items).toHaveLength(1);
    expect(chains.body.items[0]).toMatchObject({ viewerRole: 'leader', memberCounts: { upstream: 3, downstream: 3, total: 6 } });
    const invitations = await t.get(`/chains/${chains.body.items[0].id}/invitations`, { token: leader, query: { pageSize: 50 } });
    expect(invitations.body.items.map((i: { status: string }) => i.status).sort()).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'pending',
      'pending',
    ]);

    const organiser = await login('organizer@demo.smedx.cn');
    const events = await t.get('/events', { token: organiser });
    expect(events.body.items).toHaveLength(1);
    const event = events.body.items[0];
    expect(event).toMatchObject({ status: 'registration_open', district: 'tiexi' });
    const registrations = await t.get(`/events/${event.id}/registrations`, { token: organiser, query: { pageSize: 100 } });
    expect(registrations.body.items.filter((r: { status: string }) => r.status === 'approved')).toHaveLength(18);
    // Ready to schedule: closing registration and running the scheduler works on the demo data.
    expect((await t.post(`/events/${event.id}/close-registration`, undefined, { token: organiser })).status).toBe(200);
    const schedule = await t.post(`/events/${event.id}/schedule`, undefined, { token: organiser });
    expect(schedule.status).toBe(200);
    expect(schedule.body.meetings.length).toBeGreaterThanOrEqual(24);
  });

  it('does not seed twice', async () => {
    const seeder = (await import('@smedx/demo')).DemoSeeder;
    expect(await t.app.get(seeder).seedIfEmpty()).toBe(false);
  });
});
