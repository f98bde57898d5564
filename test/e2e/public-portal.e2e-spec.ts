import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { submitBid } from '../factories/bidding.js';
import { publishedSolution, solutionInput } from '../factories/catalogue.js';
import { needInput, publishedNeed } from '../factories/demand.js';
import { approvedProvider, attachLicence, createEnterprise, createProvider } from '../factories/directory.js';
import { createEvent, openEvent } from '../factories/events.js';
import { acceptedProject } from '../factories/subsidy.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

/**
 * The public portal (门户): what a visitor without an account reads over the API, and what stays
 * closed to it. Every answer here is also decoded with its route's schema by the test app.
 */
describe('public portal: reads without a token', () => {
  let t: TestApp;
  let buyer: TestUser;
  let enterprise: any;
  let seller: { owner: TestUser; provider: any };
  let solution: any;
  let draftSolution: any;
  let need: any;
  let draftNeed: any;
  let pendingProvider: any;
  let openedEvent: any;
  let draftEvent: any;
  let bid: any;
  let accepted: Awaited<ReturnType<typeof acceptedProject>>;

  /** What no public answer may carry: contacts, sealed prices, the enterprise's private figures, drafts' fields. */
  const PRIVATE_KEYS = [
    'privateDetails',
    'priceFen',
    'email',
    'phone',
    'uscc_',
    'annualRevenueFen',
    'employees',
    'decisions',
    'subsidyEstimate',
  ];

  function expectNoPrivateKeys(body: unknown) {
    const text = JSON.stringify(body);
    for (const key of PRIVATE_KEYS) expect(text).not.toContain(`"${key}":`);
    // The private details' text itself (the need factory's contact line) never reaches a visitor.
    expect(text).not.toContain('024-2345-6789');
  }

  beforeAll(async () => {
    t = await startTestApp();
    buyer = await registerUser(t, 'buyer');
    enterprise = await createEnterprise(t, buyer, { district: 'tiexi' });
    seller = await approvedProvider(t);
    solution = await publishedSolution(t, seller.owner, seller.provider.id, { title: '设备联网与生产看板（门户测试）' });
    const draft = await t.post('/solutions', { ...solutionInput(), providerId: seller.provider.id }, { token: seller.owner.token });
    expect(draft.status).toBe(201);
    draftSolution = draft.body;
    need = await publishedNeed(t, buyer, enterprise.id, { title: '车间产量手机查看（门户测试）' });
    const draftNeedRes = await t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id }, { token: buyer.token });
    expect(draftNeedRes.status).toBe(201);
    draftNeed = draftNeedRes.body;
    bid = await submitBid(t, seller.owner, need.id);
    const applicant = await registerUser(t, 'applicant');
    pendingProvider = await createProvider(t, applicant);
    await attachLicence(t, applicant, pendingProvider.id);
    const organiser = await userWithRole(t, 'organizer');
    openedEvent = await openEvent(t, organiser);
    draftEvent = await createEvent(t, organiser);
    accepted = await acceptedProject(t);
    await t.drain();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('GET /portal answers the home in one call: figures, solutions, needs, events, tile counts', async () => {
    const res = await t.get('/portal');
    expect(res.status).toBe(200);
    expect(res.body.figures).toMatchObject({ solutions: expect.any(Number), providers: expect.any(Number), openNeeds: expect.any(Number) });
    expect(res.body.figures.solutions).toBeGreaterThanOrEqual(1);
    expect(res.body.figures.providers).toBeGreaterThanOrEqual(2);
    expect(res.body.figures.acceptedProjects).toBe(1);
    expect(res.body.figures.enterprises).toBeGreaterThanOrEqual(2);
    expect(res.body.newestSolutions.map((s: any) => s.id)).toContain(solution.id);
    expect(res.body.newestSolutions.map((s: any) => s.id)).not.toContain(draftSolution.id);
    expect(res.body.newestNeeds.map((n: any) => n.id)).toContain(need.id);
    expect(res.body.newestNeeds.map((n: any) => n.id)).not.toContain(draftNeed.id);
    expect(res.body.upcomingEvents.map((e: any) => e.id)).toEqual([openedEvent.id]);
    const scenario = solution.scenarios[0];
    expect(res.body.solutionsByScenario[scenario]).toBeGreaterThanOrEqual(1);
    expectNoPrivateKeys(res.body);
  });

  it('a published solution, its list and the approved provider with its cases are readable; drafts and pending providers are not', async () => {
    const one = await t.get(`/solutions/${solution.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: solution.id, providerName: seller.provider.name, status: 'published' });
    expect((await t.get(`/solutions/${draftSolution.id}`)).status).toBe(404);
    const list = await t.get('/solutions', { query: { pageSize: 100 } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: any) => s.id)).toContain(solution.id);
    expect((await t.get('/solutions', { query: { status: 'draft', providerId: seller.provider.id } })).status).toBe(403);

    const provider = await t.get(`/providers/${seller.provider.id}`);
    expect(provider.status).toBe(200);
    expect(provider.body.record).toBeDefined();
    expect(provider.body.decisions).toBeUndefined();
    expect((await t.get(`/providers/${pendingProvider.id}`)).status).toBe(404);
    expect((await t.get('/providers', { query: { status: 'pending' } })).status).toBe(403);
    const cases = await t.get(`/providers/${accepted.provider.id}/cases`);
    expect(cases.status).toBe(200);
    expect(cases.body.items.map((c: any) => c.projectId)).toEqual([accepted.projectId]);
    for (const body of [one.body, list.body, provider.body, cases.body]) expectNoPrivateKeys(body);
  });

  it("a published need shows its public fields only (no private details, no bids); a draft is 404; other statuses' lists 403", async () => {
    const one = await t.get(`/needs/${need.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: need.id, status: 'published', enterpriseName: enterprise.name });
    expect(one.body).not.toHaveProperty('privateDetails');
    expect((await t.get(`/needs/${draftNeed.id}`)).status).toBe(404);
    const list = await t.get('/needs');
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: any) => n.id)).toContain(need.id);
    expect((await t.get('/needs', { query: { status: 'draft', enterpriseId: enterprise.id } })).status).toBe(403);
    for (const body of [one.body, list.body]) expectNoPrivateKeys(body);
    // The bids stay sealed and signed-in only.
    expect((await t.get(`/needs/${need.id}/bids`)).status).toBe(401);
    expect((await t.get(`/bids/${bid.id}`)).status).toBe(401);
  });

  it('events past draft are listed and readable; a draft event is 404; the agenda and registrations need a token', async () => {
    const list = await t.get('/events');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((e: any) => e.id);
    expect(ids).toContain(openedEvent.id);
    expect(ids).not.toContain(draftEvent.id);
    expect((await t.get(`/events/${openedEvent.id}`)).status).toBe(200);
    expect((await t.get(`/events/${draftEvent.id}`)).status).toBe(404);
    expect((await t.get(`/events/${openedEvent.id}/agenda`)).status).toBe(401);
    expect((await t.get(`/events/${openedEvent.id}/registrations`)).status).toBe(401);
  });

  it('everything private still answers 401 without a token', async () => {
    for (const path of [
      '/workbench',
      '/bids',
      '/projects',
      `/projects/${accepted.projectId}`,
      `/enterprises/${enterprise.id}`,
      '/enterprises',
      `/needs/${need.id}/matches`,
      `/solutions/${solution.id}/matches`,
      '/subsidy-applications',
      '/notifications',
      '/audit',
      '/indicators',
      '/auth/me',
    ]) {
      expect([path, (await t.get(path)).status]).toEqual([path, 401]);
    }
    // A write is never open, whatever it targets.
    expect((await t.patch(`/solutions/${solution.id}`, { title: 'x' })).status).toBe(401);
    expect((await t.post(`/needs/${need.id}/bids`, {})).status).toBe(401);
  });

  it('a signed-in caller still sees what it saw before (its drafts, private details of its own need)', async () => {
    const own = await t.get(`/needs/${need.id}`, { token: buyer.token });
    expect(own.body.privateDetails).toContain('024-2345-6789');
    expect((await t.get(`/solutions/${draftSolution.id}`, { token: seller.owner.token })).status).toBe(200);
    // A bad token on a public route reads as a visitor, not as an error.
    const stale = await t.get(`/solutions/${solution.id}`, { token: 'not-a-token' });
    expect(stale.status).toBe(200);
  });
});
