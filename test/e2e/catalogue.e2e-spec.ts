import { jest } from '@jest/globals';
import { AuditService } from '@smedx/audit';
import { SolutionsService } from '@smedx/catalogue';
import type { SolutionChangedPayload } from '@smedx/catalogue';
import { OutboxMessage } from '@smedx/platform';
import { changeRowCount, startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, cityOfficer, createProvider } from '../factories/directory.js';
import { publishedSolution, solutionInput } from '../factories/catalogue.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('catalogue: solutions (小快轻准)', () => {
  let t: TestApp;
  let owner: TestUser;
  let provider: any;
  let rival: { owner: TestUser; provider: any };
  let outsider: TestUser;

  /** The solution-changed outbox rows written for one solution, oldest first. */
  async function solutionJobs(solutionId: string): Promise<SolutionChangedPayload[]> {
    const rows = await t.dataSource.getRepository(OutboxMessage).find({ where: { job: 'search.index-solution' }, order: { id: 'ASC' } });
    return rows.map((r) => r.payload as SolutionChangedPayload).filter((p) => p.solutionId === solutionId);
  }

  async function draft(overrides: Record<string, unknown> = {}, as: TestUser = owner, providerId: string = provider.id) {
    const res = await t.post('/solutions', { ...solutionInput(overrides), providerId }, { token: as.token });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, provider } = await approvedProvider(t, { kind: 'product', districts: ['hunnan', 'heping'] }));
    rival = await approvedProvider(t);
    outsider = await registerUser(t, 'outsider');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /solutions', () => {
    it('creates a draft with the provider copied in and unknown fields stripped', async () => {
      const input = solutionInput({ title: '机加工车间设备联网SaaS', isFeatured: true, status: 'published', id: UNKNOWN_ID });
      const res = await t.post('/solutions', { ...input, providerId: provider.id }, { token: owner.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        providerId: provider.id,
        providerName: provider.name,
        providerKind: 'product',
        title: '机加工车间设备联网SaaS',
        summary: input.summary,
        description: input.description,
        scenarios: input.scenarios,
        industries: input.industries,
        priceMinFen: input.priceMinFen,
        priceMaxFen: input.priceMaxFen,
        deployDays: input.deployDays,
        deliveryMode: input.deliveryMode,
        levels: input.levels,
        cases: input.cases,
        status: 'draft',
        publishedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body.id).not.toBe(UNKNOWN_ID);
      expect(res.body).not.toHaveProperty('isFeatured');
      const read = await t.get(`/solutions/${res.body.id}`, { token: owner.token });
      expect(read.body).not.toHaveProperty('isFeatured');
      expect(await solutionJobs(res.body.id)).toEqual([{ solutionId: res.body.id, change: 'created' }]);
    });

    it('accepts a solution without cases and a case without a year', async () => {
      const { cases: _, ...withoutCases } = solutionInput();
      const res = await t.post('/solutions', { ...withoutCases, providerId: provider.id }, { token: owner.token });
      expect(res.status).toBe(201);
      expect(res.body.cases).toEqual([]);
      const oneCase = await draft({ cases: [{ enterpriseName: '沈阳某风机有限公司', summary: '设备联网后巡检人工减少一半' }] });
      expect(oneCase.cases).toEqual([{ enterpriseName: '沈阳某风机有限公司', summary: '设备联网后巡检人工减少一半' }]);
    });

    it.each([
      ['an unknown scenario code', { scenarios: ['teleportation'] }, /^scenarios\.0: unknown scenario code "teleportation"/],
      ['no scenario', { scenarios: [] }, /^scenarios: must list at least one scenario/],
      ['a repeated scenario', { scenarios: ['quality', 'quality'] }, /^scenarios: must not repeat/],
      ['an unknown industry code', { industries: ['textiles'] }, /^industries\.0: unknown industry code "textiles"/],
      ['no industry', { industries: [] }, /^industries: /],
      ['a minimum above the maximum', { priceMinFen: 500_000, priceMaxFen: 100_000 }, /^priceMaxFen: must be ≥ priceMinFen/],
      ['a negative price', { priceMinFen: -1 }, /^priceMinFen: must be ≥ 0/],
      ['a fractional fen', { priceMaxFen: 1999.5 }, /^priceMaxFen: must be an integer number of fen/],
      ['a price as a string', { priceMinFen: '100' }, /^priceMinFen: must be an integer number of fen/],
      ['zero deployment days', { deployDays: 0 }, /^deployDays: must be at least 1/],
      ['over two years of deployment', { deployDays: 731 }, /^deployDays: must be at most 730/],
      ['an unknown delivery mode', { deliveryMode: 'cloud' }, /^deliveryMode: must be one of saas, private, hybrid/],
      ['level 5', { levels: [2, 5] }, /^levels\.1: must be a level 1–4/],
      ['no level', { levels: [] }, /^levels: must list at least one level/],
      ['a repeated level', { levels: [2, 2] }, /^levels: must not repeat a level/],
      ['a missing title', { title: undefined }, /^title: /],
      ['a blank summary', { summary: '   ' }, /^summary: is required/],
      ['a case without an enterprise', { cases: [{ summary: '效果显著' }] }, /^cases\.0\.enterpriseName: /],
      [
        'a case year out of range',
        { cases: [{ enterpriseName: '某公司', summary: '好', year: 1999 }] },
        /^cases\.0\.year: must be 2000 or later/,
      ],
    ])('answers 400 naming the field for %s, writing nothing', async (_, overrides, message) => {
      const before = await changeRowCount(t);
      const res = await t.post('/solutions', { ...solutionInput(overrides), providerId: provider.id }, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(message);
      expect(await changeRowCount(t)).toBe(before);
    });

    it('answers 400 for a missing or malformed providerId', async () => {
      const missing = await t.post('/solutions', solutionInput(), { token: owner.token });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toMatch(/providerId: /);
      const malformed = await t.post('/solutions', { ...solutionInput(), providerId: 'abc' }, { token: owner.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/^providerId: must be a UUID/);
    });

    it('answers 401 without a token', async () => {
      expect((await t.post('/solutions', { ...solutionInput(), providerId: provider.id })).status).toBe(401);
    });

    it("answers 403 for another provider's catalogue or an unknown provider", async () => {
      const foreign = await t.post('/solutions', { ...solutionInput(), providerId: provider.id }, { token: rival.owner.token });
      expect(foreign.status).toBe(403);
      const unknown = await t.post('/solutions', { ...solutionInput(), providerId: UNKNOWN_ID }, { token: owner.token });
      expect(unknown.status).toBe(403);
    });

    it('lets a pending provider write drafts (publishing waits for approval)', async () => {
      const pendingOwner = await registerUser(t, 'pending');
      const pending = await createProvider(t, pendingOwner);
      const res = await t.post('/solutions', { ...solutionInput(), providerId: pending.id }, { token: pendingOwner.token });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('draft');
    });
  });

  describe('GET /solutions/:id', () => {
    it('shows a draft to its provider and city officers only; others get 404', async () => {
      const solution = await draft();
      expect((await t.get(`/solutions/${solution.id}`, { token: owner.token })).status).toBe(200);
      const officer = await cityOfficer(t);
      expect((await t.get(`/solutions/${solution.id}`, { token: officer.token })).status).toBe(200);
      const byRival = await t.get(`/solutions/${solution.id}`, { token: rival.owner.token });
      expect(byRival.status).toBe(404);
      expect(byRival.body.message).toMatch(/solution .* not found/);
      expect((await t.get(`/solutions/${solution.id}`, { token: outsider.token })).status).toBe(404);
    });

    it('shows a published solution to every signed-in user', async () => {
      const solution = await publishedSolution(t, owner, provider.id);
      const res = await t.get(`/solutions/${solution.id}`, { token: outsider.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: solution.id, status: 'published', providerName: provider.name });
    });

    it('answers 400 for a malformed id, 404 for an unknown one, with a token or without', async () => {
      const malformed = await t.get('/solutions/not-a-uuid', { token: owner.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/must be a UUID/);
      expect((await t.get(`/solutions/${UNKNOWN_ID}`, { token: owner.token })).status).toBe(404);
      expect((await t.get(`/solutions/${UNKNOWN_ID}`)).status).toBe(404);
    });
  });

  describe('PATCH /solutions/:id', () => {
    it('edits a draft and a published solution, re-indexing each time', async () => {
      const solution = await draft();
      const edited = await t.patch(
        `/solutions/${solution.id}`,
        { title: '设备联网与预测性维护一体化方案', levels: [1, 2, 3], ignored: 'x' },
        { token: owner.token },
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        title: '设备联网与预测性维护一体化方案',
        levels: [1, 2, 3],
        summary: solution.summary,
        status: 'draft',
      });
      expect(edited.body).not.toHaveProperty('ignored');

      await t.post(`/solutions/${solution.id}/publish`, undefined, { token: owner.token });
      const again = await t.patch(`/solutions/${solution.id}`, { deployDays: 20 }, { token: owner.token });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ deployDays: 20, status: 'published' });
      expect((await solutionJobs(solution.id)).map((j) => j.change)).toEqual(['created', 'updated', 'published', 'updated']);
    });

    it('audits a price change with the figures before and after', async () => {
      const solution = await draft({ priceMinFen: 1_000_000, priceMaxFen: 5_000_000 });
      const res = await t.patch(`/solutions/${solution.id}`, { priceMaxFen: 8_000_000 }, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ priceMinFen: 1_000_000, priceMaxFen: 8_000_000 });
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityType: 'solution', entityId: solution.id } });
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'solution.price_changed',
          actorId: owner.id,
          data: { before: { priceMinFen: 1_000_000, priceMaxFen: 5_000_000 }, after: { priceMinFen: 1_000_000, priceMaxFen: 8_000_000 } },
        }),
      ]);
      // An edit that leaves the prices alone is not a money change.
      await t.patch(`/solutions/${solution.id}`, { summary: '摘要更新' }, { token: owner.token });
      await t.drain();
      const after = await t.get('/audit', { token: admin.token, query: { entityType: 'solution', entityId: solution.id } });
      expect(after.body.total).toBe(1);
    });

    it('checks the price range against the stored figures', async () => {
      const solution = await draft({ priceMinFen: 1_000_000, priceMaxFen: 2_000_000 });
      const res = await t.patch(`/solutions/${solution.id}`, { priceMinFen: 3_000_000 }, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^priceMaxFen: must be ≥ priceMinFen/);
      expect((await t.get(`/solutions/${solution.id}`, { token: owner.token })).body.priceMinFen).toBe(1_000_000);
    });

    it('answers 400 naming the field, and for an empty change', async () => {
      const solution = await draft();
      const bad = await t.patch(`/solutions/${solution.id}`, { scenarios: ['quality', 'astrology'] }, { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^scenarios\.1: unknown scenario code/);
      const negative = await t.patch(`/solutions/${solution.id}`, { priceMinFen: -100 }, { token: owner.token });
      expect(negative.status).toBe(400);
      expect(negative.body.message).toMatch(/^priceMinFen: /);
      const empty = await t.patch(`/solutions/${solution.id}`, { unknown: 1 }, { token: owner.token });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/must change at least one field/);
      expect((await solutionJobs(solution.id)).map((j) => j.change)).toEqual(['created']);
    });

    it("answers 403 on another provider's published solution, 404 on its draft, 401 without a token", async () => {
      const published = await publishedSolution(t, owner, provider.id);
      const res = await t.patch(`/solutions/${published.id}`, { title: '篡改' }, { token: rival.owner.token });
      expect(res.status).toBe(403);
      const unpublished = await draft();
      expect((await t.patch(`/solutions/${unpublished.id}`, { title: '篡改' }, { token: rival.owner.token })).status).toBe(404);
      expect((await t.patch(`/solutions/${published.id}`, { title: '篡改' })).status).toBe(401);
      expect((await t.get(`/solutions/${published.id}`, { token: owner.token })).body.title).toBe(published.title);
    });

    it('answers 409 naming the state when the solution is delisted', async () => {
      const solution = await publishedSolution(t, owner, provider.id);
      await t.post(`/solutions/${solution.id}/delist`, undefined, { token: owner.token });
      const res = await t.patch(`/solutions/${solution.id}`, { title: '重新上架' }, { token: owner.token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'solution_invalid_transition' });
      expect(res.body.message).toMatch(/delisted/);
    });
  });

  describe('POST /solutions/:id/publish', () => {
    it('publishes a draft, stamps publishedAt, audits it and writes the re-index job', async () => {
      const solution = await draft();
      const before = Date.now();
      const res = await t.post(`/solutions/${solution.id}/publish`, undefined, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('published');
      expect(new Date(res.body.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(await solutionJobs(solution.id)).toContainEqual({ solutionId: solution.id, change: 'published' });
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityId: solution.id, action: 'solution.published' } });
      expect(audit.body.items).toEqual([
        expect.objectContaining({ actorId: owner.id, data: { before: { status: 'draft' }, after: { status: 'published' } } }),
      ]);
    });

    it('follows the injected clock for publishedAt', async () => {
      // Only forward: jobs written at a shifted time must stay due.
      t.clock.advance(3 * 24 * 3600_000);
      const solution = await publishedSolution(t, owner, provider.id);
      expect(new Date(solution.publishedAt).getTime()).toBeGreaterThan(Date.now() + 2 * 24 * 3600_000);
    });

    it('answers 409 naming the state when already published or delisted', async () => {
      const solution = await publishedSolution(t, owner, provider.id);
      const twice = await t.post(`/solutions/${solution.id}/publish`, undefined, { token: owner.token });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe('cannot publish a solution that is published');
      await t.post(`/solutions/${solution.id}/delist`, undefined, { token: owner.token });
      const delisted = await t.post(`/solutions/${solution.id}/publish`, undefined, { token: owner.token });
      expect(delisted.status).toBe(409);
      expect(delisted.body).toMatchObject({ code: 'solution_invalid_transition', message: 'cannot publish a solution that is delisted' });
    });

    it('answers 409 naming the provider state for a pending or suspended provider, and writes no job', async () => {
      const pendingOwner = await registerUser(t, 'pending');
      const pending = await createProvider(t, pendingOwner);
      const created = await t.post('/solutions', { ...solutionInput(), providerId: pending.id }, { token: pendingOwner.token });
      const res = await t.post(`/solutions/${created.body.id}/publish`, undefined, { token: pendingOwner.token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'provider_invalid_transition' });
      expect(res.body.message).toMatch(/pending/);
      expect((await solutionJobs(created.body.id)).map((j) => j.change)).toEqual(['created']);

      const suspended = await approvedProvider(t);
      const solution = await t.post(
        '/solutions',
        { ...solutionInput(), providerId: suspended.provider.id },
        { token: suspended.owner.token },
      );
      const officer = await cityOfficer(t);
      const suspend = await t.post(
        `/providers/${suspended.provider.id}/selection`,
        { decision: 'suspend', reason: '项目验收不合格，暂停服务资格' },
        { token: officer.token },
      );
      expect(suspend.body.status).toBe('suspended');
      const refused = await t.post(`/solutions/${solution.body.id}/publish`, undefined, { token: suspended.owner.token });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'provider_invalid_transition' });
      expect(refused.body.message).toMatch(/suspended/);
      expect((await t.get(`/solutions/${solution.body.id}`, { token: suspended.owner.token })).body.status).toBe('draft');
    });

    it("answers 403 on another provider's solution, 404 on an unknown one, 400 on a malformed id, 401 without a token", async () => {
      const published = await publishedSolution(t, owner, provider.id);
      expect((await t.post(`/solutions/${published.id}/publish`, undefined, { token: rival.owner.token })).status).toBe(403);
      const unpublished = await draft();
      expect((await t.post(`/solutions/${unpublished.id}/publish`, undefined, { token: rival.owner.token })).status).toBe(404);
      expect((await t.get(`/solutions/${unpublished.id}`, { token: owner.token })).body.status).toBe('draft');
      expect((await t.post(`/solutions/${UNKNOWN_ID}/publish`, undefined, { token: owner.token })).status).toBe(404);
      expect((await t.post('/solutions/123/publish', undefined, { token: owner.token })).status).toBe(400);
      expect((await t.post(`/solutions/${unpublished.id}/publish`)).status).toBe(401);
      const tooLong = await t.post(`/solutions/${unpublished.id}/publish`, { reason: '长'.repeat(501) }, { token: owner.token });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.message).toMatch(/^reason: /);
    });

    it('rolls the publish back with its jobs when a later step of the transaction fails', async () => {
      const solution = await draft();
      const audit = t.app.get(AuditService);
      const spy = jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('audit store unavailable'));
      try {
        const res = await t.post(`/solutions/${solution.id}/publish`, undefined, { token: owner.token });
        expect(res.status).toBe(500);
        expect(res.body.message).toBe('internal error');
      } finally {
        spy.mockRestore();
      }
      expect((await solutionJobs(solution.id)).map((j) => j.change)).toEqual(['created']);
      expect((await t.get(`/solutions/${solution.id}`, { token: owner.token })).body).toMatchObject({ status: 'draft', publishedAt: null });
      const retry = await t.post(`/solutions/${solution.id}/publish`, undefined, { token: owner.token });
      expect(retry.status).toBe(200);
    });
  });

  describe('POST /solutions/:id/delist', () => {
    it('delists a published solution, hides it from others and audits the reason', async () => {
      const solution = await publishedSolution(t, owner, provider.id);
      const res = await t.post(`/solutions/${solution.id}/delist`, { reason: '产品升级换代，旧版本停止销售' }, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'delisted', publishedAt: solution.publishedAt });
      expect((await solutionJobs(solution.id)).map((j) => j.change)).toEqual(['created', 'published', 'delisted']);
      expect((await t.get(`/solutions/${solution.id}`, { token: outsider.token })).status).toBe(404);
      expect((await t.get(`/solutions/${solution.id}`, { token: owner.token })).body.status).toBe('delisted');
      await t.drain();
      const admin = await loginAdmin(t);
      const audit = await t.get('/audit', { token: admin.token, query: { entityId: solution.id, action: 'solution.delisted' } });
      expect(audit.body.items).toEqual([expect.objectContaining({ reason: '产品升级换代，旧版本停止销售' })]);
    });

    it('answers 409 naming the state for a draft or an already delisted solution', async () => {
      const solution = await draft();
      const res = await t.post(`/solutions/${solution.id}/delist`, undefined, { token: owner.token });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('cannot delist a solution that is draft');
      const published = await publishedSolution(t, owner, provider.id);
      await t.post(`/solutions/${published.id}/delist`, undefined, { token: owner.token });
      const again = await t.post(`/solutions/${published.id}/delist`, undefined, { token: owner.token });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/delisted/);
    });

    it("answers 403 on another provider's solution, 401 without a token, 400 on a malformed id", async () => {
      const solution = await publishedSolution(t, owner, provider.id);
      expect((await t.post(`/solutions/${solution.id}/delist`, undefined, { token: rival.owner.token })).status).toBe(403);
      expect((await t.post(`/solutions/${solution.id}/delist`, undefined, { token: outsider.token })).status).toBe(403);
      expect((await t.post(`/solutions/${solution.id}/delist`)).status).toBe(401);
      expect((await t.post('/solutions/xyz/delist', undefined, { token: owner.token })).status).toBe(400);
      expect((await t.get(`/solutions/${solution.id}`, { token: outsider.token })).body.status).toBe('published');
    });
  });

  describe('GET /solutions', () => {
    let listOwner: TestUser;
    let listProvider: any;
    let published: any[];
    let drafts: any[];

    beforeAll(async () => {
      ({ owner: listOwner, provider: listProvider } = await approvedProvider(t));
      published = [];
      for (let i = 0; i < 3; i++) {
        t.clock.advance(60_000);
        published.push(await publishedSolution(t, listOwner, listProvider.id, { title: `列表测试方案${i}` }));
      }
      drafts = [await draft({ title: '列表草稿' }, listOwner, listProvider.id)];
    });

    it("lists a provider's published solutions, newest first, with pagination and provider names", async () => {
      const res = await t.get('/solutions', { token: outsider.token, query: { providerId: listProvider.id, pageSize: 2 } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(res.body.items.map((s: any) => s.id)).toEqual([published[2].id, published[1].id]);
      expect(res.body.items[0]).toMatchObject({ providerName: listProvider.name, providerKind: listProvider.kind, status: 'published' });
      const page2 = await t.get('/solutions', { token: outsider.token, query: { providerId: listProvider.id, pageSize: 2, page: 2 } });
      expect(page2.body.items.map((s: any) => s.id)).toEqual([published[0].id]);
    });

    it('lists only published solutions across providers by default', async () => {
      const res = await t.get('/solutions', { token: outsider.token, query: { pageSize: 100 } });
      expect(res.status).toBe(200);
      expect(res.body.items.every((s: any) => s.status === 'published')).toBe(true);
      expect(res.body.items.map((s: any) => s.id)).toEqual(expect.arrayContaining(published.map((s) => s.id)));
      expect(res.body.items.map((s: any) => s.id)).not.toContain(drafts[0].id);
    });

    it("shows a provider's drafts to its members only", async () => {
      const mine = await t.get('/solutions', { token: listOwner.token, query: { providerId: listProvider.id, status: 'draft' } });
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((s: any) => s.id)).toEqual([drafts[0].id]);
      const theirs = await t.get('/solutions', { token: rival.owner.token, query: { providerId: listProvider.id, status: 'draft' } });
      expect(theirs.status).toBe(403);
      const unscoped = await t.get('/solutions', { token: listOwner.token, query: { status: 'draft' } });
      expect(unscoped.status).toBe(403);
    });

    it('answers 400 naming the parameter; visitors list published solutions only', async () => {
      const big = await t.get('/solutions', { token: owner.token, query: { pageSize: 101 } });
      expect(big.status).toBe(400);
      expect(big.body.message).toMatch(/^pageSize: must be at most 100/);
      const status = await t.get('/solutions', { token: owner.token, query: { status: 'archived' } });
      expect(status.status).toBe(400);
      expect(status.body.message).toMatch(/^status: /);
      const provider = await t.get('/solutions', { token: owner.token, query: { providerId: 'nope' } });
      expect(provider.status).toBe(400);
      expect(provider.body.message).toMatch(/^providerId: /);
      expect((await t.get('/solutions')).status).toBe(200);
      expect((await t.get('/solutions', { query: { status: 'draft' } })).status).toBe(403);
    });
  });

  it('documents the catalogue and needs routes with their body schemas in OpenAPI', async () => {
    const docs = await t.get('/docs-json');
    expect(docs.status).toBe(200);
    const paths = Object.keys(docs.body.paths);
    for (const path of [
      '/solutions',
      '/solutions/{id}',
      '/solutions/{id}/publish',
      '/solutions/{id}/delist',
      '/needs',
      '/needs/{id}',
      '/needs/{id}/publish',
      '/needs/{id}/cancel',
    ]) {
      expect(paths.some((p) => p.endsWith(path))).toBe(true);
    }
    const create = Object.entries(docs.body.paths).find(([p]) => p.endsWith('/solutions'))![1] as any;
    expect(Object.keys(create.post.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining([
        'providerId',
        'title',
        'scenarios',
        'priceMinFen',
        'priceMaxFen',
        'deployDays',
        'deliveryMode',
        'levels',
        'cases',
      ]),
    );
  });

  describe('SolutionsService for the search context', () => {
    it('shapes a flat search document, null for an unknown id', async () => {
      const solution = await publishedSolution(t, owner, provider.id);
      const service = t.app.get(SolutionsService);
      const doc = await service.toSearchDocument(solution.id);
      expect(doc).toEqual({
        id: solution.id,
        title: solution.title,
        summary: solution.summary,
        description: solution.description,
        scenarios: solution.scenarios,
        industries: solution.industries,
        priceMinFen: solution.priceMinFen,
        priceMaxFen: solution.priceMaxFen,
        deployDays: solution.deployDays,
        deliveryMode: solution.deliveryMode,
        levels: solution.levels,
        providerId: provider.id,
        providerName: provider.name,
        providerStatus: 'approved',
        providerKind: 'product',
        providerDistricts: ['hunnan', 'heping'],
        status: 'published',
        publishedAt: new Date(solution.publishedAt).getTime(),
      });
      expect(await service.toSearchDocument(UNKNOWN_ID)).toBeNull();
    });

    it('lists ids by status for a re-index', async () => {
      const service = t.app.get(SolutionsService);
      const solution = await draft();
      const drafts = await service.listIds('draft');
      expect(drafts).toContain(solution.id);
      expect(await service.listIds('published')).not.toContain(solution.id);
      expect((await service.listIds()).length).toBeGreaterThan(drafts.length);
    });
  });
});
