import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { publishedSolution, solutionInput } from '../factories/catalogue.js';
import { XLSX_TYPE, chainLeader, joinChain } from '../factories/chains.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { download, openWorkbook, setLevel } from '../factories/indicators.js';
import { acceptanceInput, attachAcceptanceEvidence, awardedProject, openMilestoneReasons } from '../factories/projects.js';
import { loginAdmin, registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

/** The figure of one indicator in a `GET /indicators` answer. */
const figure = (body: any, key: string) => body.indicators.find((f: any) => f.key === key);
/** One row of a breakdown. */
const row = (body: any, dimension: string, code: string) =>
  body.breakdowns.find((b: any) => b.dimension === dimension).rows.find((r: any) => r.code === code);
/** The series values of one indicator, by bucket label. */
function line(body: any, key: string, part: 'value' | 'numerator' = 'value'): Record<string, number | null> {
  const found = body.series.lines.find((l: any) => l.key === key);
  return Object.fromEntries(body.series.buckets.map((b: any, i: number) => [b.label, found.values[i][part]]));
}

/**
 * The records behind the figures, made through the real flows on a clock walked from April 2024
 * to March 2025 (times are the clock's):
 *
 * | enterprise | industry | district | scale | 专精特新 | batch | level (source, when) |
 * |---|---|---|---|---|---|---|
 * | A1 | machine_tool | tiexi | above | yes | sample | 3 (assessment, 2024-05-15) |
 * | A2 | machine_tool | tiexi | above | no | batch1 | 2 (acceptance, 2024-09-20) |
 * | A3 | air_cooling | hunnan | above | yes | batch1 | 1 (assessment, 2024-08-12) |
 * | A4 | air_cooling | hunnan | above | no | — | — |
 * | A5 | transmission | tiexi | above | no | — | 3 (self-check: does not count) |
 * | L (链主) | machine_tool | tiexi | above | no | — | — |
 * | B1 | auto_parts | hunnan | below | yes | — | 2 (assessment, 2025-02-10) |
 * | B2 | auto_parts | tiexi | below | no | — | — |
 *
 * Solutions: S1 (machine_tool, general_equipment; provider serving tiexi) published 2024-06-05;
 * S2 (air_cooling; same provider) published 2024-07-20, delisted 2024-11-03; S3 (air_cooling,
 * machine_tool; provider serving hunnan and heping) published 2024-10-08; S4 a draft.
 * One chain case of L's chain (A2's accepted project), nominated 2024-10-15.
 */
describe('programme indicators (指标体系)', () => {
  let t: TestApp;
  let officer: TestUser;
  let admin: TestUser;
  let tiexiOfficer: TestUser;
  let assessor: TestUser;
  let enterpriseOwner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    const at = (iso: string) => t.clock.set(iso);
    at('2024-04-10T02:00:00Z');
    officer = await cityOfficer(t);
    admin = await loginAdmin(t);
    tiexiOfficer = await userWithRole(t, 'district_officer', 'tiexi');
    assessor = await userWithRole(t, 'assessor');
    enterpriseOwner = await registerUser(t, 'enterprise');

    const enterprise = (fields: Record<string, unknown>) => createEnterprise(t, enterpriseOwner, { isSpecialised: false, ...fields });
    const a1 = await enterprise({ industry: 'machine_tool', district: 'tiexi', scale: 'above', isSpecialised: true });
    const a3 = await enterprise({ industry: 'air_cooling', district: 'hunnan', scale: 'above', isSpecialised: true });
    await enterprise({ industry: 'air_cooling', district: 'hunnan', scale: 'above' });
    const a5 = await enterprise({ industry: 'transmission', district: 'tiexi', scale: 'above' });
    const b1 = await enterprise({ industry: 'auto_parts', district: 'hunnan', scale: 'below', isSpecialised: true });
    await enterprise({ industry: 'auto_parts', district: 'tiexi', scale: 'below' });
    const leader = await chainLeader(t, {
      enterprise: { industry: 'machine_tool', district: 'tiexi', scale: 'above', isSpecialised: false },
    });
    const a2 = await awardedProject(t, {
      enterprise: { industry: 'machine_tool', district: 'tiexi', scale: 'above', isSpecialised: false },
      provider: { districts: ['shenhe'] },
    });
    await joinChain(t, leader.owner, leader.chain.id, a2.enterpriseOwner, a2.enterprise, 'upstream');
    for (const [id, batch] of [
      [a1.id, 'sample'],
      [a2.enterprise.id, 'batch1'],
      [a3.id, 'batch1'],
    ]) {
      const enrolled = await t.post(`/enterprises/${id}/pilot`, { batch }, { token: officer.token });
      expect(enrolled.status).toBe(201);
    }
    const p1 = await approvedProvider(t, { districts: ['tiexi'] });
    const p2 = await approvedProvider(t, { districts: ['hunnan', 'heping'] });

    at('2024-05-15T02:00:00Z');
    await setLevel(t, a1.id, 3);
    at('2024-06-05T02:00:00Z');
    await publishedSolution(t, p1.owner, p1.provider.id, { industries: ['machine_tool', 'general_equipment'] });
    at('2024-07-20T02:00:00Z');
    const s2 = await publishedSolution(t, p1.owner, p1.provider.id, { industries: ['air_cooling'] });
    at('2024-08-12T02:00:00Z');
    await setLevel(t, a3.id, 1);
    await setLevel(t, a5.id, 3, 'self_check');
    at('2024-09-20T02:00:00Z');
    await attachAcceptanceEvidence(t, a2.projectId, assessor.token);
    const accepted = await t.post(
      `/projects/${a2.projectId}/acceptance`,
      acceptanceInput({ levelAfter: 2, ...(await openMilestoneReasons(t, a2.projectId, assessor.token)) }),
      { token: assessor.token },
    );
    expect(accepted.status).toBe(201);
    at('2024-10-08T02:00:00Z');
    await publishedSolution(t, p2.owner, p2.provider.id, { industries: ['air_cooling', 'machine_tool'] });
    const draft = await t.post(
      '/solutions',
      { ...solutionInput({ industries: ['machine_tool'] }), providerId: p2.provider.id },
      { token: p2.owner.token },
    );
    expect(draft.status).toBe(201);
    at('2024-10-15T02:00:00Z');
    const nominated = await t.post(
      `/chains/${leader.chain.id}/cases`,
      { title: '机床产业链设备联网协同改造', summary: '链主带动上游企业完成设备联网改造。', projectIds: [a2.projectId] },
      { token: leader.owner.token },
    );
    expect(nominated.status).toBe(201);
    at('2024-11-03T02:00:00Z');
    const delisted = await t.post(`/solutions/${s2.id}/delist`, { reason: '产品停止销售' }, { token: p1.owner.token });
    expect(delisted.status).toBe(200);
    at('2025-02-10T02:00:00Z');
    await setLevel(t, b1.id, 2);
    at('2025-03-01T02:00:00Z');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /indicators (city)', () => {
    let body: any;
    beforeAll(async () => {
      const res = await t.get('/indicators', { token: officer.token });
      expect(res.status).toBe(200);
      body = res.body;
    });

    it("reports every target of the plan's 总体目标 in its words, in order", () => {
      expect(body.indicators.map((f: any) => [f.key, f.target, f.unit])).toEqual([
        ['above_scale_level2_share', 90, '%'],
        ['below_scale_level2_share', null, '%'],
        ['products', 125, '个'],
        ['chain_cases', 10, '个'],
        ['smart_factories', 20, '家'],
        ['benchmarks', 40, '家'],
        ['innovative_smes', 160, '家'],
      ]);
      expect(figure(body, 'above_scale_level2_share').name).toBe('“3+N”个细分行业规上中小企业数字化水平二级及以上比例');
      expect(figure(body, 'innovative_smes').name).toBe('创新型中小企业(含专精特新)');
      expect(body.scope).toEqual({ level: 'city', district: null, districtName: null });
      expect(body.asOf.slice(0, 10)).toBe('2025-03-01');
    });

    it('counts 规上 enterprises at an official level 2+ (self-checks left out) against all 规上 enterprises', () => {
      expect(figure(body, 'above_scale_level2_share')).toMatchObject({
        value: 33.33,
        numerator: 2,
        denominator: 6,
        shareOfTarget: 0.3704,
        met: false,
        coverage: 'full',
      });
      expect(figure(body, 'below_scale_level2_share')).toMatchObject({
        value: 50,
        numerator: 1,
        denominator: 2,
        shareOfTarget: null,
        met: null,
      });
    });

    it('counts published, not delisted solutions, chain cases and 专精特新 enterprises', () => {
      expect(figure(body, 'products')).toMatchObject({ value: 2, shareOfTarget: 0.016, met: false });
      expect(figure(body, 'chain_cases')).toMatchObject({ value: 1, shareOfTarget: 0.1 });
      expect(figure(body, 'innovative_smes')).toMatchObject({ value: 3, coverage: 'partial', shareOfTarget: 0.0188 });
      expect(figure(body, 'innovative_smes').note).toContain('下限');
    });

    it('counts awarded 示范标杆 and 数字化车间/智能工厂 (none awarded here), recorded in full', () => {
      for (const key of ['benchmarks', 'smart_factories']) {
        expect(figure(body, key)).toMatchObject({ value: 0, numerator: null, shareOfTarget: 0, met: false, coverage: 'full' });
      }
      expect(body.indicators.filter((f: any) => f.coverage === 'none')).toEqual([]);
      expect(figure(body, 'benchmarks').target).toBe(40);
    });

    it('breaks down by industry, district and batch', () => {
      expect(body.breakdowns.map((b: any) => [b.dimension, b.rows.length])).toEqual([
        ['industry', 7],
        ['district', 13],
        ['batch', 4],
      ]);
      expect(row(body, 'industry', 'machine_tool').values).toMatchObject({
        above_scale_level2_share: { value: 66.67, numerator: 2, denominator: 3 },
        products: { value: 2 },
        chain_cases: { value: 1 },
        innovative_smes: { value: 1 },
        benchmarks: { value: 0 },
      });
      expect(row(body, 'industry', 'air_cooling').values).toMatchObject({
        above_scale_level2_share: { value: 0, numerator: 0, denominator: 2 },
        products: { value: 1 },
      });
      expect(row(body, 'industry', 'general_equipment').values.products.value).toBe(1);
      expect(row(body, 'industry', 'related').values.above_scale_level2_share).toEqual({ value: null, numerator: 0, denominator: 0 });
      expect(row(body, 'district', 'tiexi').values).toMatchObject({
        above_scale_level2_share: { numerator: 2, denominator: 4 },
        below_scale_level2_share: { numerator: 0, denominator: 1 },
        products: { value: 1 },
        chain_cases: { value: 1 },
      });
      expect(row(body, 'district', 'heping').values.products.value).toBe(1);
      expect(row(body, 'batch', 'sample').values.above_scale_level2_share).toMatchObject({ numerator: 1, denominator: 1 });
      expect(row(body, 'batch', 'batch1').values.above_scale_level2_share).toMatchObject({ numerator: 1, denominator: 2 });
      expect(row(body, 'batch', 'none')).toMatchObject({ name: '未入库' });
      expect(row(body, 'batch', 'none').values.above_scale_level2_share).toMatchObject({ numerator: 0, denominator: 3 });
      expect(row(body, 'batch', 'none').values.chain_cases.value).toBe(1);
      // Solutions belong to no batch.
      expect(row(body, 'batch', 'sample').values.products.value).toBeNull();
    });

    it('gives a monthly series from the plan start to this month, cumulative at each month end', () => {
      expect(body.series.period).toBe('month');
      expect(body.series.from).toBe('2024-01');
      expect(body.series.to).toBe('2025-03');
      expect(body.series.buckets).toHaveLength(15);
      // A month is a Shanghai calendar month.
      expect(body.series.buckets[6]).toEqual({ label: '2024-07', start: '2024-06-30T16:00:00.000Z', end: '2024-07-31T16:00:00.000Z' });
      const products = line(body, 'products');
      expect([products['2024-05'], products['2024-06'], products['2024-07'], products['2024-10'], products['2024-11']]).toEqual([
        0, 1, 2, 3, 2,
      ]);
      const above = line(body, 'above_scale_level2_share', 'numerator');
      expect([above['2024-04'], above['2024-05'], above['2024-08'], above['2024-09'], above['2025-03']]).toEqual([0, 1, 1, 2, 2]);
      expect(line(body, 'above_scale_level2_share')['2024-09']).toBe(33.33);
      const below = line(body, 'below_scale_level2_share', 'numerator');
      expect([below['2025-01'], below['2025-02']]).toEqual([0, 1]);
      const cases = line(body, 'chain_cases');
      expect([cases['2024-09'], cases['2024-10']]).toEqual([0, 1]);
      expect(Object.values(line(body, 'innovative_smes')).every((v) => v === null)).toBe(true);
      expect(Object.values(line(body, 'benchmarks')).every((v) => v === 0)).toBe(true);
    });
  });

  describe('filters and series', () => {
    it('filters by industry', async () => {
      const res = await t.get('/indicators', { token: officer.token, query: { industry: 'machine_tool' } });
      expect(res.status).toBe(200);
      expect(res.body.filters.industry).toBe('machine_tool');
      expect(figure(res.body, 'above_scale_level2_share')).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
      expect(figure(res.body, 'products').value).toBe(2);
      expect(figure(res.body, 'chain_cases').value).toBe(1);
      expect(figure(res.body, 'innovative_smes').value).toBe(1);
      const industries = res.body.breakdowns.find((b: any) => b.dimension === 'industry').rows;
      expect(industries.map((r: any) => r.code)).toEqual(['machine_tool']);
      expect(row(res.body, 'district', 'tiexi').values.above_scale_level2_share).toMatchObject({ numerator: 2, denominator: 3 });
    });

    it('filters by district (a city officer may ask for any)', async () => {
      const res = await t.get('/indicators', { token: officer.token, query: { district: 'hunnan' } });
      expect(res.status).toBe(200);
      expect(figure(res.body, 'above_scale_level2_share')).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
      expect(figure(res.body, 'below_scale_level2_share')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
      expect(figure(res.body, 'products').value).toBe(1);
      expect(figure(res.body, 'chain_cases').value).toBe(0);
      expect(figure(res.body, 'innovative_smes').value).toBe(2);
    });

    it('filters by batch; solutions, which belong to no batch, have no figure then', async () => {
      const res = await t.get('/indicators', { token: officer.token, query: { batch: 'batch1' } });
      expect(res.status).toBe(200);
      expect(figure(res.body, 'above_scale_level2_share')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
      expect(figure(res.body, 'products')).toMatchObject({ value: null, shareOfTarget: null });
      expect(figure(res.body, 'products').note).toContain('批次');
      expect(figure(res.body, 'chain_cases').value).toBe(0);
      expect(figure(res.body, 'innovative_smes').value).toBe(1);
      expect(line(res.body, 'products')['2024-07']).toBeNull();
    });

    it('gives quarters over from..to, and no figure for periods not begun', async () => {
      const res = await t.get('/indicators', { token: officer.token, query: { period: 'quarter', from: '2024-05', to: '2025-06' } });
      expect(res.status).toBe(200);
      expect(res.body.series.buckets.map((b: any) => b.label)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
      expect(Object.values(line(res.body, 'products'))).toEqual([1, 2, 2, 2, null]);
      expect(Object.values(line(res.body, 'above_scale_level2_share', 'numerator'))).toEqual([1, 2, 2, 2, null]);
      expect(Object.values(line(res.body, 'chain_cases'))).toEqual([0, 0, 1, 1, null]);
    });

    it('answers 400 naming the field for a bad period, month, range or code', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ period: 'week' }, 'period'],
        [{ from: '2024-13' }, 'from'],
        [{ to: '24-01' }, 'to'],
        [{ from: '2025-01', to: '2024-12' }, 'from'],
        [{ from: '2010-01', to: '2024-12' }, 'to'],
        [{ industry: 'steel' }, 'industry'],
        [{ district: 'beijing' }, 'district'],
        [{ batch: 'batch9' }, 'batch'],
      ];
      for (const [query, field] of cases) {
        const res = await t.get('/indicators', { token: officer.token, query });
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.message).toMatch(new RegExp(`^${field}: `));
      }
      const unknown = await t.get('/indicators', { token: officer.token, query: { industry: 'steel' } });
      expect(unknown.body.message).toContain('unknown industry code "steel"');
    });
  });

  describe('who sees what', () => {
    it('gives admins the city', async () => {
      const res = await t.get('/indicators', { token: admin.token });
      expect(res.status).toBe(200);
      expect(figure(res.body, 'products').value).toBe(2);
    });

    it('gives a district officer their own district, by default and when asked; 403 for another', async () => {
      const own = await t.get('/indicators', { token: tiexiOfficer.token });
      expect(own.status).toBe(200);
      expect(own.body.scope).toEqual({ level: 'district', district: 'tiexi', districtName: '铁西区' });
      expect(figure(own.body, 'above_scale_level2_share')).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
      expect(figure(own.body, 'below_scale_level2_share')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
      expect(figure(own.body, 'products').value).toBe(1);
      expect(figure(own.body, 'chain_cases').value).toBe(1);
      expect(figure(own.body, 'innovative_smes').value).toBe(1);
      expect(own.body.breakdowns.find((b: any) => b.dimension === 'district').rows.map((r: any) => r.code)).toEqual(['tiexi']);

      const asked = await t.get('/indicators', { token: tiexiOfficer.token, query: { district: 'tiexi' } });
      expect(asked.status).toBe(200);
      expect(asked.body.indicators).toEqual(own.body.indicators);

      const other = await t.get('/indicators', { token: tiexiOfficer.token, query: { district: 'hunnan' } });
      expect(other.status).toBe(403);
      const otherExport = await download(t, '/indicators/export.xlsx', { token: tiexiOfficer.token, query: { district: 'hunnan' } });
      expect(otherExport.status).toBe(403);
    });

    it('answers 403 to everyone else and 401 without a token', async () => {
      const organizer = await userWithRole(t, 'organizer');
      for (const user of [assessor, enterpriseOwner, organizer]) {
        expect((await t.get('/indicators', { token: user.token })).status).toBe(403);
        expect((await download(t, '/indicators/export.xlsx', { token: user.token })).status).toBe(403);
      }
      expect((await t.get('/indicators')).status).toBe(401);
      expect((await download(t, '/indicators/export.xlsx')).status).toBe(401);
    });
  });

  describe('GET /indicators/export.xlsx', () => {
    it('serves a workbook: figures against targets, one sheet per breakdown, one with the series', async () => {
      const res = await download(t, '/indicators/export.xlsx', { token: officer.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="smedx-indicators-city-20250301.xlsx"');
      const workbook = await openWorkbook(res.buffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['指标完成情况', '按行业', '按区县', '按试点批次', '按月趋势', '服务费用']);

      const figures = workbook.getWorksheet('指标完成情况')!;
      expect(figures.getRow(1).getCell(1).value).toBe('指标');
      const products = figures.getRow(4);
      expect(products.getCell(1).value).toBe('“小快轻准”产品和方案');
      expect(products.getCell(3).value).toBe(125);
      expect(products.getCell(5).value).toBe(2);
      const above = figures.getRow(2);
      expect([above.getCell(5).value, above.getCell(6).value, above.getCell(7).value]).toEqual([33.33, 2, 6]);
      expect(figures.getRow(7).getCell(5).value).toBe(0);

      const industries = workbook.getWorksheet('按行业')!;
      const headers = (industries.getRow(1).values as unknown[]).slice(1);
      expect(headers.slice(0, 2)).toEqual(['行业', '编码']);
      const machineTools = industries.getRow(3);
      expect(machineTools.getCell(1).value).toBe('机床制造');
      expect(machineTools.getCell(headers.indexOf('小快轻准产品和方案(个)') + 1).value).toBe(2);
      expect(machineTools.getCell(headers.indexOf('数字化转型示范标杆(家)') + 1).value).toBe(0);

      const series = workbook.getWorksheet('按月趋势')!;
      const seriesHeaders = (series.getRow(1).values as unknown[]).slice(1);
      const november = series.getRow(12);
      expect(november.getCell(1).value).toBe('2024-11');
      expect(november.getCell(seriesHeaders.indexOf('小快轻准产品和方案(个)') + 1).value).toBe(2);
    });

    it("applies the filters and a district officer's scope", async () => {
      const res = await download(t, '/indicators/export.xlsx', { token: tiexiOfficer.token, query: { period: 'quarter' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('smedx-indicators-tiexi-');
      const workbook = await openWorkbook(res.buffer);
      expect(workbook.worksheets.map((s) => s.name)).toContain('按季度趋势');
      const districts = workbook.getWorksheet('按区县')!;
      expect(districts.actualRowCount).toBe(2);
      expect(districts.getRow(2).getCell(1).value).toBe('铁西区');
      expect(workbook.getWorksheet('指标完成情况')!.getRow(2).getCell(5).value).toBe(50);
    });

    it('answers 400 for a bad query like the figures route', async () => {
      const res = await download(t, '/indicators/export.xlsx', { token: officer.token, query: { period: 'year' } });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.buffer.toString('utf8')).message).toMatch(/^period: /);
    });
  });
});
