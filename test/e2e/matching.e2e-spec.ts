import { MATCH_FACTORS } from '@smedx/platform';
import { RematchNeedJob, RematchSolutionJob, StrongMatch } from '@smedx/matching';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { publishedSolution, solutionInput } from '../factories/catalogue.js';
import { needInput, publishedNeed } from '../factories/demand.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A 数控 shop's need: networking its machines and collecting their data (machine tools, 铁西, 35万, 90 days). */
const NEED = {
  title: '数控车间设备联网及生产数据采集',
  description:
    '我司现有数控车床、加工中心共42台，品牌包括沈阳机床、大连机床及FANUC系统，目前设备状态靠人工巡检记录。' +
    '希望实现设备联网，实时采集开机、停机、报警数据，并在车间大屏展示设备利用率。',
  scenarios: ['device_networking', 'data_collection', 'equipment'],
  budgetFen: 35_000_000,
  expectedDays: 90,
};

/** A solution answering that need on every factor. */
const FITTING = {
  title: '数控机床设备联网与数据采集轻量化方案',
  summary: '免布线网关接入数控车床、加工中心，实时采集开机、停机、报警数据，车间大屏展示设备利用率。',
  description:
    '支持FANUC、西门子、华中数控等主流系统，通过边缘网关采集设备状态与加工节拍，生成设备综合效率（OEE）看板和停机原因分析，按设备数订阅，两天内上线。',
  scenarios: ['device_networking', 'data_collection', 'equipment'],
  industries: ['machine_tool'],
  priceMinFen: 3_000_000,
  priceMaxFen: 12_000_000,
  deployDays: 15,
  deliveryMode: 'saas',
  levels: [1, 2],
};

interface Match {
  id: string;
  title: string;
  score: number;
  breakdown: Record<string, number>;
  reasons: string[];
  providerId?: string;
  providerName?: string;
  enterpriseName?: string;
}

function expectWellFormed(items: Match[]): void {
  for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score);
  for (const m of items) {
    expect(m.score).toBeGreaterThanOrEqual(0);
    expect(m.score).toBeLessThanOrEqual(1);
    expect(Object.keys(m.breakdown).sort()).toEqual([...MATCH_FACTORS].sort());
    const sum = Object.values(m.breakdown).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - m.score)).toBeLessThan(1e-9);
    for (const v of Object.values(m.breakdown)) expect(v).toBeGreaterThanOrEqual(0);
    expect(m.reasons.length).toBeGreaterThan(0);
    for (const r of m.reasons) expect(r).toMatch(/\p{Script=Han}/u);
    expect(typeof m.title).toBe('string');
  }
}

describe('matching: GET /needs/:id/matches, GET /solutions/:id/matches, re-matching jobs', () => {
  let t: TestApp;
  let owner: TestUser;
  let enterprise: { id: string };
  let rival: TestUser;
  let officer: TestUser;
  let a: { owner: TestUser; provider: { id: string; name: string } };
  let b: { owner: TestUser; provider: { id: string } };
  let c: { owner: TestUser; provider: { id: string } };
  const ids: Record<string, string> = {};

  /** The strong-match notifications of a user for one pair. */
  async function strongNotices(user: TestUser, solutionId: string): Promise<{ title: string; body: string; link: string }[]> {
    const res = await t.get('/notifications', { token: user.token, query: { pageSize: 100 } });
    expect(res.status).toBe(200);
    return res.body.items.filter(
      (n: { kind: string; data: { needId?: string; solutionId?: string } | null }) =>
        n.kind === 'match.strong' && n.data?.needId === ids.need && n.data?.solutionId === solutionId,
    );
  }

  async function needMatches(user: TestUser, needId = ids.need, query: Record<string, string | number> = {}) {
    return t.get<{ items: Match[]; message?: string }>(`/needs/${needId}/matches`, { token: user.token, query });
  }

  beforeAll(async () => {
    t = await startTestApp();
    officer = await cityOfficer(t);
    owner = await registerUser(t, 'enterprise');
    enterprise = await createEnterprise(t, owner, { industry: 'machine_tool', district: 'tiexi' });
    rival = await registerUser(t, 'rival');
    await createEnterprise(t, rival, { industry: 'air_cooling', district: 'hunnan' });
    a = await approvedProvider(t, { districts: ['tiexi', 'hunnan'] });
    b = await approvedProvider(t, { districts: ['heping'] });
    c = await approvedProvider(t, { districts: ['tiexi'] });

    ids.fitting = (await publishedSolution(t, a.owner, a.provider.id, FITTING)).id;
    ids.energy = (
      await publishedSolution(t, a.owner, a.provider.id, solutionInput({ scenarios: ['energy'], industries: ['air_cooling'] }))
    ).id;
    ids.partial = (
      await publishedSolution(t, b.owner, b.provider.id, {
        ...FITTING,
        title: '机床车间网络与数据采集',
        scenarios: ['device_networking', 'data_collection'],
      })
    ).id;
    ids.suspended = (await publishedSolution(t, c.owner, c.provider.id, { ...FITTING, title: '数控设备联网采集一体机' })).id;
    ids.delisted = (await publishedSolution(t, a.owner, a.provider.id, { ...FITTING, title: '数控车间联网采集旧版方案' })).id;
    expect((await t.post(`/solutions/${ids.delisted}/delist`, { reason: '停止销售' }, { token: a.owner.token })).status).toBe(200);
    const suspended = await t.post(
      `/providers/${c.provider.id}/selection`,
      { decision: 'suspend', reason: '验收不合格' },
      { token: officer.token },
    );
    expect(suspended.status).toBe(201);

    ids.need = (await publishedNeed(t, owner, enterprise.id, NEED)).id;
    await t.drain();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET /needs/:id/matches', () => {
    it('ranks the solutions, each score explained factor by factor and in Chinese', async () => {
      const res = await needMatches(owner);
      expect(res.status).toBe(200);
      const items = res.body.items;
      expectWellFormed(items);
      expect(items[0].id).toBe(ids.fitting);
      expect(items[0]).toMatchObject({ title: FITTING.title, providerId: a.provider.id, providerName: a.provider.name });
      expect(items[0].score).toBeGreaterThanOrEqual(t.config.matching.strongThreshold);
      expect(items[0].reasons).toEqual(
        expect.arrayContaining([
          '覆盖需求场景：设备联网、数据采集、设备管理',
          '服务商已在铁西区提供服务',
          '报价区间 3–12 万元在预算 35 万元之内',
          '部署周期 15 天，短于期望的 90 天',
          '适用行业包括机床制造',
          '新入库服务商，暂无验收记录，按平均水平计',
        ]),
      );
      expect(items[0].reasons.some((r) => r.startsWith('方案介绍提及需求关键词：'))).toBe(true);
      const partial = items.find((m) => m.id === ids.partial)!;
      expect(partial.reasons).toContain('覆盖需求场景：设备联网、数据采集；未覆盖：设备管理');
      expect(partial.reasons).toContain('服务商服务区域未包括铁西区');
      expect(partial.score).toBeLessThan(items[0].score);
    });

    it("never lists a suspended provider's solution or a delisted one", async () => {
      const listed = (await needMatches(owner)).body.items.map((m) => m.id);
      expect(listed).toEqual(expect.arrayContaining([ids.fitting, ids.partial, ids.energy]));
      expect(listed).not.toContain(ids.suspended);
      expect(listed).not.toContain(ids.delisted);
    });

    it('takes a limit', async () => {
      const res = await needMatches(owner, ids.need, { limit: 1 });
      expect(res.status).toBe(200);
      expect(res.body.items.map((m) => m.id)).toEqual([ids.fitting]);
    });

    it('shows officers everything and a provider only where its own solutions stand', async () => {
      const all = (await needMatches(owner)).body.items.map((m) => m.id);
      expect((await needMatches(officer)).body.items.map((m) => m.id)).toEqual(all);
      const tiexi = await userWithRole(t, 'district_officer', 'tiexi');
      expect((await needMatches(tiexi)).body.items.map((m) => m.id)).toEqual(all);
      const mine = await needMatches(b.owner);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((m) => m.id)).toEqual([ids.partial]);
      expectWellFormed(mine.body.items);
    });

    it('refuses other enterprises (403) and anonymous callers (401)', async () => {
      const res = await needMatches(rival);
      expect(res.status).toBe(403);
      expect((await needMatches(await userWithRole(t, 'district_officer', 'hunnan'))).status).toBe(403);
      expect((await t.get(`/needs/${ids.need}/matches`)).status).toBe(401);
    });

    it('answers 400 for a malformed id or limit and 404 for an unknown or invisible need', async () => {
      const bad = await t.get('/needs/not-a-uuid/matches', { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/must be a UUID/);
      for (const limit of ['0', '101', 'many']) {
        const res = await needMatches(owner, ids.need, { limit });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/limit/);
      }
      expect((await needMatches(owner, ids.need, { page: 2 })).status).toBe(400);
      expect((await needMatches(owner, UNKNOWN_ID)).status).toBe(404);
      const draft = await t.post('/needs', { ...needInput(t.clock, NEED), enterpriseId: enterprise.id }, { token: owner.token });
      expect((await needMatches(rival, draft.body.id)).status).toBe(404);
      // The enterprise's own draft: visible, not matched yet.
      expect(await needMatches(owner, draft.body.id)).toMatchObject({ status: 200, body: { items: [] } });
    });
  });

  describe('GET /solutions/:id/matches', () => {
    it("lists the needs a solution fits, scored as in the need's list", async () => {
      const res = await t.get<{ items: Match[] }>(`/solutions/${ids.fitting}/matches`, { token: a.owner.token });
      expect(res.status).toBe(200);
      expectWellFormed(res.body.items);
      const need = res.body.items.find((m) => m.id === ids.need)!;
      expect(need).toMatchObject({ title: NEED.title, enterpriseName: expect.any(String) });
      const fromNeed = (await needMatches(owner)).body.items.find((m) => m.id === ids.fitting)!;
      expect(need.score).toBe(fromNeed.score);
      expect(need.breakdown).toEqual(fromNeed.breakdown);
      expect((await t.get(`/solutions/${ids.fitting}/matches`, { token: officer.token })).status).toBe(200);
    });

    it('is for the provider and officers only', async () => {
      expect((await t.get(`/solutions/${ids.fitting}/matches`, { token: owner.token })).status).toBe(403);
      expect((await t.get(`/solutions/${ids.fitting}/matches`, { token: b.owner.token })).status).toBe(403);
      expect((await t.get(`/solutions/${ids.fitting}/matches`)).status).toBe(401);
      expect((await t.get('/solutions/nope/matches', { token: a.owner.token })).status).toBe(400);
      expect((await t.get(`/solutions/${UNKNOWN_ID}/matches`, { token: a.owner.token })).status).toBe(404);
      const draft = await t.post('/solutions', { ...solutionInput(), providerId: a.provider.id }, { token: a.owner.token });
      expect((await t.get(`/solutions/${draft.body.id}/matches`, { token: b.owner.token })).status).toBe(404);
      expect(await t.get(`/solutions/${draft.body.id}/matches`, { token: a.owner.token })).toMatchObject({
        status: 200,
        body: { items: [] },
      });
    });

    it("has no matches for a suspended provider's solution", async () => {
      const res = await t.get<{ items: Match[] }>(`/solutions/${ids.suspended}/matches`, { token: c.owner.token });
      expect(res).toMatchObject({ status: 200, body: { items: [] } });
    });
  });

  describe('strong matches', () => {
    it('notifies both sides once when a published need finds a strong match', async () => {
      const forEnterprise = await strongNotices(owner, ids.fitting);
      expect(forEnterprise).toHaveLength(1);
      expect(forEnterprise[0]).toMatchObject({ link: `/needs/${ids.need}`, title: expect.stringContaining(FITTING.title) });
      expect(forEnterprise[0].body).toMatch(/匹配度 \d+%/);
      expect(await strongNotices(a.owner, ids.fitting)).toHaveLength(1);
      // Below the threshold: listed, not notified.
      expect(await strongNotices(owner, ids.partial)).toHaveLength(0);
      expect(await strongNotices(b.owner, ids.partial)).toHaveLength(0);
    });

    it('stays at one notification per side however often the jobs run', async () => {
      const needJob = t.app.get(RematchNeedJob);
      const solutionJob = t.app.get(RematchSolutionJob);
      await needJob.handle({ needId: ids.need, change: 'updated' });
      await needJob.handle({ needId: ids.need, change: 'updated' });
      await solutionJob.handle({ solutionId: ids.fitting, change: 'published' });
      expect((await t.patch(`/needs/${ids.need}`, { expectedDays: 100 }, { token: owner.token })).status).toBe(200);
      expect((await t.patch(`/solutions/${ids.fitting}`, { deployDays: 14 }, { token: a.owner.token })).status).toBe(200);
      await t.drain();
      expect(await strongNotices(owner, ids.fitting)).toHaveLength(1);
      expect(await strongNotices(a.owner, ids.fitting)).toHaveLength(1);
      expect(await t.dataSource.getRepository(StrongMatch).countBy({ needId: ids.need, solutionId: ids.fitting })).toBe(1);
    });

    it('finds the needs a newly published solution ranks high for', async () => {
      const late = await approvedProvider(t, { districts: ['tiexi'] });
      ids.late = (await publishedSolution(t, late.owner, late.provider.id, { ...FITTING, title: '数控车床联网采集与设备利用率看板' })).id;
      await t.drain();
      expect(await strongNotices(owner, ids.late)).toHaveLength(1);
      const notices = await strongNotices(late.owner, ids.late);
      expect(notices).toHaveLength(1);
      expect(notices[0].title).toContain(NEED.title);
      const row = await t.dataSource.getRepository(StrongMatch).findOneByOrFail({ needId: ids.need, solutionId: ids.late });
      expect(row).toMatchObject({ enterpriseId: enterprise.id, providerId: late.provider.id });
    });

    it("matches a reinstated provider's solutions again, notifying once", async () => {
      const reinstated = await t.post(
        `/providers/${c.provider.id}/selection`,
        { decision: 'reinstate', reason: '整改完成' },
        { token: officer.token },
      );
      expect(reinstated.status).toBe(201);
      await t.drain();
      expect((await needMatches(owner)).body.items.map((m) => m.id)).toContain(ids.suspended);
      expect(await strongNotices(c.owner, ids.suspended)).toHaveLength(1);
      expect(await strongNotices(owner, ids.suspended)).toHaveLength(1);
    });
  });

  describe('a need that is no longer open', () => {
    it('has no matches once cancelled, and its jobs do nothing', async () => {
      const cancelled = await t.post(`/needs/${ids.need}/cancel`, { reason: '项目暂缓' }, { token: owner.token });
      expect(cancelled.status).toBe(200);
      await t.drain();
      expect(await needMatches(owner)).toMatchObject({ status: 200, body: { items: [] } });
      const res = await t.get<{ items: Match[] }>(`/solutions/${ids.fitting}/matches`, { token: a.owner.token });
      expect(res.body.items.map((m) => m.id)).not.toContain(ids.need);
      const before = await t.dataSource.getRepository(StrongMatch).count();
      await t.app.get(RematchNeedJob).handle({ needId: ids.need, change: 'updated' });
      expect(await t.dataSource.getRepository(StrongMatch).count()).toBe(before);
    });
  });
});

describe('matching: a provider profile change re-matches its solutions', () => {
  /**
   * The pair below scores FAR_SCORE while the provider does not serve the
   * need's district; serving it adds the district weight × (1 − 0.3) = 0.07.
   * The threshold sits between the two, so only re-matching after the
   * profile change can produce the strong match.
   */
  const FAR_SCORE = 0.837;
  const THRESHOLD = FAR_SCORE + 0.035;
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MATCH_STRONG_THRESHOLD: String(THRESHOLD) });
  });

  afterAll(async () => {
    await t.close();
  });

  it('tells both sides of a match that became strong because the provider now serves the district', async () => {
    const owner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, owner, { industry: 'machine_tool', district: 'tiexi' });
    const far = await approvedProvider(t, { districts: ['faku'] });
    const solution = await publishedSolution(t, far.owner, far.provider.id, FITTING);
    const need = await publishedNeed(t, owner, enterprise.id, NEED);
    await t.drain();
    const before = (await t.get<{ items: Match[] }>(`/needs/${need.id}/matches`, { token: owner.token })).body.items;
    const match = before.find((m) => m.id === solution.id)!;
    expect(match.breakdown.district).toBeCloseTo(0.03, 10);
    // The premise of the threshold chosen above: if scoring changes, this says so instead of passing by chance.
    expect(match.score).toBeCloseTo(FAR_SCORE, 2);
    const notices = async (user: TestUser) =>
      (await t.get('/notifications', { token: user.token, query: { pageSize: 100 } })).body.items.filter(
        (n: { kind: string; data: { solutionId?: string } | null }) => n.kind === 'match.strong' && n.data?.solutionId === solution.id,
      );
    expect(await notices(owner)).toHaveLength(0);

    const changed = await t.patch(`/providers/${far.provider.id}`, { districts: ['faku', 'tiexi'] }, { token: far.owner.token });
    expect(changed.status).toBe(200);
    await t.drain();
    const after = (await t.get<{ items: Match[] }>(`/needs/${need.id}/matches`, { token: owner.token })).body.items;
    expect(after.find((m) => m.id === solution.id)!.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(await notices(owner)).toHaveLength(1);
    expect(await notices(far.owner)).toHaveLength(1);
  });
});
