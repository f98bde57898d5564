import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { assessorPanel, attachCaseMaterial, nominationInput, toNotice } from '../factories/awards.js';
import { uploadPdf } from '../factories/documents.js';
import { publishedSolution } from '../factories/catalogue.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { acceptedProject } from '../factories/subsidy.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const DAY = 24 * 3600_000;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('nominations and awards (SPEC capability 17)', () => {
  let t: TestApp;
  let city: TestUser;
  let tiexi: TestUser;
  let hunnan: TestUser;
  let panel: TestUser[];

  /** A new enterprise in tiexi with its owner. */
  async function enterprise(overrides: Record<string, unknown> = {}): Promise<{ owner: TestUser; enterprise: any }> {
    const owner = await registerUser(t, 'enterprise');
    return { owner, enterprise: await createEnterprise(t, owner, overrides) };
  }

  /** A nomination of a new enterprise by its owner, with its case material filed unless `material` is false. */
  async function nominated(category = 'benchmark', overrides: Record<string, unknown> = {}, material = true) {
    const e = await enterprise(overrides);
    const res = await t.post('/nominations', nominationInput(category, e.enterprise.id), { token: e.owner.token });
    expect(res.status).toBe(201);
    if (material) await attachCaseMaterial(t, res.body.id, e.owner.token);
    return { ...e, id: res.body.id as string, body: res.body };
  }

  const benchmarks = async () => {
    const res = await t.get('/indicators', { token: city.token });
    return res.body.indicators.find((f: any) => f.key === 'benchmarks');
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2025-03-01T02:00:00Z');
    city = await cityOfficer(t);
    tiexi = await userWithRole(t, 'district_officer', 'tiexi');
    hunnan = await userWithRole(t, 'district_officer', 'hunnan');
    panel = await assessorPanel(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs nomination → recommendation → review → notice → objection → answer → award, and the indicator moves', async () => {
    const before = await benchmarks();
    expect(before).toMatchObject({ value: 0, coverage: 'full' });

    const { owner, enterprise: e, id, body } = await nominated('benchmark', { industry: 'machine_tool', district: 'tiexi' });
    expect(body).toMatchObject({
      category: 'benchmark',
      subjectId: e.id,
      nomineeId: e.id,
      nomineeName: e.name,
      district: 'tiexi',
      industry: 'machine_tool',
      status: 'nominated',
      scores: [],
      minAssessors: 3,
      reviewScore: null,
    });
    expect(body.evidence).toHaveLength(2);

    // Another district's officer may not recommend it; the nominee may not either.
    const other = await t.post(`/nominations/${id}/recommend`, {}, { token: hunnan.token });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('tiexi');
    expect((await t.post(`/nominations/${id}/recommend`, {}, { token: owner.token })).status).toBe(403);
    // Scoring before the recommendation: 409 naming the state (assessors do not see it yet → 404).
    expect((await t.post(`/nominations/${id}/review`, { score: 80 }, { token: panel[0]!.token })).status).toBe(404);

    const recommended = await t.post(`/nominations/${id}/recommend`, { reason: '同意推荐' }, { token: tiexi.token });
    expect(recommended.status).toBe(201);
    expect(recommended.body.status).toBe('recommended');
    const again = await t.post(`/nominations/${id}/recommend`, {}, { token: tiexi.token });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('cannot recommend (区县推荐) a nomination that is recommended');

    // Expert review: each assessor once; the city publishes only with three scores.
    expect((await t.post(`/nominations/${id}/review`, { score: 95 }, { token: panel[0]!.token })).status).toBe(201);
    const twice = await t.post(`/nominations/${id}/review`, { score: 60 }, { token: panel[0]!.token });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('already scored');
    expect((await t.post(`/nominations/${id}/review`, { score: 101 }, { token: panel[1]!.token })).status).toBe(400);
    expect((await t.post(`/nominations/${id}/review`, { score: 70 }, { token: city.token })).status).toBe(403);
    expect((await t.post(`/nominations/${id}/review`, { score: 60 }, { token: panel[1]!.token })).status).toBe(201);
    const early = await t.post(`/nominations/${id}/publish`, {}, { token: city.token });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('at least 3 expert scores; this nomination has 2');
    const third = await t.post(`/nominations/${id}/review`, { score: 85.5, comment: '示范带动作用强' }, { token: panel[2]!.token });
    expect(third.status).toBe(201);
    // An assessor sees its own score only; the mean drops 95 and 60.
    expect(third.body.scores).toEqual([expect.objectContaining({ score: 85.5, assessorId: panel[2]!.id })]);
    expect(third.body).toMatchObject({ status: 'in_review', scoreCount: 3, reviewScore: 85.5 });
    expect((await t.get(`/nominations/${id}`, { token: city.token })).body.scores).toHaveLength(3);
    expect((await t.get(`/nominations/${id}`, { token: owner.token })).body.scores).toEqual([]);

    expect((await t.post(`/nominations/${id}/publish`, {}, { token: tiexi.token })).status).toBe(403);
    t.clock.set('2025-03-01T02:00:00Z');
    const notice = await t.post(`/nominations/${id}/publish`, { reason: '评审通过，予以公示' }, { token: city.token });
    expect(notice.status).toBe(201);
    expect(notice.body.status).toBe('on_notice');
    expect(Date.parse(notice.body.noticeEndsAt) - Date.parse(notice.body.noticeStartsAt)).toBe(7 * DAY);
    expect(notice.body.noticeStartsAt.slice(0, 13)).toBe('2025-03-01T02');

    // On notice it is public: anyone signed in reads it and may object.
    const citizen = await registerUser(t, 'citizen');
    expect((await t.get(`/nominations/${id}`, { token: citizen.token })).status).toBe(200);
    const listed = await t.get('/nominations', { token: citizen.token, query: { status: 'on_notice' } });
    expect(listed.body.items.map((n: any) => n.id)).toContain(id);
    const objected = await t.post(`/nominations/${id}/object`, { text: '该企业设备联网数量与实际不符。' }, { token: citizen.token });
    expect(objected.status).toBe(201);
    expect(objected.body).toMatchObject({ status: 'on_notice', openObjections: 1 });
    const objectionId = objected.body.objections[0].id;

    // The award waits for the notice to end and for the answer; the cap is 500,000 CNY.
    const running = await t.post(`/nominations/${id}/award`, { amountFen: 50_000_000 }, { token: city.token });
    expect(running.status).toBe(409);
    expect(running.body.message).toContain('public notice runs until 2025-03-08');
    t.clock.advance(7 * DAY);
    const late = await t.post(`/nominations/${id}/object`, { text: '补充异议' }, { token: citizen.token });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('public notice ended');
    const open = await t.post(`/nominations/${id}/award`, { amountFen: 50_000_000 }, { token: city.token });
    expect(open.status).toBe(409);
    expect(open.body.message).toContain('1 objection(s)');
    const answered = await t.post(
      `/nominations/${id}/objections/${objectionId}/answer`,
      { answer: '经现场核查，联网设备42台属实，异议不成立。' },
      { token: city.token },
    );
    expect(answered.status).toBe(201);
    expect(answered.body.openObjections).toBe(0);
    expect((await t.post(`/nominations/${id}/objections/${objectionId}/answer`, { answer: '再答' }, { token: city.token })).status).toBe(
      409,
    );

    const overCap = await t.post(`/nominations/${id}/award`, { amountFen: 50_000_001 }, { token: city.token });
    expect(overCap.status).toBe(400);
    expect(overCap.body.message).toContain('amountFen');
    expect((await t.post(`/nominations/${id}/award`, { amountFen: 100.5 }, { token: city.token })).status).toBe(400);
    expect((await t.post(`/nominations/${id}/award`, { amountFen: 1 }, { token: tiexi.token })).status).toBe(403);
    const awarded = await t.post(`/nominations/${id}/award`, { amountFen: 50_000_000, reason: '公示无异议' }, { token: city.token });
    expect(awarded.status).toBe(201);
    expect(awarded.body).toMatchObject({ status: 'awarded', awardFen: 50_000_000 });
    expect(awarded.body.history.map((h: any) => h.action)).toEqual([
      'nominate',
      'recommend',
      'score',
      'score',
      'score',
      'publish',
      'object',
      'answer',
      'award',
    ]);

    // The indicator moves, by industry, district and batch.
    const after = await benchmarks();
    expect(after.value).toBe(before.value + 1);
    const report = (await t.get('/indicators', { token: city.token })).body;
    const row = (dimension: string, code: string) =>
      report.breakdowns.find((b: any) => b.dimension === dimension).rows.find((r: any) => r.code === code).values.benchmarks.value;
    expect(row('industry', 'machine_tool')).toBe(1);
    expect(row('district', 'tiexi')).toBe(1);
    expect(row('district', 'hunnan')).toBe(0);
    expect(row('batch', 'none')).toBe(1);

    // The award is audited with its money figure, and exported.
    await t.drain();
    const audit = await t.get('/audit', { token: city.token, query: { entityType: 'nomination', entityId: id } });
    const entry = audit.body.items.find((a: any) => a.action === 'nomination.award');
    expect(entry).toMatchObject({ actorId: city.id, reason: '公示无异议' });
    expect(entry.data).toMatchObject({ after: { awardFen: 50_000_000 } });
    const exported = await t.get('/exchange/awards', { token: city.token });
    expect(exported.status).toBe(200);
    expect(exported.body.records).toEqual([
      expect.objectContaining({
        awardId: id,
        category: 'benchmark',
        categoryName: '数字化转型示范标杆',
        nomineeName: e.name,
        nomineeUscc: e.uscc,
        district: 'tiexi',
        reviewScore: 85.5,
        awardFen: 50_000_000,
        awardYuan: '500000.00',
        noticeStartDate: '2025-03-01',
        noticeEndDate: '2025-03-08',
        objections: 1,
      }),
    ]);
    const csv = await t.get('/exchange/awards', { token: city.token, query: { format: 'csv' } });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('500000.00');
    t.clock.set('2025-03-01T02:00:00Z');
  });

  it('awards a nomination once when two city officers award it at the same time', async () => {
    const { id } = await nominated('smart_factory');
    await toNotice(t, id, tiexi, city);
    t.clock.advance(7 * DAY + 1000);
    const other = await userWithRole(t, 'city_officer');
    const results = await Promise.all([
      t.post(`/nominations/${id}/award`, { amountFen: 30_000_000 }, { token: city.token }),
      t.post(`/nominations/${id}/award`, { amountFen: 40_000_000 }, { token: other.token }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.message).toMatch(/a nomination that is awarded|changed meanwhile/);
    const final = await t.get(`/nominations/${id}`, { token: city.token });
    expect(final.body.history.filter((h: any) => h.action === 'award')).toHaveLength(1);
    expect([30_000_000, 40_000_000]).toContain(final.body.awardFen);
    const report = (await t.get('/indicators', { token: city.token })).body;
    expect(report.indicators.find((f: any) => f.key === 'smart_factories').value).toBe(1);
    t.clock.set('2025-03-01T02:00:00Z');
  });

  it('is recommended only with its case material on file; the material is read by the parties, the district and later the experts', async () => {
    const { owner, id } = await nominated('benchmark', { district: 'tiexi' }, false);
    const bare = await t.post(`/nominations/${id}/recommend`, { reason: '同意推荐' }, { token: tiexi.token });
    expect(bare.status).toBe(409);
    expect(bare.body).toMatchObject({ code: 'documents_missing', details: { missing: [{ kind: 'case_material', name: '典型案例材料' }] } });
    expect((await t.get(`/nominations/${id}`, { token: owner.token })).body.status).toBe('nominated');

    const documentId = await attachCaseMaterial(t, id, owner.token);
    const stranger = await registerUser(t, 'stranger');
    for (const reader of [stranger, hunnan, panel[0]!]) {
      expect((await t.get(`/nominations/${id}/documents`, { token: reader.token })).status).toBe(404);
    }
    expect((await t.get(`/nominations/${id}/documents`)).status).toBe(401);
    const intruder = await enterprise();
    const foreign = await uploadPdf(t, intruder.owner.token, '冒名材料');
    expect(
      (await t.post(`/nominations/${id}/documents`, { fileId: foreign, kind: 'case_material' }, { token: intruder.owner.token })).status,
    ).toBe(404);
    const checklist = await t.get(`/nominations/${id}/documents`, { token: tiexi.token });
    expect(checklist.body).toMatchObject({ missing: [], mayReview: true });
    expect((await t.post(`/documents/${documentId}/review`, { status: 'accepted' }, { token: tiexi.token })).status).toBe(201);

    expect((await t.post(`/nominations/${id}/recommend`, { reason: '案例材料翔实' }, { token: tiexi.token })).status).toBe(201);
    // From the recommendation on: the experts read it, and it is frozen (replacements only).
    expect((await t.get(`/nominations/${id}/documents`, { token: panel[0]!.token })).status).toBe(200);
    const late = await uploadPdf(t, owner.token, '补充证书');
    const added = await t.post(`/nominations/${id}/documents`, { fileId: late, kind: 'certificate' }, { token: owner.token });
    expect(added.status).toBe(409);
    expect((await t.get(`/nominations/${id}/documents`, { token: owner.token })).body.frozen).toBe(true);
  });

  it('rejects with a reason: the district before recommending, the city after; the subject may then be nominated again', async () => {
    const { owner, enterprise: e, id } = await nominated('digital_workshop');
    expect((await t.post(`/nominations/${id}/reject`, { reason: '不符合条件' }, { token: hunnan.token })).status).toBe(403);
    const noReason = await t.post(`/nominations/${id}/reject`, {}, { token: tiexi.token });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('reason');
    // One live nomination per subject.
    const dup = await t.post('/nominations', nominationInput('digital_workshop', e.id), { token: owner.token });
    expect(dup.status).toBe(409);
    const rejected = await t.post(`/nominations/${id}/reject`, { reason: '车间数字化程度未达标准' }, { token: tiexi.token });
    expect(rejected.status).toBe(201);
    expect(rejected.body.status).toBe('rejected');
    const final = await t.post(`/nominations/${id}/recommend`, {}, { token: tiexi.token });
    expect(final.status).toBe(409);
    expect(final.body.message).toContain('that is rejected');
    expect((await t.post('/nominations', nominationInput('digital_workshop', e.id), { token: owner.token })).status).toBe(201);

    const second = await nominated('benchmark');
    await t.post(`/nominations/${second.id}/recommend`, {}, { token: tiexi.token });
    expect((await t.post(`/nominations/${second.id}/reject`, { reason: '区县复议' }, { token: tiexi.token })).status).toBe(403);
    expect((await t.post(`/nominations/${second.id}/reject`, { reason: '评审未通过' }, { token: city.token })).status).toBe(201);
  });

  it('lets the provider nominate its published product and the chain leader its chain case, and no one else', async () => {
    const { owner: providerOwner, provider } = await approvedProvider(t);
    const solution = await publishedSolution(t, providerOwner, provider.id);
    const stranger = await registerUser(t, 'stranger');
    expect((await t.post('/nominations', nominationInput('product', solution.id), { token: stranger.token })).status).toBe(403);
    const badDistrict = await t.post('/nominations', nominationInput('product', solution.id, { district: 'kangping' }), {
      token: providerOwner.token,
    });
    expect(badDistrict.status).toBe(400);
    expect(badDistrict.body.message).toContain('district');
    const product = await t.post('/nominations', nominationInput('product', solution.id, { district: 'hunnan' }), {
      token: providerOwner.token,
    });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({ category: 'product', nomineeId: provider.id, district: 'hunnan', enterpriseId: null });
    await attachCaseMaterial(t, product.body.id, providerOwner.token);
    // Hunnan recommends it, not tiexi.
    expect((await t.post(`/nominations/${product.body.id}/recommend`, {}, { token: tiexi.token })).status).toBe(403);
    expect((await t.post(`/nominations/${product.body.id}/recommend`, {}, { token: hunnan.token })).status).toBe(201);

    const project = await acceptedProject(t);
    const marked = await t.post(`/enterprises/${project.enterprise.id}/chain-leader`, { reason: '产业链链主企业' }, { token: city.token });
    expect(marked.status).toBe(200);
    const chain = await t.post(
      '/chains',
      { name: '机床产业链', description: '链主带动上下游协同转型。' },
      { token: project.enterpriseOwner.token },
    );
    expect(chain.status).toBe(201);
    const chainCase = await t.post(
      `/chains/${chain.body.id}/cases`,
      { title: '机床产业链协同改造', summary: '链主带动配套企业设备联网。', projectIds: [project.projectId] },
      { token: project.enterpriseOwner.token },
    );
    expect(chainCase.status).toBe(201);
    expect((await t.post('/nominations', nominationInput('chain_case', chainCase.body.id), { token: providerOwner.token })).status).toBe(
      403,
    );
    const nominatedCase = await t.post('/nominations', nominationInput('chain_case', chainCase.body.id), {
      token: project.enterpriseOwner.token,
    });
    expect(nominatedCase.status).toBe(201);
    expect(nominatedCase.body).toMatchObject({ category: 'chain_case', nomineeId: project.enterprise.id, district: 'tiexi' });

    const unknown = await t.post('/nominations', nominationInput('benchmark', UNKNOWN_ID), { token: stranger.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('subjectId');
    const badCategory = await t.post('/nominations', nominationInput('trophy', UNKNOWN_ID), { token: stranger.token });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.message).toContain('category');
  });

  it('shows a nomination before its notice only to those concerned', async () => {
    const { owner, id } = await nominated('benchmark');
    const stranger = await registerUser(t, 'stranger');
    expect((await t.get(`/nominations/${id}`, { token: owner.token })).status).toBe(200);
    expect((await t.get(`/nominations/${id}`, { token: tiexi.token })).status).toBe(200);
    expect((await t.get(`/nominations/${id}`, { token: city.token })).status).toBe(200);
    expect((await t.get(`/nominations/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await t.get(`/nominations/${id}`, { token: hunnan.token })).status).toBe(404);
    expect((await t.get(`/nominations/${id}`, { token: panel[0]!.token })).status).toBe(404);
    expect((await t.get(`/nominations/${UNKNOWN_ID}`, { token: city.token })).status).toBe(404);
    expect((await t.get('/nominations/not-a-uuid', { token: city.token })).status).toBe(400);
    const mine = await t.get('/nominations', { token: stranger.token });
    expect(mine.body.items.map((n: any) => n.id)).not.toContain(id);
    const district = await t.get('/nominations', { token: tiexi.token, query: { status: 'nominated' } });
    expect(district.body.items.map((n: any) => n.id)).toContain(id);
    expect(
      (await t.get('/nominations', { token: hunnan.token, query: { status: 'nominated' } })).body.items.map((n: any) => n.id),
    ).not.toContain(id);
  });
});
