import { BiddingDeadlines } from '@smedx/bidding';
import { Need } from '@smedx/demand';
import { OutboxMessage } from '@smedx/platform';
import { Project } from '@smedx/projects';
import { changeRowCount, startTestApp, TestApp } from '../support/test-app.js';
import { registerUser } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, attachLicence, cityOfficer, createEnterprise, createProvider } from '../factories/directory.js';
import { publishedSolution, solutionInput } from '../factories/catalogue.js';
import { needInput, publishedNeed } from '../factories/demand.js';
import { bidInput, notificationsOf, submitBid } from '../factories/bidding.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Bidder {
  owner: TestUser;
  provider: any;
}

describe('bidding (投标)', () => {
  let t: TestApp;
  let buyer: TestUser;
  let enterprise: any;
  let rival: TestUser;
  let rivalEnterprise: any;
  let officer: TestUser;
  let outsider: TestUser;
  let p1: Bidder;
  let p2: Bidder;
  let p3: Bidder;
  let pending: Bidder;
  let multi: { owner: TestUser; providers: any[] };
  let s1: any;
  let s2: any;
  let draftSolution: any;

  const need = (overrides: Record<string, unknown> = {}) => publishedNeed(t, buyer, enterprise.id, overrides);
  const bids = (needId: string, as: TestUser, query: Record<string, string | number> = {}) =>
    t.get(`/needs/${needId}/bids`, { token: as.token, query });

  beforeAll(async () => {
    t = await startTestApp();
    officer = await cityOfficer(t);
    buyer = await registerUser(t, 'buyer');
    enterprise = await createEnterprise(t, buyer, { name: '沈阳精工机床附件有限公司' });
    rival = await registerUser(t, 'rival');
    rivalEnterprise = await createEnterprise(t, rival, {
      name: '沈阳小巨人传动有限公司',
      isLittleGiantFunded: true,
      industry: 'transmission',
    });
    outsider = await registerUser(t, 'outsider');
    p1 = await approvedProvider(t, { name: '辽宁智联工业互联网有限公司' });
    p2 = await approvedProvider(t, { name: '沈阳数智制造科技有限公司' });
    p3 = await approvedProvider(t, { name: '盛京云服软件有限公司' });
    s1 = await publishedSolution(t, p1.owner, p1.provider.id);
    s2 = await publishedSolution(t, p2.owner, p2.provider.id);
    const draft = await t.post('/solutions', { ...solutionInput(), providerId: p1.provider.id }, { token: p1.owner.token });
    draftSolution = draft.body;
    const pendingOwner = await registerUser(t, 'pending');
    pending = { owner: pendingOwner, provider: await createProvider(t, pendingOwner) };
    const multiOwner = await registerUser(t, 'multi');
    const providers = [await createProvider(t, multiOwner), await createProvider(t, multiOwner)];
    for (const p of providers) {
      await attachLicence(t, multiOwner, p.id);
      const res = await t.post(`/providers/${p.id}/selection`, { decision: 'approve', reason: '材料齐全' }, { token: officer.token });
      expect(res.status).toBe(201);
    }
    multi = { owner: multiOwner, providers };
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents the bidding routes and their bodies in OpenAPI', async () => {
    const docs = await t.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/needs/{id}/bids',
        '/api/v1/needs/{id}/award',
        '/api/v1/needs/{id}/extend',
        '/api/v1/bids/{id}',
        '/api/v1/bids/{id}/withdraw',
        '/api/v1/bids/{id}/shortlist',
      ]),
    );
    const submit = docs.body.paths['/api/v1/needs/{id}/bids'].post.requestBody.content['application/json'].schema;
    expect(submit.required).toEqual(expect.arrayContaining(['priceFen', 'deliveryDays', 'proposal']));
  });

  describe('POST /needs/:id/bids', () => {
    let n: any;
    beforeAll(async () => {
      n = await need();
    });

    it('takes a bid of an approved provider, keeps it as revision 1 and tells the enterprise', async () => {
      const input = bidInput({ priceFen: 31_500_000, deliveryDays: 60, solutionId: s1.id });
      const res = await t.post(`/needs/${n.id}/bids`, { ...input, status: 'awarded', revision: 9 }, { token: p1.owner.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        needId: n.id,
        providerId: p1.provider.id,
        providerName: '辽宁智联工业互联网有限公司',
        solutionId: s1.id,
        solutionTitle: s1.title,
        priceFen: 31_500_000,
        deliveryDays: 60,
        proposal: input.proposal,
        attachments: input.attachments,
        status: 'submitted',
        revision: 1,
        withdrawnAt: null,
        decidedAt: null,
      });
      expect(typeof res.body.priceFen).toBe('number');
      const detail = await t.get(`/bids/${res.body.id}`, { token: p1.owner.token });
      expect(detail.status).toBe(200);
      expect(detail.body.revisions).toEqual([
        expect.objectContaining({ revision: 1, priceFen: 31_500_000, deliveryDays: 60, solutionId: s1.id, note: null }),
      ]);
      const received = await notificationsOf(t, buyer, 'bid.received');
      expect(received.filter((x) => x.data.bidId === res.body.id)).toHaveLength(1);
    });

    it('answers 409 to a second bid of the same provider while the first is in the running', async () => {
      const res = await t.post(`/needs/${n.id}/bids`, bidInput(), { token: p1.owner.token });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/already has a bid in the running/);
    });

    it.each([
      ['a fractional price', { priceFen: 100.5 }, /^priceFen: must be an integer number of fen/],
      ['a negative price', { priceFen: -100 }, /^priceFen: must be > 0/],
      ['a zero price', { priceFen: 0 }, /^priceFen: must be > 0/],
      ['a price as a string', { priceFen: '320000' }, /^priceFen: must be an integer number of fen/],
      ['zero delivery days', { deliveryDays: 0 }, /^deliveryDays: must be at least 1/],
      ['fractional delivery days', { deliveryDays: 7.5 }, /^deliveryDays: must be a whole number of days/],
      ['an empty proposal', { proposal: '   ' }, /^proposal: is required/],
      ['a solution id that is not a UUID', { solutionId: 'abc' }, /^solutionId: must be a UUID/],
      [
        'an attachment without a MIME type',
        { attachments: [{ name: 'a.pdf', sizeBytes: 1, mimeType: 'pdf' }] },
        /^attachments\.0\.mimeType: must be a MIME type/,
      ],
      [
        'an attachment with a bad checksum',
        { attachments: [{ name: 'a.pdf', sizeBytes: 1, mimeType: 'application/pdf', sha256: 'xyz' }] },
        /^attachments\.0\.sha256: must be 64 hexadecimal digits/,
      ],
      [
        'an attachment of negative size',
        { attachments: [{ name: 'a.pdf', sizeBytes: -1, mimeType: 'application/pdf' }] },
        /^attachments\.0\.sizeBytes: must not be negative/,
      ],
    ])('answers 400 naming the field for %s, writing nothing', async (_, overrides, message) => {
      const before = await changeRowCount(t);
      const res = await t.post(`/needs/${n.id}/bids`, bidInput(overrides), { token: p2.owner.token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(message);
      expect(await changeRowCount(t)).toBe(before);
    });

    it("answers 400 on solutionId for an unknown solution, for another provider's and for an unpublished one", async () => {
      const fresh = await need();
      const cases: [Bidder, string][] = [
        [p2, UNKNOWN_ID],
        [p2, s1.id],
        [p1, draftSolution.id],
      ];
      for (const [as, solutionId] of cases) {
        const res = await t.post(`/needs/${fresh.id}/bids`, bidInput({ solutionId }), { token: as.owner.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toBe(`solutionId: must be a published solution of provider ${as.provider.id}`);
      }
    });

    it('asks a member of several providers which one bids, and takes the one named', async () => {
      const res = await t.post(`/needs/${n.id}/bids`, bidInput(), { token: multi.owner.token });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^providerId: is required: you belong to 2 providers/);
      const named = await t.post(`/needs/${n.id}/bids`, bidInput({ providerId: multi.providers[1].id }), { token: multi.owner.token });
      expect(named.status).toBe(201);
      expect(named.body.providerId).toBe(multi.providers[1].id);
    });

    it('answers 401 without a token', async () => {
      expect((await t.post(`/needs/${n.id}/bids`, bidInput())).status).toBe(401);
    });

    it.each([
      ['a user of no provider', () => outsider, undefined],
      ['an enterprise member', () => rival, undefined],
      ['a provider member naming a provider not theirs', () => p2.owner, () => ({ providerId: p3.provider.id })],
    ])('answers 403 to %s', async (_, who, extra: () => Record<string, unknown> = () => ({})) => {
      const res = await t.post(`/needs/${n.id}/bids`, bidInput(extra()), { token: who().token });
      expect(res.status).toBe(403);
    });

    it('answers 404 for an unknown need and for a draft of another enterprise, 400 for a malformed id', async () => {
      expect((await t.post(`/needs/${UNKNOWN_ID}/bids`, bidInput(), { token: p2.owner.token })).status).toBe(404);
      const draft = await t.post('/needs', { ...needInput(t.clock), enterpriseId: rivalEnterprise.id }, { token: rival.token });
      expect((await t.post(`/needs/${draft.body.id}/bids`, bidInput(), { token: p2.owner.token })).status).toBe(404);
      const malformed = await t.post('/needs/not-a-uuid/bids', bidInput(), { token: p2.owner.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toBe('id: must be a UUID');
    });

    it('answers 409 to a provider not (yet) approved, naming its state', async () => {
      const res = await t.post(`/needs/${n.id}/bids`, bidInput(), { token: pending.owner.token });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/only approved providers bid; provider .* is pending/);
    });

    it('answers 409 on a need that is not published, naming its state', async () => {
      const cancelled = await need();
      expect((await t.post(`/needs/${cancelled.id}/cancel`, {}, { token: buyer.token })).status).toBe(200);
      const res = await t.post(`/needs/${cancelled.id}/bids`, bidInput(), { token: p2.owner.token });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('cannot bid on a need that is cancelled');
    });
  });

  describe('sealed bids', () => {
    let n: any;
    let b1: any;
    let b2: any;
    let b3: any;
    beforeAll(async () => {
      n = await need({ budgetFen: 40_000_000 });
      b1 = await submitBid(t, p1.owner, n.id, { priceFen: 120_000_000, deliveryDays: 90, solutionId: s1.id });
      b2 = await submitBid(t, p2.owner, n.id, { priceFen: 35_000_000, deliveryDays: 60 });
      b3 = await submitBid(t, p3.owner, n.id, { priceFen: 33_333_333, deliveryDays: 45 });
    });

    it('shows the enterprise every bid side by side: price, days, provider record, match score, subsidy estimate', async () => {
      const res = await bids(n.id, buyer);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(res.body.items.map((b: any) => b.id)).toEqual([b3.id, b2.id, b1.id]);
      const [third, second, first] = res.body.items;
      expect(first).toMatchObject({
        priceFen: 120_000_000,
        deliveryDays: 90,
        providerName: '辽宁智联工业互联网有限公司',
        providerRecord: { completedProjects: 0, acceptancePassRate: null, ratingAverage: null },
        solutionId: s1.id,
      });
      expect(first.matchScore).toBeGreaterThan(0);
      expect(first.matchScore).toBeLessThanOrEqual(1);
      expect(second.matchScore).toBeNull();
      // 1,200,000 CNY: half is 600,000, over the 500,000 cap.
      expect(first.subsidyEstimate).toMatchObject({ subsidyFen: 50_000_000, netCostFen: 70_000_000, capped: true, isEstimate: true });
      // 350,000 CNY: half, below the cap.
      expect(second.subsidyEstimate).toMatchObject({ subsidyFen: 17_500_000, netCostFen: 17_500_000, capped: false, isEstimate: true });
      // An odd number of fen: the subsidy rounds down, the enterprise pays the odd fen.
      expect(third.subsidyEstimate).toMatchObject({
        eligibleInvestmentFen: 33_333_333,
        subsidyFen: 16_666_666,
        netCostFen: 16_666_667,
        capped: false,
        isEstimate: true,
      });
      expect(third.subsidyEstimate.basis).toMatch(/估算/);
    });

    it('shows officers every bid too', async () => {
      const res = await bids(n.id, officer);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
    });

    it('shows a provider only its own bid, never another one or how many there are', async () => {
      const res = await bids(n.id, p2.owner);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: b2.id, priceFen: 35_000_000 })] });
      const none = await bids(n.id, multi.owner);
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ total: 0, items: [] });
      expect(JSON.stringify(res.body)).not.toContain(b1.id);
    });

    it('answers 404 to another provider, and to another enterprise, asking for a bid', async () => {
      for (const who of [p2.owner, rival, outsider]) {
        const res = await t.get(`/bids/${b1.id}`, { token: who.token });
        expect(res.status).toBe(404);
        expect(res.body.message).toBe(`bid ${b1.id} not found`);
      }
      expect((await t.get(`/bids/${UNKNOWN_ID}`, { token: p1.owner.token })).status).toBe(404);
      expect((await t.get('/bids/nope', { token: p1.owner.token })).status).toBe(400);
      expect((await t.get(`/bids/${b1.id}`)).status).toBe(401);
      expect((await t.get(`/bids/${b1.id}`, { token: buyer.token })).status).toBe(200);
      expect((await t.get(`/bids/${b1.id}`, { token: officer.token })).status).toBe(200);
    });

    it('answers 403 on the list to another enterprise and to a user of no organisation, 404 for an unknown need', async () => {
      expect((await bids(n.id, rival)).status).toBe(403);
      expect((await bids(n.id, outsider)).status).toBe(403);
      expect((await bids(UNKNOWN_ID, buyer)).status).toBe(404);
      expect((await t.get(`/needs/${n.id}/bids`)).status).toBe(401);
    });

    it('answers 400 naming bad list parameters, and pages', async () => {
      const bad = await bids(n.id, buyer, { pageSize: 101 });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^pageSize: must be at most 100/);
      const status = await bids(n.id, buyer, { status: 'won' });
      expect(status.status).toBe(400);
      expect(status.body.message).toMatch(/^status: must be one of submitted, shortlisted/);
      const page2 = await bids(n.id, buyer, { page: 2, pageSize: 2 });
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [expect.objectContaining({ id: b1.id })] });
    });

    it('estimates no subsidy for an enterprise the programme excludes (funded 小巨人)', async () => {
      const theirs = await publishedNeed(t, rival, rivalEnterprise.id);
      await submitBid(t, p2.owner, theirs.id, { priceFen: 20_000_000 });
      const res = await bids(theirs.id, rival);
      expect(res.body.items[0].subsidyEstimate).toMatchObject({
        eligibleInvestmentFen: 0,
        subsidyFen: 0,
        netCostFen: 20_000_000,
        isEstimate: true,
      });
      expect(res.body.items[0].subsidyEstimate.basis).toMatch(/小巨人/);
    });

    it('estimates no subsidy while the enterprise is on the blacklist', async () => {
      const owner = await registerUser(t, 'listed');
      const listed = await createEnterprise(t, owner, { name: '沈阳黑名单测试机械有限公司' });
      const theirs = await publishedNeed(t, owner, listed.id);
      await submitBid(t, p2.owner, theirs.id, { priceFen: 20_000_000 });
      expect((await bids(theirs.id, owner)).body.items[0].subsidyEstimate).toMatchObject({ subsidyFen: 10_000_000 });
      const entry = await t.post('/blacklist', { enterpriseId: listed.id, reason: '虚报改造投入' }, { token: officer.token });
      expect(entry.status).toBe(201);
      const estimate = (await bids(theirs.id, owner)).body.items[0].subsidyEstimate;
      expect(estimate).toMatchObject({ eligibleInvestmentFen: 0, subsidyFen: 0, netCostFen: 20_000_000 });
      expect(estimate.basis).toMatch(/黑名单/);
    });
  });

  describe('revise, withdraw, shortlist and award', () => {
    let n: any;
    let b1: any;
    let b2: any;
    let b3: any;
    beforeAll(async () => {
      n = await need();
      b1 = await submitBid(t, p1.owner, n.id, { priceFen: 30_000_000, solutionId: s1.id });
      b2 = await submitBid(t, p2.owner, n.id, { priceFen: 34_000_000, solutionId: s2.id });
      b3 = await submitBid(t, p3.owner, n.id, { priceFen: 29_000_000 });
    });

    describe('PATCH /bids/:id (revise)', () => {
      it('takes the new terms and keeps the old ones in the history; the enterprise is told', async () => {
        const res = await t.patch(
          `/bids/${b2.id}`,
          { priceFen: 31_800_000, deliveryDays: 50, note: '优化实施方案，缩短工期' },
          { token: p2.owner.token },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: b2.id,
          priceFen: 31_800_000,
          deliveryDays: 50,
          revision: 2,
          status: 'submitted',
          solutionId: s2.id,
        });
        const detail = await t.get(`/bids/${b2.id}`, { token: buyer.token });
        expect(detail.body.revisions).toEqual([
          expect.objectContaining({ revision: 1, priceFen: 34_000_000, deliveryDays: 75, note: null }),
          expect.objectContaining({ revision: 2, priceFen: 31_800_000, deliveryDays: 50, note: '优化实施方案，缩短工期' }),
        ]);
        const revised = await notificationsOf(t, buyer, 'bid.revised');
        expect(revised.filter((x) => x.data.bidId === b2.id)).toHaveLength(1);
      });

      it('drops the solution with solutionId null', async () => {
        const res = await t.patch(`/bids/${b2.id}`, { solutionId: null }, { token: p2.owner.token });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ solutionId: null, matchScore: null, revision: 3 });
        const back = await t.patch(`/bids/${b2.id}`, { solutionId: s2.id }, { token: p2.owner.token });
        expect(back.body).toMatchObject({ solutionId: s2.id, revision: 4 });
      });

      it.each([
        ['a fractional price', { priceFen: 1.5 }, /^priceFen: must be an integer number of fen/],
        ['a negative price', { priceFen: -1 }, /^priceFen: must be > 0/],
        ['nothing to change', { note: '只写原因' }, /^\(body\): must change at least one of priceFen/],
      ])('answers 400 naming the field for %s', async (_, body, message) => {
        const res = await t.patch(`/bids/${b2.id}`, body, { token: p2.owner.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      });

      it("answers 400 for another provider's solution", async () => {
        const res = await t.patch(`/bids/${b2.id}`, { solutionId: s1.id }, { token: p2.owner.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toBe(`solutionId: must be a published solution of provider ${p2.provider.id}`);
      });

      it('answers 401, 403 to the enterprise, 404 to another provider', async () => {
        expect((await t.patch(`/bids/${b2.id}`, { priceFen: 1 })).status).toBe(401);
        expect((await t.patch(`/bids/${b2.id}`, { priceFen: 1 }, { token: buyer.token })).status).toBe(403);
        expect((await t.patch(`/bids/${b2.id}`, { priceFen: 1 }, { token: p1.owner.token })).status).toBe(404);
        expect((await t.patch(`/bids/${UNKNOWN_ID}`, { priceFen: 1 }, { token: p1.owner.token })).status).toBe(404);
      });
    });

    describe('POST /bids/:id/withdraw', () => {
      it('withdraws before the award and tells the enterprise; then the bid may not change', async () => {
        const res = await t.post(`/bids/${b3.id}/withdraw`, { reason: '产能排期冲突' }, { token: p3.owner.token });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
        const told = await notificationsOf(t, buyer, 'bid.withdrawn');
        expect(told.filter((x) => x.data.bidId === b3.id)).toHaveLength(1);
        const again = await t.post(`/bids/${b3.id}/withdraw`, {}, { token: p3.owner.token });
        expect(again.status).toBe(409);
        expect(again.body.message).toBe('cannot withdraw a bid that is withdrawn');
        const revise = await t.patch(`/bids/${b3.id}`, { priceFen: 1_000 }, { token: p3.owner.token });
        expect(revise.status).toBe(409);
        expect(revise.body.message).toBe('cannot revise a bid that is withdrawn');
      });

      it('answers 400, 401, 403 to the enterprise and 404 to another provider', async () => {
        const bad = await t.post(`/bids/${b1.id}/withdraw`, { reason: 42 }, { token: p1.owner.token });
        expect(bad.status).toBe(400);
        expect(bad.body.message).toBe('reason: must be a string');
        expect((await t.post(`/bids/${b1.id}/withdraw`, {})).status).toBe(401);
        expect((await t.post(`/bids/${b1.id}/withdraw`, {}, { token: buyer.token })).status).toBe(403);
        expect((await t.post(`/bids/${b1.id}/withdraw`, {}, { token: p2.owner.token })).status).toBe(404);
      });
    });

    describe('POST /bids/:id/shortlist', () => {
      it('shortlists for the enterprise and tells the provider; a shortlisted bid is frozen', async () => {
        const res = await t.post(`/bids/${b1.id}/shortlist`, {}, { token: buyer.token });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'shortlisted', shortlistedAt: expect.any(String) });
        expect(await notificationsOf(t, p1.owner, 'bid.shortlisted')).toHaveLength(1);
        const again = await t.post(`/bids/${b1.id}/shortlist`, {}, { token: buyer.token });
        expect(again.status).toBe(409);
        expect(again.body.message).toBe('cannot shortlist a bid that is shortlisted');
        const revise = await t.patch(`/bids/${b1.id}`, { priceFen: 28_000_000 }, { token: p1.owner.token });
        expect(revise.status).toBe(409);
        expect(revise.body.message).toBe('cannot revise a bid that is shortlisted');
        const withdrawn = await t.post(`/bids/${b3.id}/shortlist`, {}, { token: buyer.token });
        expect(withdrawn.status).toBe(409);
        expect(withdrawn.body.message).toBe('cannot shortlist a bid that is withdrawn');
      });

      it('answers 401, 403 to the bidding provider and to officers, 404 to another enterprise', async () => {
        expect((await t.post(`/bids/${b2.id}/shortlist`, {})).status).toBe(401);
        expect((await t.post(`/bids/${b2.id}/shortlist`, {}, { token: p2.owner.token })).status).toBe(403);
        expect((await t.post(`/bids/${b2.id}/shortlist`, {}, { token: officer.token })).status).toBe(403);
        expect((await t.post(`/bids/${b2.id}/shortlist`, {}, { token: rival.token })).status).toBe(404);
        expect((await t.post(`/bids/${b2.id}/shortlist`, { reason: 7 }, { token: buyer.token })).status).toBe(400);
      });
    });

    describe('POST /needs/:id/award', () => {
      it.each([
        ['no bidId', {}, /^bidId: /],
        ['a bidId that is not a UUID', { bidId: 'b1' }, /^bidId: must be a UUID/],
        ['an unknown bid', { bidId: UNKNOWN_ID }, /^bidId: no bid 0{8}-0000-4000-8000-0{12} on need/],
      ])('answers 400 for %s', async (_, body, message) => {
        const res = await t.post(`/needs/${n.id}/award`, body, { token: buyer.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      });

      it('answers 400 for a bid on another need, 401, 403 to providers and other enterprises, 404 for an unknown need', async () => {
        const other = await need();
        const elsewhere = await submitBid(t, p1.owner, other.id);
        const res = await t.post(`/needs/${n.id}/award`, { bidId: elsewhere.id }, { token: buyer.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/^bidId: no bid/);
        expect((await t.post(`/needs/${n.id}/award`, { bidId: b1.id })).status).toBe(401);
        expect((await t.post(`/needs/${n.id}/award`, { bidId: b1.id }, { token: p1.owner.token })).status).toBe(403);
        expect((await t.post(`/needs/${n.id}/award`, { bidId: b1.id }, { token: rival.token })).status).toBe(403);
        expect((await t.post(`/needs/${UNKNOWN_ID}/award`, { bidId: b1.id }, { token: buyer.token })).status).toBe(404);
      });

      it('answers 409 for a withdrawn bid, naming its state', async () => {
        const res = await t.post(`/needs/${n.id}/award`, { bidId: b3.id }, { token: buyer.token });
        expect(res.status).toBe(409);
        expect(res.body.message).toBe('cannot award a bid that is withdrawn');
      });

      it('awards one bid: the need is awarded, the others not, a project is created, the award audited, everyone told once', async () => {
        const res = await t.post(`/needs/${n.id}/award`, { bidId: b1.id, reason: '方案匹配度高，报价合理' }, { token: buyer.token });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          projectId: expect.any(String),
          needId: n.id,
          bidId: b1.id,
          enterpriseId: enterprise.id,
          providerId: p1.provider.id,
          solutionId: s1.id,
          priceFen: 30_000_000,
          notAwardedBids: 1,
        });
        const project = await t.dataSource.getRepository(Project).findOneByOrFail({ id: res.body.projectId });
        expect(project).toMatchObject({ needId: n.id, bidId: b1.id, providerId: p1.provider.id, priceFen: 30_000_000 });

        const needNow = await t.get(`/needs/${n.id}`, { token: buyer.token });
        expect(needNow.body).toMatchObject({ status: 'awarded', awardedAt: expect.any(String) });
        const awardedBids = await bids(n.id, buyer, { status: 'awarded' });
        expect(awardedBids.body.items.map((b: any) => b.id)).toEqual([b1.id]);
        const list = await bids(n.id, buyer);
        expect(Object.fromEntries(list.body.items.map((b: any) => [b.id, b.status]))).toEqual({
          [b1.id]: 'awarded',
          [b2.id]: 'not_awarded',
          [b3.id]: 'withdrawn',
        });

        await t.drain();
        expect((await notificationsOf(t, p1.owner, 'bid.awarded')).map((x) => x.data.bidId)).toEqual([b1.id]);
        expect((await notificationsOf(t, p2.owner, 'bid.not-awarded')).map((x) => x.data.bidId)).toEqual([b2.id]);
        expect(await notificationsOf(t, p3.owner, 'bid.not-awarded')).toHaveLength(0);
        expect(await notificationsOf(t, p3.owner, 'bid.awarded')).toHaveLength(0);

        const audit = await t.get('/audit', {
          token: officer.token,
          query: { entityType: 'need', entityId: n.id, action: 'need.awarded' },
        });
        expect(audit.body.items).toEqual([
          expect.objectContaining({
            actorId: buyer.id,
            reason: '方案匹配度高，报价合理',
            data: expect.objectContaining({ bidId: b1.id, priceFen: 30_000_000, projectId: res.body.projectId }),
          }),
        ]);
      });

      it('answers 409 naming the state to everything the award ended', async () => {
        const again = await t.post(`/needs/${n.id}/award`, { bidId: b2.id }, { token: buyer.token });
        expect(again.status).toBe(409);
        expect(again.body.message).toBe('cannot award a bid that is not_awarded');
        const same = await t.post(`/needs/${n.id}/award`, { bidId: b1.id }, { token: buyer.token });
        expect(same.status).toBe(409);
        expect(same.body.message).toBe('cannot award a bid that is awarded');
        const withdraw = await t.post(`/bids/${b1.id}/withdraw`, {}, { token: p1.owner.token });
        expect(withdraw.status).toBe(409);
        expect(withdraw.body.message).toBe('cannot withdraw a bid that is awarded');
        const lateNamed = await t.post(`/needs/${n.id}/bids`, bidInput({ providerId: multi.providers[0].id }), {
          token: multi.owner.token,
        });
        expect(lateNamed.status).toBe(409);
        expect(lateNamed.body.message).toBe('cannot bid on a need that is awarded');
        const extend = await t.post(
          `/needs/${n.id}/extend`,
          { bidDeadline: new Date(t.clock.now().getTime() + 60 * DAY).toISOString() },
          { token: buyer.token },
        );
        expect(extend.status).toBe(409);
        expect(extend.body.message).toBe('cannot extend a need that is awarded');
      });
    });
  });

  describe('two awards of the same need at once', () => {
    it('lets exactly one pass; the other gets 409', async () => {
      const n = await need();
      const a = await submitBid(t, p1.owner, n.id);
      const b = await submitBid(t, p2.owner, n.id);
      const results = await Promise.all([
        t.post(`/needs/${n.id}/award`, { bidId: a.id }, { token: buyer.token }),
        t.post(`/needs/${n.id}/award`, { bidId: b.id }, { token: buyer.token }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.message).toMatch(/^cannot award a (need that is awarded|bid that is not_awarded)$/);
      expect(await t.dataSource.getRepository(Project).countBy({ needId: n.id })).toBe(1);
      const winner = results.find((r) => r.status === 201)!;
      const stored = await t.dataSource.getRepository(Need).findOneByOrFail({ id: n.id });
      expect(stored).toMatchObject({ status: 'awarded', awardedBidId: winner.body.bidId });
    });

    it('lets exactly one of two awards of the same bid pass', async () => {
      const n = await need();
      const a = await submitBid(t, p3.owner, n.id);
      const results = await Promise.all([1, 2].map(() => t.post(`/needs/${n.id}/award`, { bidId: a.id }, { token: buyer.token })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await t.dataSource.getRepository(Project).countBy({ needId: n.id })).toBe(1);
    });
  });

  // Last: these move the clock of the whole app forward.
  describe('deadlines', () => {
    const closeJobs = async (needId: string) =>
      (await t.dataSource.getRepository(OutboxMessage).find({ where: { job: 'bidding.close' }, order: { id: 'ASC' } })).filter(
        (m) => (m.payload as { needId: string }).needId === needId,
      );
    const closedNotices = async (needId: string) =>
      (await notificationsOf(t, buyer, 'need.bidding-closed')).filter((x) => x.data.needId === needId);
    const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();

    it('schedules a close job at the deadline; after it no bid is taken; the job closes bidding once and tells the enterprise', async () => {
      const n = await need({ bidDeadline: inDays(2) });
      await t.drain();
      const jobs = await closeJobs(n.id);
      expect(jobs).toHaveLength(1);
      // Due at the deadline (the clock runs on while the job is written).
      expect(jobs[0]!.availableAt.getTime() - new Date(n.bidDeadline).getTime()).toBeGreaterThanOrEqual(0);
      expect(jobs[0]!.availableAt.getTime() - new Date(n.bidDeadline).getTime()).toBeLessThan(5_000);
      expect(jobs[0]!.status).toBe('pending');
      const early = await submitBid(t, p1.owner, n.id);

      t.clock.advance(2 * DAY + MINUTE);
      // The deadline is judged by the clock, whether or not the job has run yet.
      const late = await t.post(`/needs/${n.id}/bids`, bidInput(), { token: p2.owner.token });
      expect(late.status).toBe(409);
      expect(late.body.message).toBe(`bidding on this need closed at its deadline ${new Date(n.bidDeadline).toISOString()}`);
      const lateRevise = await t.patch(`/bids/${early.id}`, { priceFen: 1_000_000 }, { token: p1.owner.token });
      expect(lateRevise.status).toBe(409);

      await t.drain();
      const closed = await t.get(`/needs/${n.id}`, { token: buyer.token });
      expect(closed.body.biddingClosedAt).toEqual(expect.any(String));
      const notices = await closedNotices(n.id);
      expect(notices).toHaveLength(1);
      expect(notices[0].data).toMatchObject({ bids: 1 });
      const bidderNotices = async () => (await notificationsOf(t, p1.owner, 'bid.bidding-closed')).filter((x) => x.data.needId === n.id);
      expect(await bidderNotices()).toEqual([expect.objectContaining({ data: { needId: n.id, bidId: early.id } })]);
      // Sealed: the notice says nothing of other bids.
      expect(JSON.stringify(await bidderNotices())).not.toMatch(/份/);

      // Run the job again (a retry, a duplicate): nothing changes, no one is told twice.
      await t.app.get(BiddingDeadlines).close({ needId: n.id, bidDeadline: n.bidDeadline });
      await t.drain();
      expect((await t.get(`/needs/${n.id}`, { token: buyer.token })).body.biddingClosedAt).toBe(closed.body.biddingClosedAt);
      expect(await closedNotices(n.id)).toHaveLength(1);
      expect(await bidderNotices()).toHaveLength(1);
      expect((await closeJobs(n.id)).map((j) => j.status)).toEqual(['done']);

      // Awarding after the deadline is allowed.
      const award = await t.post(`/needs/${n.id}/award`, { bidId: early.id }, { token: buyer.token });
      expect(award.status).toBe(201);
    });

    it('lets the enterprise extend a need that drew no bid; bidding reopens and closes again at the new deadline', async () => {
      const n = await need({ bidDeadline: inDays(1) });
      await t.drain();
      t.clock.advance(DAY + MINUTE);
      await t.drain();
      const notices = await closedNotices(n.id);
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toMatch(/未收到投标/);

      const newDeadline = inDays(7);
      const res = await t.post(`/needs/${n.id}/extend`, { bidDeadline: newDeadline, reason: '扩大征集范围' }, { token: buyer.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'published', biddingClosedAt: null, bidDeadline: new Date(newDeadline).toISOString() });
      await t.drain();
      expect((await closeJobs(n.id)).map((j) => j.status)).toEqual(['done', 'pending']);
      expect((await t.post(`/needs/${n.id}/bids`, bidInput(), { token: p3.owner.token })).status).toBe(201);

      t.clock.advance(7 * DAY);
      await t.drain();
      expect(await closedNotices(n.id)).toHaveLength(2);
      const audit = await t.get('/audit', { token: officer.token, query: { entityId: n.id, action: 'need.deadline_extended' } });
      expect(audit.body.total).toBe(1);
    });

    it('makes the job of a deadline that was moved a no-op', async () => {
      const n = await need({ bidDeadline: inDays(1) });
      await t.drain();
      const extended = await t.post(`/needs/${n.id}/extend`, { bidDeadline: inDays(5) }, { token: buyer.token });
      expect(extended.status).toBe(200);
      await t.drain();
      t.clock.advance(DAY + MINUTE);
      await t.drain();
      expect((await t.get(`/needs/${n.id}`, { token: buyer.token })).body.biddingClosedAt).toBeNull();
      expect(await closedNotices(n.id)).toHaveLength(0);
      expect((await t.post(`/needs/${n.id}/bids`, bidInput(), { token: p1.owner.token })).status).toBe(201);
      t.clock.advance(4 * DAY);
      await t.drain();
      expect(await closedNotices(n.id)).toHaveLength(1);
    });

    it('lets the enterprise cancel a need that drew no bid', async () => {
      const n = await need({ bidDeadline: inDays(1) });
      t.clock.advance(DAY + MINUTE);
      await t.drain();
      const res = await t.post(`/needs/${n.id}/cancel`, { reason: '无人投标，调整需求后重新发布' }, { token: buyer.token });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
    });

    it('releases the bids of a cancelled need and tells their providers', async () => {
      const n = await need();
      const bid = await submitBid(t, p2.owner, n.id);
      expect((await t.post(`/needs/${n.id}/cancel`, {}, { token: buyer.token })).status).toBe(200);
      await t.drain();
      expect((await t.get(`/bids/${bid.id}`, { token: p2.owner.token })).body.status).toBe('not_awarded');
      expect((await notificationsOf(t, p2.owner, 'bid.need-cancelled')).map((x) => x.data.bidId)).toEqual([bid.id]);
    });

    describe('POST /needs/:id/extend', () => {
      it.each([
        ['a deadline in words', { bidDeadline: 'next week' }, /^bidDeadline: must be an ISO 8601 date-time/],
        ['no deadline', {}, /^bidDeadline: /],
        ['a deadline in the past', { bidDeadline: '2020-01-01T00:00:00Z' }, /^bidDeadline: must be in the future/],
        ['a deadline before the current one', { bidDeadline: 'SOONER' }, /^bidDeadline: must be later than the current deadline/],
      ])('answers 400 for %s', async (_, body: Record<string, unknown>, message) => {
        const n = await need({ bidDeadline: inDays(10) });
        const payload = body.bidDeadline === 'SOONER' ? { bidDeadline: inDays(5) } : body;
        const res = await t.post(`/needs/${n.id}/extend`, payload, { token: buyer.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      });

      it('answers 401, 403 to others than the enterprise, 404 for an unknown need, 409 for a need with bids', async () => {
        const n = await need({ bidDeadline: inDays(10) });
        const body = { bidDeadline: inDays(20) };
        expect((await t.post(`/needs/${n.id}/extend`, body)).status).toBe(401);
        expect((await t.post(`/needs/${n.id}/extend`, body, { token: p1.owner.token })).status).toBe(403);
        expect((await t.post(`/needs/${n.id}/extend`, body, { token: rival.token })).status).toBe(403);
        expect((await t.post(`/needs/${UNKNOWN_ID}/extend`, body, { token: buyer.token })).status).toBe(404);
        await submitBid(t, p1.owner, n.id);
        const res = await t.post(`/needs/${n.id}/extend`, body, { token: buyer.token });
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/^the need has 1 bid\(s\) in the running/);
      });
    });
  });
});
