import { jest } from '@jest/globals';
import { AuditService } from '@smedx/audit';
import { NeedQueriesService } from '@smedx/demand';
import type { NeedChangedPayload } from '@smedx/demand';
import { OutboxMessage } from '@smedx/platform';
import { changeRowCount, startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { needInput, publishedNeed } from '../factories/demand.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('demand: needs (需求)', () => {
  let t: TestApp;
  let owner: TestUser;
  let enterprise: any;
  let rivalOwner: TestUser;
  let rivalEnterprise: any;
  /** A second enterprise of the same owner (a group's other plant): a site named with consent. */
  let sisterEnterprise: any;
  let provider: { owner: TestUser; provider: any };

  /** The need-changed outbox rows written for one need, oldest first. */
  async function needJobs(needId: string): Promise<NeedChangedPayload[]> {
    const rows = await t.dataSource.getRepository(OutboxMessage).find({ where: { job: 'search.index-need' }, order: { id: 'ASC' } });
    return rows.map((r) => r.payload as NeedChangedPayload).filter((p) => p.needId === needId);
  }

  async function draft(overrides: Record<string, unknown> = {}, as: TestUser = owner, enterpriseId: string = enterprise.id) {
    const res = await t.post('/needs', { ...needInput(t.clock, overrides), enterpriseId }, { token: as.token });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t, 'enterprise');
    enterprise = await createEnterprise(t, owner, { industry: 'air_cooling', district: 'hunnan', name: '沈阳北方风冷设备有限公司' });
    rivalOwner = await registerUser(t, 'rival');
    rivalEnterprise = await createEnterprise(t, rivalOwner, { industry: 'machine_tool', district: 'tiexi' });
    sisterEnterprise = await createEnterprise(t, owner, { industry: 'air_cooling', district: 'tiexi' });
    provider = await approvedProvider(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /needs', () => {
    it('creates a draft with industry and district copied from the enterprise and unknown fields stripped', async () => {
      const input = needInput(t.clock, { status: 'published', awardedBidId: UNKNOWN_ID });
      const res = await t.post('/needs', { ...input, enterpriseId: enterprise.id }, { token: owner.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        enterpriseId: enterprise.id,
        enterpriseName: '沈阳北方风冷设备有限公司',
        industry: 'air_cooling',
        district: 'hunnan',
        title: input.title,
        description: input.description,
        scenarios: input.scenarios,
        budgetFen: input.budgetFen,
        expectedDays: input.expectedDays,
        bidDeadline: input.bidDeadline,
        sites: [],
        privateDetails: input.privateDetails,
        status: 'draft',
        publishedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body).not.toHaveProperty('awardedBidId');
      expect(await needJobs(res.body.id)).toEqual([{ needId: res.body.id, change: 'created' }]);
    });

    it('normalises a deadline with an offset to UTC and keeps the sites the caller may name', async () => {
      const res = await t.post(
        '/needs',
        {
          ...needInput(t.clock, {
            bidDeadline: '2031-06-30T18:00:00+08:00',
            sites: [{ enterpriseId: sisterEnterprise.id, note: '二期改造，配套冲压车间' }],
          }),
          enterpriseId: enterprise.id,
        },
        { token: owner.token },
      );
      expect(res.status).toBe(201);
      expect(res.body.bidDeadline).toBe('2031-06-30T10:00:00.000Z');
      expect(res.body.sites).toEqual([{ enterpriseId: sisterEnterprise.id, note: '二期改造，配套冲压车间' }]);
    });

    it('answers 403 naming a site of another enterprise that did not consent (joint needs go through a chain), writing nothing', async () => {
      const before = await changeRowCount(t);
      const sites = [{ enterpriseId: sisterEnterprise.id }, { enterpriseId: rivalEnterprise.id }];
      const res = await t.post('/needs', { ...needInput(t.clock, { sites }), enterpriseId: enterprise.id }, { token: owner.token });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'site_without_consent', details: { problems: [{ field: 'sites.1.enterpriseId' }] } });
      expect(res.body.message).toMatch(/实施点/);
      expect(await changeRowCount(t)).toBe(before);
      // Nor by an edit: the plain route does not bypass the chain's opt-in.
      const mine = await draft();
      const edit = await t.patch(`/needs/${mine.id}`, { sites }, { token: owner.token });
      expect(edit.status).toBe(403);
      expect(edit.body.code).toBe('site_without_consent');
      expect((await t.get(`/needs/${mine.id}`, { token: owner.token })).body.sites).toEqual([]);
    });

    it.each([
      ['an unknown scenario', { scenarios: ['blockchain'] }, /^scenarios\.0: unknown scenario code "blockchain"/],
      ['no scenario', { scenarios: [] }, /^scenarios: must list at least one scenario/],
      ['a zero budget', { budgetFen: 0 }, /^budgetFen: must be > 0/],
      ['a negative budget', { budgetFen: -500 }, /^budgetFen: must be > 0/],
      ['a fractional budget', { budgetFen: 100.5 }, /^budgetFen: must be an integer number of fen/],
      ['a budget as a string', { budgetFen: '350000' }, /^budgetFen: must be an integer number of fen/],
      ['zero expected days', { expectedDays: 0 }, /^expectedDays: must be at least 1/],
      ['over two years', { expectedDays: 800 }, /^expectedDays: must be at most 730/],
      ['a deadline in words', { bidDeadline: 'next friday' }, /^bidDeadline: must be an ISO 8601 date-time/],
      ['an impossible date', { bidDeadline: '2031-02-30T10:00:00Z' }, /^bidDeadline: must be an ISO 8601/],
      ['a deadline without a zone', { bidDeadline: '2031-06-30T10:00:00' }, /^bidDeadline: /],
      ['a missing title', { title: undefined }, /^title: /],
      ['a site without a UUID', { sites: [{ enterpriseId: 'abc' }] }, /^sites\.0\.enterpriseId: must be a UUID/],
      ['a private note that is not text', { privateDetails: 42 }, /^privateDetails: must be a string/],
    ])('answers 400 naming the field for %s, writing nothing', async (_, overrides, message) => {
      const before = await changeRowCount(t);
      const res = await t.post('/needs', { ...needInput(t.clock, overrides), enterpriseId: enterprise.id }, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(message);
      expect(await changeRowCount(t)).toBe(before);
    });

    it('answers 400 naming the site whose enterprise does not exist', async () => {
      const res = await t.post(
        '/needs',
        {
          ...needInput(t.clock, { sites: [{ enterpriseId: sisterEnterprise.id }, { enterpriseId: UNKNOWN_ID }] }),
          enterpriseId: enterprise.id,
        },
        { token: owner.token },
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^sites\.1\.enterpriseId: no enterprise/);
    });

    it('answers 401 without a token', async () => {
      expect((await t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id })).status).toBe(401);
    });

    it('answers 403 for another enterprise, an unknown one, or a provider member', async () => {
      expect((await t.post('/needs', { ...needInput(t.clock), enterpriseId: enterprise.id }, { token: rivalOwner.token })).status).toBe(
        403,
      );
      expect((await t.post('/needs', { ...needInput(t.clock), enterpriseId: UNKNOWN_ID }, { token: owner.token })).status).toBe(403);
      expect(
        (await t.post('/needs', { ...needInput(t.clock), enterpriseId: provider.provider.id }, { token: provider.owner.token })).status,
      ).toBe(403);
    });
  });

  describe('GET /needs/:id', () => {
    it('shows a draft to its enterprise and officers only; others get 404', async () => {
      const need = await draft();
      expect((await t.get(`/needs/${need.id}`, { token: owner.token })).status).toBe(200);
      const officer = await cityOfficer(t);
      expect((await t.get(`/needs/${need.id}`, { token: officer.token })).status).toBe(200);
      expect((await t.get(`/needs/${need.id}`, { token: rivalOwner.token })).status).toBe(404);
      expect((await t.get(`/needs/${need.id}`, { token: provider.owner.token })).status).toBe(404);
    });

    it('shows a published need to everyone, its private details only to members, officers and consented providers', async () => {
      const need = await publishedNeed(t, owner, enterprise.id);
      const own = await t.get(`/needs/${need.id}`, { token: owner.token });
      expect(own.body.privateDetails).toMatch(/现场联系人/);

      const byProvider = await t.get(`/needs/${need.id}`, { token: provider.owner.token });
      expect(byProvider.status).toBe(200);
      expect(byProvider.body).toMatchObject({ id: need.id, title: need.title, status: 'published' });
      expect(byProvider.body).not.toHaveProperty('privateDetails');

      const districtOfficer = await userWithRole(t, 'district_officer', 'hunnan');
      expect((await t.get(`/needs/${need.id}`, { token: districtOfficer.token })).body.privateDetails).toMatch(/现场联系人/);
      const otherDistrict = await userWithRole(t, 'district_officer', 'tiexi');
      expect((await t.get(`/needs/${need.id}`, { token: otherDistrict.token })).body).not.toHaveProperty('privateDetails');

      const consent = await t.post(
        `/enterprises/${enterprise.id}/consents`,
        { granteeOrganisationId: provider.provider.id, scopes: ['need_details'] },
        { token: owner.token },
      );
      expect(consent.status).toBe(201);
      expect((await t.get(`/needs/${need.id}`, { token: provider.owner.token })).body.privateDetails).toMatch(/现场联系人/);

      const revoked = await t.call('DELETE', `/enterprises/${enterprise.id}/consents/${consent.body.id}`, { token: owner.token });
      expect(revoked.status).toBeLessThan(300);
      expect((await t.get(`/needs/${need.id}`, { token: provider.owner.token })).body).not.toHaveProperty('privateDetails');
    });

    it('answers 400 for a malformed id, 404 for an unknown one, with a token or without', async () => {
      expect((await t.get('/needs/123', { token: owner.token })).status).toBe(400);
      expect((await t.get(`/needs/${UNKNOWN_ID}`, { token: owner.token })).status).toBe(404);
      expect((await t.get(`/needs/${UNKNOWN_ID}`)).status).toBe(404);
    });
  });

  describe('PATCH /needs/:id', () => {
    it('edits a draft and a published need, re-indexing each time', async () => {
      const need = await draft();
      const res = await t.patch(
        `/needs/${need.id}`,
        { title: '铸造车间能耗在线监测', scenarios: ['energy', 'data_collection'], unknown: true },
        { token: owner.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: '铸造车间能耗在线监测',
        scenarios: ['energy', 'data_collection'],
        description: need.description,
        status: 'draft',
      });
      expect(res.body).not.toHaveProperty('unknown');
      await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token });
      const again = await t.patch(`/needs/${need.id}`, { expectedDays: 45, privateDetails: null }, { token: owner.token });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ expectedDays: 45, privateDetails: null, status: 'published' });
      expect((await needJobs(need.id)).map((j) => j.change)).toEqual(['created', 'updated', 'published', 'updated']);
    });

    it('audits a budget change with the figures before and after', async () => {
      const need = await draft({ budgetFen: 20_000_000 });
      const res = await t.patch(`/needs/${need.id}`, { budgetFen: 25_000_000 }, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body.budgetFen).toBe(25_000_000);
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityType: 'need', entityId: need.id } });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'need.budget_changed',
          actorId: owner.id,
          data: { before: { budgetFen: 20_000_000 }, after: { budgetFen: 25_000_000 } },
        }),
      ]);
    });

    it('keeps the deadline of a published need in the future', async () => {
      const need = await publishedNeed(t, owner, enterprise.id);
      const res = await t.patch(
        `/needs/${need.id}`,
        { bidDeadline: new Date(t.clock.now().getTime() - HOUR).toISOString() },
        { token: owner.token },
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^bidDeadline: must be in the future/);
    });

    it('answers 400 naming the field and for an empty change', async () => {
      const need = await draft();
      const bad = await t.patch(`/needs/${need.id}`, { budgetFen: -1 }, { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^budgetFen: /);
      const empty = await t.patch(`/needs/${need.id}`, {}, { token: owner.token });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/must change at least one field/);
      expect((await needJobs(need.id)).map((j) => j.change)).toEqual(['created']);
    });

    it("answers 403 on another enterprise's published need, 404 on its draft, 401 without a token", async () => {
      const published = await publishedNeed(t, owner, enterprise.id);
      expect((await t.patch(`/needs/${published.id}`, { budgetFen: 1 }, { token: rivalOwner.token })).status).toBe(403);
      const unpublished = await draft();
      expect((await t.patch(`/needs/${unpublished.id}`, { budgetFen: 1 }, { token: rivalOwner.token })).status).toBe(404);
      expect((await t.patch(`/needs/${published.id}`, { budgetFen: 1 })).status).toBe(401);
      expect((await t.get(`/needs/${published.id}`, { token: owner.token })).body.budgetFen).toBe(published.budgetFen);
    });

    it('answers 409 naming the state on a cancelled need', async () => {
      const need = await draft();
      await t.post(`/needs/${need.id}/cancel`, undefined, { token: owner.token });
      const res = await t.patch(`/needs/${need.id}`, { title: '再改' }, { token: owner.token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'need_invalid_transition', message: 'cannot edit a need that is cancelled' });
    });
  });

  describe('POST /needs/:id/publish', () => {
    it('publishes a draft, audits it and writes the re-index job', async () => {
      const need = await draft();
      const res = await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      expect(await needJobs(need.id)).toContainEqual({ needId: need.id, change: 'published' });
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityId: need.id, action: 'need.published' } });
      expect(audit.body.items).toEqual([expect.objectContaining({ actorId: owner.id })]);
    });

    it('answers 400 naming bidDeadline once the deadline has passed by the injected clock', async () => {
      const need = await draft({ bidDeadline: new Date(t.clock.now().getTime() + HOUR).toISOString() });
      t.clock.advance(2 * HOUR);
      const res = await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^bidDeadline: must be in the future/);
      expect((await needJobs(need.id)).map((j) => j.change)).toEqual(['created']);
      const moved = await t.patch(
        `/needs/${need.id}`,
        { bidDeadline: new Date(t.clock.now().getTime() + 14 * DAY).toISOString() },
        { token: owner.token },
      );
      expect(moved.status).toBe(200);
      expect((await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token })).status).toBe(200);
    });

    it('answers 409 naming the state for a published or cancelled need', async () => {
      const need = await publishedNeed(t, owner, enterprise.id);
      const twice = await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe('cannot publish a need that is published');
      await t.post(`/needs/${need.id}/cancel`, undefined, { token: owner.token });
      const cancelled = await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token });
      expect(cancelled.status).toBe(409);
      expect(cancelled.body).toMatchObject({ code: 'need_invalid_transition', message: 'cannot publish a need that is cancelled' });
    });

    it("answers 404 on another enterprise's draft, 403 on its published need, 400 on a malformed id, 401 without a token", async () => {
      const need = await draft();
      expect((await t.post(`/needs/${need.id}/publish`, undefined, { token: rivalOwner.token })).status).toBe(404);
      expect((await t.get(`/needs/${need.id}`, { token: owner.token })).body.status).toBe('draft');
      const published = await publishedNeed(t, owner, enterprise.id);
      expect((await t.post(`/needs/${published.id}/publish`, undefined, { token: provider.owner.token })).status).toBe(403);
      expect((await t.post('/needs/nope/publish', undefined, { token: owner.token })).status).toBe(400);
      expect((await t.post(`/needs/${need.id}/publish`)).status).toBe(401);
    });

    it('rolls the publish back with its jobs when a later step of the transaction fails', async () => {
      const need = await draft();
      const spy = jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit store unavailable'));
      try {
        const res = await t.post(`/needs/${need.id}/publish`, undefined, { token: owner.token });
        expect(res.status).toBe(500);
      } finally {
        spy.mockRestore();
      }
      expect((await needJobs(need.id)).map((j) => j.change)).toEqual(['created']);
      expect((await t.get(`/needs/${need.id}`, { token: owner.token })).body).toMatchObject({ status: 'draft', publishedAt: null });
    });
  });

  describe('POST /needs/:id/cancel', () => {
    it('cancels a draft and a published need, auditing the reason', async () => {
      const unpublished = await draft();
      const a = await t.post(`/needs/${unpublished.id}/cancel`, undefined, { token: owner.token });
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      const published = await publishedNeed(t, owner, enterprise.id);
      const b = await t.post(`/needs/${published.id}/cancel`, { reason: '企业调整年度预算，项目暂缓' }, { token: owner.token });
      expect(b.status).toBe(200);
      expect(b.body.status).toBe('cancelled');
      expect((await needJobs(published.id)).map((j) => j.change)).toEqual(['created', 'published', 'cancelled']);
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityId: published.id, action: 'need.cancelled' } });
      expect(audit.body.items).toEqual([expect.objectContaining({ reason: '企业调整年度预算，项目暂缓' })]);
    });

    it('answers 409 naming the state when already cancelled', async () => {
      const need = await draft();
      await t.post(`/needs/${need.id}/cancel`, undefined, { token: owner.token });
      const res = await t.post(`/needs/${need.id}/cancel`, undefined, { token: owner.token });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('cannot cancel a need that is cancelled');
    });

    it("answers 403 on another enterprise's published need, 401 without a token, 400 on a bad body", async () => {
      const need = await publishedNeed(t, owner, enterprise.id);
      expect((await t.post(`/needs/${need.id}/cancel`, undefined, { token: rivalOwner.token })).status).toBe(403);
      expect((await t.post(`/needs/${need.id}/cancel`)).status).toBe(401);
      const bad = await t.post(`/needs/${need.id}/cancel`, { reason: 7 }, { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^reason: /);
      expect((await t.get(`/needs/${need.id}`, { token: owner.token })).body.status).toBe('published');
    });
  });

  describe('GET /needs', () => {
    let listOwner: TestUser;
    let listEnterprise: any;
    let published: any[];
    let drafts: any[];

    beforeAll(async () => {
      listOwner = await registerUser(t, 'lister');
      listEnterprise = await createEnterprise(t, listOwner, { industry: 'transmission', district: 'dadong' });
      published = [];
      for (let i = 0; i < 3; i++) {
        t.clock.advance(60_000);
        published.push(await publishedNeed(t, listOwner, listEnterprise.id, { title: `列表测试需求${i}` }));
      }
      drafts = [await draft({ title: '列表草稿' }, listOwner, listEnterprise.id)];
    });

    it("lists an enterprise's published needs, newest first, paginated, without private details for outsiders", async () => {
      const res = await t.get('/needs', { token: provider.owner.token, query: { enterpriseId: listEnterprise.id, pageSize: 2 } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(res.body.items.map((n: any) => n.id)).toEqual([published[2].id, published[1].id]);
      expect(res.body.items[0]).toMatchObject({ enterpriseName: listEnterprise.name, industry: 'transmission', district: 'dadong' });
      expect(res.body.items[0]).not.toHaveProperty('privateDetails');
      const mine = await t.get('/needs', { token: listOwner.token, query: { enterpriseId: listEnterprise.id, pageSize: 1 } });
      expect(mine.body.items[0].privateDetails).toMatch(/现场联系人/);
    });

    it('lists only published needs by default', async () => {
      const res = await t.get('/needs', { token: rivalOwner.token, query: { pageSize: 100 } });
      expect(res.status).toBe(200);
      expect(res.body.items.every((n: any) => n.status === 'published')).toBe(true);
      expect(res.body.items.map((n: any) => n.id)).not.toContain(drafts[0].id);
    });

    it("shows an enterprise's other needs to its members and city officers only", async () => {
      const mine = await t.get('/needs', { token: listOwner.token, query: { enterpriseId: listEnterprise.id, status: 'draft' } });
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((n: any) => n.id)).toEqual([drafts[0].id]);
      const officer = await cityOfficer(t);
      expect(
        (await t.get('/needs', { token: officer.token, query: { enterpriseId: listEnterprise.id, status: 'draft' } })).body.total,
      ).toBe(1);
      expect((await t.get('/needs', { token: rivalOwner.token, query: { enterpriseId: listEnterprise.id, status: 'draft' } })).status).toBe(
        403,
      );
      expect((await t.get('/needs', { token: listOwner.token, query: { status: 'cancelled' } })).status).toBe(403);
    });

    it('answers 400 naming the parameter; visitors list published needs only', async () => {
      const res = await t.get('/needs', { token: owner.token, query: { page: 0 } });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^page: /);
      expect((await t.get('/needs', { token: owner.token, query: { status: 'open' } })).status).toBe(400);
      expect((await t.get('/needs', { token: owner.token, query: { enterpriseId: '1' } })).status).toBe(400);
      expect((await t.get('/needs')).status).toBe(200);
      expect((await t.get('/needs', { query: { status: 'draft' } })).status).toBe(403);
    });
  });

  describe('NeedQueriesService for the search context', () => {
    it('shapes a flat search document without private details, null for an unknown id', async () => {
      const need = await publishedNeed(t, owner, enterprise.id);
      const service = t.app.get(NeedQueriesService);
      expect(await service.toSearchDocument(need.id)).toEqual({
        id: need.id,
        title: need.title,
        description: need.description,
        scenarios: need.scenarios,
        budgetFen: need.budgetFen,
        expectedDays: need.expectedDays,
        bidDeadline: new Date(need.bidDeadline).getTime(),
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        digitalLevel: null,
        industry: 'air_cooling',
        district: 'hunnan',
        status: 'published',
        publishedAt: new Date(need.publishedAt).getTime(),
      });
      expect(await service.toSearchDocument(UNKNOWN_ID)).toBeNull();
      expect(await service.listIds('published')).toContain(need.id);
      expect(await service.listIds('draft')).not.toContain(need.id);
    });
  });
});
