import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { submitBid } from '../factories/bidding.js';
import { publishedSolution } from '../factories/catalogue.js';
import { fileDiagnosis, level2Answers } from '../factories/diagnosis.js';
import { needInput, publishedNeed } from '../factories/demand.js';
import { approvedProvider, attachLicence, createEnterprise, createProvider } from '../factories/directory.js';
import { enterpriseParticipant, openEvent, registerFor } from '../factories/events.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const DAY = 24 * 3600 * 1000;

describe('workbench (工作台)', () => {
  let t: TestApp;
  let buyer: TestUser;
  let enterprise: any;
  let other: TestUser;
  let bidder: { owner: TestUser; provider: any };
  let soon: any;
  let invitedTo: any;
  let project: string;
  let event: any;
  let organiser: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    buyer = await registerUser(t, 'buyer');
    enterprise = await createEnterprise(t, buyer, { district: 'tiexi' });
    other = await registerUser(t, 'other');
    await createEnterprise(t, other, { district: 'heping' });
    bidder = await approvedProvider(t);
    // A provider waiting for selection (遴选).
    const applicant = await registerUser(t, 'applicant');
    const pending = await createProvider(t, applicant);
    await attachLicence(t, applicant, pending.id);

    const awarded = await publishedNeed(t, buyer, enterprise.id);
    soon = await publishedNeed(t, buyer, enterprise.id, { bidDeadline: new Date(t.clock.now().getTime() + 3 * DAY).toISOString() });
    invitedTo = await publishedNeed(t, buyer, enterprise.id);
    const draft = await t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id }, { token: buyer.token });
    expect(draft.status).toBe(201);
    const invited = await t.post(`/needs/${invitedTo.id}/invitations`, { providerId: bidder.provider.id }, { token: buyer.token });
    expect(invited.status).toBe(201);
    const bid = await submitBid(t, bidder.owner, awarded.id);
    await submitBid(t, bidder.owner, soon.id);
    const award = await t.post(`/needs/${awarded.id}/award`, { bidId: bid.id }, { token: buyer.token });
    expect(award.status).toBe(201);
    project = award.body.projectId;

    organiser = await userWithRole(t, 'organizer');
    event = await openEvent(t, organiser);
    await registerFor(t, event.id, await enterpriseParticipant(t, { district: 'heping' }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 401 to anonymous callers', async () => {
    expect((await t.get('/workbench')).status).toBe(401);
    expect((await t.get('/bids')).status).toBe(401);
  });

  it('shows the enterprise its needs, bids waiting for a decision and projects with the next milestone', async () => {
    const res = await t.get('/workbench', { token: buyer.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ providers: [], officer: null, assessor: null, organiser: null });
    expect(res.body.enterprises).toHaveLength(1);
    const mine = res.body.enterprises[0];
    expect(mine).toMatchObject({
      enterpriseId: enterprise.id,
      needs: { draft: 1, published: 2, awarded: 1, closed: 0, cancelled: 0 },
      bidsAwaitingDecision: 1,
      needsAwaitingDecision: [{ needId: soon.id, bids: 1 }],
      subsidyApplications: { submitted: 0 },
      diagnosis: null,
    });
    expect(mine.projects).toHaveLength(1);
    expect(mine.projects[0]).toMatchObject({ id: project, status: 'active' });
    expect(mine.projects[0].nextMilestone).not.toBeNull();
  });

  it("does not show another enterprise's items", async () => {
    const res = await t.get('/workbench', { token: other.token });
    expect(res.body.enterprises).toHaveLength(1);
    expect(res.body.enterprises[0]).toMatchObject({ needs: { published: 0, awarded: 0 }, bidsAwaitingDecision: 0, projects: [] });
    const bids = await t.get('/bids', { token: other.token });
    expect(bids.body).toMatchObject({ items: [], total: 0 });
  });

  it('shows the provider its bids by state, open invitations, projects and this week’s deadlines', async () => {
    const res = await t.get('/workbench', { token: bidder.owner.token });
    expect(res.body.enterprises).toEqual([]);
    expect(res.body.providers).toHaveLength(1);
    expect(res.body.providers[0]).toMatchObject({
      providerId: bidder.provider.id,
      providerStatus: 'approved',
      bids: { submitted: 1, awarded: 1, shortlisted: 0, withdrawn: 0, not_awarded: 0 },
      invitationsOpen: 1,
      invitations: [{ needId: invitedTo.id }],
      projects: [{ id: project }],
      deadlinesThisWeek: [{ needId: soon.id, bidStatus: 'submitted' }],
    });
  });

  it("lists the provider's bids with a status filter and paging", async () => {
    const all = await t.get('/bids', { token: bidder.owner.token, query: { mine: 'true' } });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((b: any) => b.needTitle).sort()).toEqual(
      [soon.title, all.body.items.find((b: any) => b.status === 'awarded').needTitle].sort(),
    );
    expect(all.body.items[0].enterpriseName).toBe(enterprise.name);
    const awardedOnly = await t.get('/bids', { token: bidder.owner.token, query: { status: 'awarded', pageSize: 1 } });
    expect(awardedOnly.body).toMatchObject({ total: 1, pageSize: 1, items: [{ status: 'awarded' }] });
    const foreign = await t.get('/bids', { token: buyer.token, query: { providerId: bidder.provider.id } });
    expect(foreign.status).toBe(403);
  });

  it('gives officers their queues, district-scoped for a district officer', async () => {
    const city = await userWithRole(t, 'city_officer');
    const res = await t.get('/workbench', { token: city.token });
    expect(res.body.officer).toMatchObject({
      city: true,
      districts: [],
      providersPendingSelection: 1,
      subsidyAwaitingPreliminary: null,
      subsidyAwaitingReview: 0,
      changeRequestsPending: 0,
      nominationsWaiting: 0,
      figures: { publishedNeeds: 2, activeProjects: 1 },
    });
    const tiexi = await userWithRole(t, 'district_officer', 'tiexi');
    const district = (await t.get('/workbench', { token: tiexi.token })).body.officer;
    expect(district).toMatchObject({
      city: false,
      districts: ['tiexi'],
      providersPendingSelection: null,
      subsidyAwaitingPreliminary: 0,
      subsidyAwaitingReview: null,
      figures: { enterprises: 1, publishedNeeds: 2, activeProjects: 1 },
    });
    const heping = await userWithRole(t, 'district_officer', 'heping');
    expect((await t.get('/workbench', { token: heping.token })).body.officer.figures).toEqual({
      enterprises: 2,
      publishedNeeds: 0,
      activeProjects: 0,
    });
  });

  it('gives the assessor the projects to monitor and the organiser the registrations waiting', async () => {
    const assessor = await userWithRole(t, 'assessor');
    const res = await t.get('/workbench', { token: assessor.token });
    expect(res.body.assessor).toMatchObject({ projectsActive: 1, projectsInRework: 0, projects: [{ id: project }], nominationsToScore: 0 });
    expect(res.body.officer).toBeNull();
    const own = (await t.get('/workbench', { token: organiser.token })).body.organiser;
    expect(own).toMatchObject({ registrationsPending: 1, eventsWithPending: [{ id: event.id, pending: 1 }] });
    expect(own.events.registration_open).toBe(1);
    const another = await userWithRole(t, 'organizer');
    expect((await t.get('/workbench', { token: another.token })).body.organiser).toMatchObject({
      registrationsPending: 0,
      eventsWithPending: [],
    });
  });

  it('recommends solutions to enterprises (by published needs, else by the diagnosis) and unbid needs to providers', async () => {
    const forNeeds = await publishedSolution(t, bidder.owner, bidder.provider.id, { scenarios: invitedTo.scenarios });
    // level2Answers: the weakest spots suggest energy, quality and network security.
    const forDiagnosis = await publishedSolution(t, bidder.owner, bidder.provider.id, { scenarios: ['energy', 'quality'] });
    await fileDiagnosis(t, other, (await t.get('/workbench', { token: other.token })).body.enterprises[0].enterpriseId, {
      kind: 'self_check',
      answers: level2Answers(),
    });
    await t.drain();

    const buyers = (await t.get('/workbench', { token: buyer.token })).body.enterprises[0].recommendedSolutions;
    expect(buyers.length).toBeGreaterThan(0);
    expect(buyers.length).toBeLessThanOrEqual(5);
    const recommended = buyers.find((s: any) => s.solutionId === forNeeds.id);
    expect(recommended).toMatchObject({ title: forNeeds.title, providerId: bidder.provider.id, reason: expect.any(String) });
    expect([soon.id, invitedTo.id]).toContain(recommended.forNeed.id);
    expect(buyers.map((s: any) => s.score)).toEqual([...buyers.map((s: any) => s.score)].sort((a: number, b: number) => b - a));

    const others = (await t.get('/workbench', { token: other.token })).body.enterprises[0].recommendedSolutions;
    expect(others.find((s: any) => s.solutionId === forDiagnosis.id)).toMatchObject({ forNeed: null });

    const providers = (await t.get('/workbench', { token: bidder.owner.token })).body.providers[0].recommendedNeeds;
    const needIds = providers.map((n: any) => n.needId);
    expect(needIds).toContain(invitedTo.id);
    expect(needIds).not.toContain(soon.id);
    expect(providers.find((n: any) => n.needId === invitedTo.id)).toMatchObject({
      title: invitedTo.title,
      enterpriseName: enterprise.name,
      forSolution: { id: expect.any(String) },
    });
  });
});
