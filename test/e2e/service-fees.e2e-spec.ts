import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { cityOfficer, createEnterprise } from '../factories/directory.js';
import { download, openWorkbook } from '../factories/indicators.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

describe('service fees against their caps', () => {
  let t: TestApp;
  let city: TestUser;
  let tiexi: TestUser;
  let hunnan: TestUser;
  let owner: TestUser;
  let enterprise: any;

  const fee = (body: Record<string, unknown>, user = tiexi) =>
    t.post('/service-fees', { enterpriseId: enterprise.id, serviceOrganisationName: '沈阳市智库评估中心', ...body }, { token: user.token });

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityOfficer(t);
    tiexi = await userWithRole(t, 'district_officer', 'tiexi');
    hunnan = await userWithRole(t, 'district_officer', 'hunnan');
    owner = await registerUser(t, 'enterprise');
    enterprise = await createEnterprise(t, owner, { district: 'tiexi', industry: 'machine_tool' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('records fees up to 7,000 CNY of diagnosis and 10,000 CNY of acceptance monitoring per enterprise, refusing more with what remains', async () => {
    const first = await fee({ kind: 'diagnosis', amountFen: 500_000, reference: 'ZK-2025-001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'diagnosis', amountFen: 500_000, district: 'tiexi', enterpriseName: enterprise.name });

    const over = await fee({ kind: 'diagnosis', amountFen: 200_001 });
    expect(over.status).toBe(409);
    expect(over.body.message).toContain('leaves 2000.00 CNY (200000 fen)');
    expect((await fee({ kind: 'diagnosis', amountFen: 200_000 }, city)).status).toBe(201);
    const full = await fee({ kind: 'diagnosis', amountFen: 1 });
    expect(full.status).toBe(409);
    expect(full.body.message).toContain('leaves 0.00 CNY (0 fen)');

    expect((await fee({ kind: 'acceptance_monitoring', amountFen: 1_000_001 })).status).toBe(409);
    expect(
      (await fee({ kind: 'acceptance_monitoring', amountFen: 1_000_000, serviceOrganisationName: '辽宁第三方监测有限公司' })).status,
    ).toBe(201);

    // Input and authorisation.
    expect((await fee({ kind: 'diagnosis', amountFen: 10.5 })).status).toBe(400);
    const badKind = await fee({ kind: 'training', amountFen: 100 });
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toContain('kind');
    expect((await fee({ kind: 'acceptance_monitoring', amountFen: 100 }, hunnan)).status).toBe(403);
    expect((await fee({ kind: 'acceptance_monitoring', amountFen: 100 }, owner)).status).toBe(403);

    // Listed per enterprise with its caps, and per service organisation.
    const mine = await t.get('/service-fees', { token: owner.token, query: { enterpriseId: enterprise.id } });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(3);
    expect(mine.body.sums).toEqual({ diagnosis: 700_000, acceptance_monitoring: 1_000_000 });
    expect(mine.body.caps).toEqual([
      { kind: 'diagnosis', capFen: 700_000, paidFen: 700_000, remainingFen: 0 },
      { kind: 'acceptance_monitoring', capFen: 1_000_000, paidFen: 1_000_000, remainingFen: 0 },
    ]);
    const byOrg = await t.get('/service-fees', { token: city.token, query: { serviceOrganisationName: '沈阳市智库评估中心' } });
    expect(byOrg.body.sums).toEqual({ diagnosis: 700_000, acceptance_monitoring: 0 });
    expect((await t.get('/service-fees', { token: hunnan.token })).body.total).toBe(0);
    expect((await t.get('/service-fees', { token: (await registerUser(t, 'nobody')).token })).status).toBe(403);
  });

  it('sums the fees in the indicators and their spreadsheet', async () => {
    const report = (await t.get('/indicators', { token: city.token })).body;
    expect(report.serviceFees.map((f: any) => [f.kind, f.totalFen, f.enterprises, f.payments])).toEqual([
      ['diagnosis', 700_000, 1, 2],
      ['acceptance_monitoring', 1_000_000, 1, 1],
    ]);
    expect(report.serviceFees[0].byDistrict.find((d: any) => d.code === 'tiexi').totalFen).toBe(700_000);
    const other = (await t.get('/indicators', { token: hunnan.token })).body;
    expect(other.serviceFees[0]).toMatchObject({ totalFen: 0, byDistrict: [{ code: 'hunnan', totalFen: 0 }] });

    const res = await download(t, '/indicators/export.xlsx', { token: city.token });
    expect(res.status).toBe(200);
    const workbook = await openWorkbook(res.buffer);
    const sheet = workbook.getWorksheet('服务费用')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['合计', '', 7000, 1, 10000, 1]);
  });
});
