import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { XLSX_TYPE } from '../factories/chains.js';
import { cityOfficer, createEnterprise } from '../factories/directory.js';
import { download, openWorkbook, setLevel } from '../factories/indicators.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

/**
 * | enterprise | industry | district | batch | level |
 * |---|---|---|---|---|
 * | 甲 | machine_tool | tiexi | sample | 3 (assessment) |
 * | 乙 | machine_tool | tiexi | — | 2 (self-check: 未评定) |
 * | 丙 | air_cooling | hunnan | batch1 | 2 (assessment) |
 */
describe('industry map (产业云图)', () => {
  let t: TestApp;
  let officer: TestUser;
  let tiexiOfficer: TestUser;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await cityOfficer(t);
    tiexiOfficer = await userWithRole(t, 'district_officer', 'tiexi');
    owner = await registerUser(t, 'enterprise');
    const jia = await createEnterprise(t, owner, { name: '甲机床有限公司', industry: 'machine_tool', district: 'tiexi' });
    const yi = await createEnterprise(t, owner, { name: '乙机床有限公司', industry: 'machine_tool', district: 'tiexi' });
    const bing = await createEnterprise(t, owner, { name: '丙风冷设备有限公司', industry: 'air_cooling', district: 'hunnan' });
    for (const [id, batch] of [
      [jia.id, 'sample'],
      [bing.id, 'batch1'],
    ]) {
      expect((await t.post(`/enterprises/${id}/pilot`, { batch }, { token: officer.token })).status).toBe(201);
    }
    await setLevel(t, jia.id, 3);
    await setLevel(t, yi.id, 2, 'self_check');
    await setLevel(t, bing.id, 2);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives city officers the city by district × industry, level and batch', async () => {
    const res = await t.get('/indicators/industry-map', { token: officer.token });
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ level: 'city', district: null, districtName: null });
    expect(res.body.districts).toHaveLength(13);
    const cell = res.body.cells.find((c: any) => c.district === 'tiexi' && c.industry === 'machine_tool');
    expect(cell).toMatchObject({ total: 2, byLevel: { '3': 1, none: 1 }, byBatch: { sample: 1, none: 1 }, meanLevel: 3 });
    expect(res.body.districts.find((d: any) => d.code === 'hunnan')).toMatchObject({ name: '浑南区', adminCode: '210112', total: 1 });
    expect(res.body.total).toMatchObject({ total: 3, meanLevel: 2.5 });

    const filtered = await t.get('/indicators/industry-map', { token: officer.token, query: { batch: 'batch1', level: '2' } });
    expect(filtered.body.total).toMatchObject({ total: 1, byBatch: { batch1: 1 } });
  });

  it("lists a cell's enterprises, paged, without identity numbers", async () => {
    const res = await t.get('/indicators/industry-map/enterprises', {
      token: officer.token,
      query: { district: 'tiexi', industry: 'machine_tool' },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((e: any) => [e.name, e.digitalLevel, e.selfCheckLevel, e.pilotBatch])).toEqual([
      ['乙机床有限公司', null, 2, null],
      ['甲机床有限公司', 3, null, 'sample'],
    ]);
    expect(res.body.items[0]).not.toHaveProperty('uscc');
    const unassessed = await t.get('/indicators/industry-map/enterprises', { token: officer.token, query: { level: 'none', pageSize: 1 } });
    expect(unassessed.body).toMatchObject({ total: 1, pageSize: 1, items: [{ name: '乙机床有限公司' }] });
  });

  it('keeps a district officer to their district', async () => {
    const own = await t.get('/indicators/industry-map', { token: tiexiOfficer.token });
    expect(own.status).toBe(200);
    expect(own.body.scope).toMatchObject({ level: 'district', district: 'tiexi', districtName: '铁西区' });
    expect(own.body.districts.map((d: any) => d.code)).toEqual(['tiexi']);
    expect(own.body.total.total).toBe(2);
    const list = await t.get('/indicators/industry-map/enterprises', { token: tiexiOfficer.token });
    expect(list.body.items.every((e: any) => e.district === 'tiexi')).toBe(true);

    for (const path of ['/indicators/industry-map', '/indicators/industry-map/enterprises', '/indicators/industry-map/export.xlsx']) {
      const other = await t.get(path, { token: tiexiOfficer.token, query: { district: 'hunnan' } });
      expect([path, other.status, other.body.code]).toEqual([path, 403, 'district_out_of_scope']);
    }
  });

  it('refuses enterprise users and anonymous callers', async () => {
    for (const path of ['/indicators/industry-map', '/indicators/industry-map/enterprises', '/indicators/industry-map/export.xlsx']) {
      expect((await t.get(path, { token: owner.token })).status).toBe(403);
      expect((await t.get(path)).status).toBe(401);
    }
  });

  it('answers 400 naming the field for bad filters', async () => {
    for (const [query, field] of [
      [{ level: '5' }, 'level'],
      [{ batch: 'batch3' }, 'batch'],
      [{ district: 'beijing' }, 'district'],
      [{ industry: 'banking' }, 'industry'],
      [{ page: '0' }, 'page'],
    ] as const) {
      const path = field === 'industry' || field === 'page' ? '/indicators/industry-map/enterprises' : '/indicators/industry-map';
      const res = await t.get(path, { token: officer.token, query });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('exports the map as a workbook exceljs reads, Chinese headers', async () => {
    const res = await download(t, '/indicators/industry-map/export.xlsx', { token: tiexiOfficer.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toMatch(/smedx-industry-map-tiexi-\d{8}\.xlsx/);
    const workbook = await openWorkbook(res.buffer);
    const cells = workbook.getWorksheet('区县×行业')!;
    expect((cells.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['区县', '行业', '企业数']);
    const rows = (cells.getSheetValues() as unknown[]).filter((r): r is unknown[] => Array.isArray(r) && r[1] === '铁西区');
    expect(rows.find((r) => r[2] === '机床制造')?.[3]).toBe(2);
    expect(workbook.getWorksheet('区县合计')!.getRow(2).getCell(1).value).toBe('铁西区');
  });
});
