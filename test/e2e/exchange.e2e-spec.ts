import { recordsFromCsv } from '@smedx/exchange';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { chainLeader, joinChain } from '../factories/chains.js';
import { cityOfficer } from '../factories/directory.js';
import { download } from '../factories/indicators.js';
import { acceptanceInput, attachAcceptanceEvidence, awardedProject, openMilestoneReasons } from '../factories/projects.js';
import type { AwardedProject } from '../factories/projects.js';
import { loginAdmin, registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

/**
 * The national-platform export, on records made through the real flows:
 * - A: machine_tool / tiexi, awarded 2024-07-01, failed acceptance once, passed on 2024-09-20 at level 3 (ROI 32.5%);
 *   a member of L's chain, nominated as a chain case on 2024-10-15;
 * - B: air_cooling / hunnan, awarded 2024-08-05 at 123 456.78 yuan, still running.
 */
describe('national-platform export (数据交换)', () => {
  let t: TestApp;
  let officer: TestUser;
  let admin: TestUser;
  let assessor: TestUser;
  let a: AwardedProject;
  let b: AwardedProject;
  let chainCaseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const at = (iso: string) => t.clock.set(iso);
    at('2024-06-20T02:00:00Z');
    officer = await cityOfficer(t);
    admin = await loginAdmin(t);
    assessor = await userWithRole(t, 'assessor');
    const leader = await chainLeader(t, { enterprise: { industry: 'machine_tool', district: 'tiexi' } });
    at('2024-07-01T02:00:00Z');
    a = await awardedProject(t, { enterprise: { industry: 'machine_tool', district: 'tiexi', name: '沈阳精工机床有限公司' } });
    await joinChain(t, leader.owner, leader.chain.id, a.enterpriseOwner, a.enterprise, 'upstream');
    at('2024-08-05T02:00:00Z');
    b = await awardedProject(t, {
      enterprise: { industry: 'air_cooling', district: 'hunnan', name: '沈阳"冷风"设备, 有限公司' },
      award: { priceFen: 12_345_678 },
    });
    at('2024-09-01T02:00:00Z');
    const failed = await t.post(
      `/projects/${a.projectId}/acceptance`,
      acceptanceInput({ result: 'fail', levelAfter: 1, reasons: '数据贯通未完成' }),
      { token: assessor.token },
    );
    expect(failed.status).toBe(201);
    at('2024-09-19T17:00:00Z'); // 2024-09-20 in Shanghai
    await attachAcceptanceEvidence(t, a.projectId, assessor.token);
    const passed = await t.post(
      `/projects/${a.projectId}/acceptance`,
      acceptanceInput({ levelAfter: 3, roiPercent: 32.5, ...(await openMilestoneReasons(t, a.projectId, assessor.token)) }),
      {
        token: assessor.token,
      },
    );
    expect(passed.status).toBe(201);
    at('2024-10-15T02:00:00Z');
    const nominated = await t.post(
      `/chains/${leader.chain.id}/cases`,
      { title: '机床产业链设备联网协同改造', summary: '链主带动上游企业完成设备联网改造，关键工序数据贯通。', projectIds: [a.projectId] },
      { token: leader.owner.token },
    );
    expect(nominated.status).toBe(201);
    chainCaseId = nominated.body.id;
    at('2025-03-01T02:00:00Z');
  });

  afterAll(() => t?.close());

  it('exports projects as JSON with the parties, money in fen and yuan, dates, levels and the acceptance result', async () => {
    const res = await t.get('/exchange/projects', { token: officer.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      formatVersion: 'smedx-exchange/1',
      dataset: 'projects',
      generatedAt: expect.stringMatching(/^2025-03-01T02:00/),
      filters: { from: null, to: null, district: null, industry: null },
    });
    expect(res.body.records.map((r: any) => r.projectId)).toEqual([a.projectId, b.projectId]);
    const [ra, rb] = res.body.records;
    expect(ra).toMatchObject({
      enterpriseName: '沈阳精工机床有限公司',
      enterpriseUscc: a.enterprise.uscc,
      industry: 'machine_tool',
      industryName: '机床制造',
      district: 'tiexi',
      districtName: '铁西区',
      providerName: a.provider.name,
      providerUscc: a.provider.uscc,
      contractPriceFen: 100_000_000,
      contractPriceYuan: '1000000.00',
      deliveryDays: 90,
      awardDate: '2024-07-01',
      acceptedDate: '2024-09-20',
      status: 'accepted',
      levelAfter: 3,
      acceptanceResult: 'pass',
      acceptanceRounds: 2,
    });
    expect(ra.scope).toContain('数控机床设备联网');
    expect(rb).toMatchObject({
      status: 'active',
      contractPriceFen: 12_345_678,
      contractPriceYuan: '123456.78',
      acceptedDate: null,
      levelAfter: null,
      acceptanceResult: null,
      acceptanceRounds: 0,
    });
    expect((await t.get('/exchange/projects', { token: admin.token })).status).toBe(200);
  });

  it('exports the accepted project and the chain case as cases', async () => {
    const res = await t.get('/exchange/cases', { token: officer.token });
    expect(res.status).toBe(200);
    expect(res.body.records).toEqual([
      expect.objectContaining({
        caseId: a.projectId,
        kind: 'project',
        enterpriseNames: ['沈阳精工机床有限公司'],
        enterpriseUsccs: [a.enterprise.uscc],
        providerUsccs: [a.provider.uscc],
        levelAfter: 3,
        roiPercent: 32.5,
        caseDate: '2024-09-20',
        summary: '设备综合效率提升12%，非计划停机下降30%。',
      }),
      expect.objectContaining({
        caseId: chainCaseId,
        kind: 'chain',
        title: '机床产业链设备联网协同改造',
        enterpriseNames: ['沈阳精工机床有限公司'],
        industry: 'machine_tool',
        district: 'tiexi',
        levelAfter: 3,
        caseDate: '2024-10-15',
        projectIds: [a.projectId],
      }),
    ]);
  });

  it('serves CSV as a UTF-8 download with a BOM that parses back to the same records', async () => {
    for (const dataset of ['projects', 'cases', 'indicators'] as const) {
      const json = await t.get(`/exchange/${dataset}`, { token: officer.token });
      const csv = await download(t, `/exchange/${dataset}`, { token: officer.token, query: { format: 'csv' } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="smedx-${dataset}-20250301.csv"`);
      expect(csv.buffer.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(recordsFromCsv(dataset, csv.buffer.toString('utf8'))).toEqual(json.body.records);
    }
    const text = (await download(t, '/exchange/projects', { token: officer.token, query: { format: 'csv' } })).buffer.toString('utf8');
    expect(text).toContain('"沈阳""冷风""设备, 有限公司"');
  });

  it('filters by award or case month, district and industry', async () => {
    const ids = async (dataset: string, query: Record<string, string>) =>
      (await t.get(`/exchange/${dataset}`, { token: officer.token, query })).body.records.map((r: any) => r.projectId ?? r.caseId);
    expect(await ids('projects', { from: '2024-08' })).toEqual([b.projectId]);
    expect(await ids('projects', { to: '2024-07' })).toEqual([a.projectId]);
    expect(await ids('projects', { from: '2024-07', to: '2024-08', district: 'hunnan' })).toEqual([b.projectId]);
    expect(await ids('projects', { industry: 'machine_tool' })).toEqual([a.projectId]);
    expect(await ids('cases', { from: '2024-10' })).toEqual([chainCaseId]);
    expect(await ids('cases', { to: '2024-09' })).toEqual([a.projectId]);
    expect(await ids('cases', { district: 'hunnan' })).toEqual([]);
    const filtered = await t.get('/exchange/projects', { token: officer.token, query: { from: '2024-08', district: 'hunnan' } });
    expect(filtered.body.filters).toEqual({ from: '2024-08', to: null, district: 'hunnan', industry: null });
  });

  it('exports the indicators of IndicatorsService', async () => {
    const figures = await t.get('/indicators', { token: officer.token, query: { from: '2024-07', to: '2024-12' } });
    const res = await t.get('/exchange/indicators', { token: officer.token, query: { from: '2024-07', to: '2024-12' } });
    expect(res.status).toBe(200);
    const totals = res.body.records.filter((r: any) => r.dimension === 'total');
    expect(totals).toEqual(
      figures.body.indicators.map((i: any) =>
        expect.objectContaining({ indicatorKey: i.key, value: i.value, numerator: i.numerator, target: i.target, met: i.met }),
      ),
    );
    const chainCases = totals.find((r: any) => r.indicatorKey === 'chain_cases');
    expect(chainCases.value).toBe(1);
    const series = res.body.records.filter((r: any) => r.dimension === 'series' && r.indicatorKey === 'chain_cases');
    expect(series.map((r: any) => [r.code, r.value])).toEqual([
      ['2024-07', 0],
      ['2024-08', 0],
      ['2024-09', 0],
      ['2024-10', 1],
      ['2024-11', 1],
      ['2024-12', 1],
    ]);
  });

  it('is for city officers and admins only, and names the field of a bad filter', async () => {
    const anyone = await registerUser(t, 'someone');
    const district = await userWithRole(t, 'district_officer', 'tiexi');
    for (const dataset of ['projects', 'cases', 'indicators']) {
      expect((await t.get(`/exchange/${dataset}`)).status).toBe(401);
      expect((await t.get(`/exchange/${dataset}`, { token: anyone.token })).status).toBe(403);
      expect((await t.get(`/exchange/${dataset}`, { token: district.token })).status).toBe(403);
      expect((await t.get(`/exchange/${dataset}`, { token: a.enterpriseOwner.token, query: { format: 'csv' } })).status).toBe(403);
    }
    const bad = async (query: Record<string, string>) => {
      const res = await t.get('/exchange/projects', { token: officer.token, query });
      expect(res.status).toBe(400);
      return res.body.message as string;
    };
    expect(await bad({ from: '2024-13' })).toMatch(/^from:/);
    expect(await bad({ to: '202407' })).toMatch(/^to:/);
    expect(await bad({ from: '2024-09', to: '2024-08' })).toMatch(/^from: must not be after to/);
    expect(await bad({ district: 'nowhere' })).toMatch(/^district: unknown district code "nowhere"/);
    expect(await bad({ industry: 'x' })).toMatch(/^industry:/);
    expect(await bad({ format: 'xml' })).toMatch(/^format: must be json or csv/);
  });
});
