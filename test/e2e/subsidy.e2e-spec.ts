import { SUBSIDY_CAP_FEN } from '@smedx/contracts';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { cityOfficer, createEnterprise } from '../factories/directory.js';
import type { AwardedProject } from '../factories/projects.js';
import { acceptedProject, applyForSubsidy, subsidyLines } from '../factories/subsidy.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const YEAR_MS = 365 * 24 * 3600_000;

describe('subsidy (专项资金) and the blacklist', () => {
  let t: TestApp;
  let city: TestUser;
  let tiexi: TestUser;
  let hunnan: TestUser;
  let outsider: TestUser;

  const review = (id: string, user: TestUser, decision: string, reason?: string) =>
    t.post(`/subsidy-applications/${id}/reviews`, { decision, reason }, { token: user.token });

  /** An application taken to `approved` by both reviews. */
  async function approvedApplication(project?: AwardedProject): Promise<{ project: AwardedProject; id: string }> {
    const p = project ?? (await acceptedProject(t));
    const applied = await applyForSubsidy(t, p);
    expect(applied.status).toBe(201);
    expect((await review(applied.body.id, tiexi, 'approve')).status).toBe(201);
    expect((await review(applied.body.id, city, 'approve', '材料真实有效')).status).toBe(201);
    return { project: p, id: applied.body.id };
  }

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityOfficer(t);
    tiexi = await userWithRole(t, 'district_officer', 'tiexi');
    hunnan = await userWithRole(t, 'district_officer', 'hunnan');
    outsider = await registerUser(t, 'outsider');
    await createEnterprise(t, outsider, { district: 'hunnan' });
    outsider = {
      ...outsider,
      token: (await t.post('/auth/login', { email: outsider.email, password: outsider.password })).body.accessToken,
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs the whole journey: accepted at level 2 → apply → 初审 → 复核 → disbursed, in integer fen, audited', async () => {
    const project = await acceptedProject(t, { levelAfter: 2 });
    const applied = await applyForSubsidy(t, project);
    expect(applied.status).toBe(201);
    const id = applied.body.id;
    expect(applied.body).toMatchObject({
      enterpriseId: project.enterprise.id,
      projectId: project.projectId,
      district: 'tiexi',
      levelAfter: 2,
      status: 'submitted',
      totalInvestmentFen: 120_000_000,
      eligibleFen: 90_000_000,
      amountFen: 45_000_000,
      capped: false,
      approvedFen: null,
      disbursedFen: null,
    });
    expect(applied.body.history).toEqual([expect.objectContaining({ action: 'submit', toStatus: 'submitted' })]);

    // Who sees it.
    expect((await t.get(`/subsidy-applications/${id}`, { token: project.enterpriseOwner.token })).status).toBe(200);
    expect((await t.get(`/subsidy-applications/${id}`, { token: tiexi.token })).status).toBe(200);
    expect((await t.get(`/subsidy-applications/${id}`, { token: city.token })).status).toBe(200);
    expect((await t.get(`/subsidy-applications/${id}`, { token: hunnan.token })).status).toBe(404);
    expect((await t.get(`/subsidy-applications/${id}`, { token: outsider.token })).status).toBe(404);
    expect((await t.get(`/subsidy-applications/${UNKNOWN_ID}`, { token: city.token })).status).toBe(404);

    // Whoever reviews next is told: the district's officers for 初审 (not another district's), then the city's for 复核.
    const reviewNotices = async (user: { token: string }, kind: string) => {
      await t.drain();
      const res = await t.get('/notifications', { token: user.token, query: { pageSize: 100 } });
      return res.body.items.filter(
        (n: { kind: string; data: { applicationId?: string } | null }) => n.kind === kind && n.data?.applicationId === id,
      );
    };
    expect(await reviewNotices(tiexi, 'subsidy.district-review-requested')).toHaveLength(1);
    expect(await reviewNotices(hunnan, 'subsidy.district-review-requested')).toHaveLength(0);
    expect(await reviewNotices(city, 'subsidy.city-review-requested')).toHaveLength(0);

    const district = await review(id, tiexi, 'approve', '申报材料齐全');
    expect(district.status).toBe(201);
    expect(district.body.status).toBe('district_approved');
    expect(await reviewNotices(city, 'subsidy.city-review-requested')).toHaveLength(1);

    const approved = await review(id, city, 'approve');
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'approved', approvedFen: 45_000_000 });

    const tooMuch = await t.post(`/subsidy-applications/${id}/disbursement`, { paidFen: 45_000_001 }, { token: city.token });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.message).toContain('paidFen');
    const fraction = await t.post(`/subsidy-applications/${id}/disbursement`, { paidFen: 100.5 }, { token: city.token });
    expect(fraction.status).toBe(400);
    expect(fraction.body.message).toContain('paidFen');
    expect((await t.post(`/subsidy-applications/${id}/disbursement`, { paidFen: 1 }, { token: tiexi.token })).status).toBe(403);

    const paid = await t.post(
      `/subsidy-applications/${id}/disbursement`,
      { paidFen: 45_000_000, reference: 'HZC-2025-0001' },
      { token: city.token },
    );
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'disbursed', disbursedFen: 45_000_000, paymentReference: 'HZC-2025-0001' });
    expect(paid.body.history.map((h: any) => [h.action, h.stage, h.toStatus])).toEqual([
      ['submit', null, 'submitted'],
      ['approve', 'district', 'district_approved'],
      ['approve', 'city', 'approved'],
      ['disburse', null, 'disbursed'],
    ]);
    // 办理记录 names who took each step, and in which capacity.
    const names = new Map(
      await Promise.all(
        [project.enterpriseOwner, tiexi, city].map(
          async (u) => [u.id, (await t.get('/auth/me', { token: u.token })).body.displayName] as const,
        ),
      ),
    );
    expect(paid.body.history.map((h: any) => [h.actorRole, h.actorName])).toEqual([
      ['enterprise', names.get(project.enterpriseOwner.id)],
      ['district_officer', names.get(tiexi.id)],
      ['city_officer', names.get(city.id)],
      ['city_officer', names.get(city.id)],
    ]);
    for (const field of ['totalInvestmentFen', 'eligibleFen', 'amountFen', 'approvedFen', 'disbursedFen']) {
      expect(Number.isInteger(paid.body[field])).toBe(true);
    }

    const listed = await t.get('/subsidy-applications', { token: project.enterpriseOwner.token, query: { status: 'disbursed' } });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: any) => a.id)).toEqual([id]);

    await t.drain();
    const audit = await t.get('/audit', { token: city.token, query: { entityType: 'subsidy_application', entityId: id } });
    expect(audit.status).toBe(200);
    const byAction = new Map(audit.body.items.map((e: any) => [e.action, e]));
    expect(audit.body.items.filter((e: any) => e.action === 'document.attached')).toHaveLength(4);
    expect([...byAction.keys()].sort()).toEqual([
      // Each of the four required documents attached with the submission.
      'document.attached',
      'subsidy.city_approved',
      'subsidy.disbursed',
      'subsidy.district_approved',
      'subsidy.submitted',
    ]);
    expect(byAction.get('subsidy.city_approved')).toMatchObject({
      actorId: city.id,
      data: {
        stage: 'city',
        decision: 'approve',
        before: { status: 'district_approved', approvedFen: null },
        after: { status: 'approved', approvedFen: 45_000_000 },
      },
    });
    expect(byAction.get('subsidy.district_approved')).toMatchObject({ actorId: tiexi.id, reason: '申报材料齐全' });
    expect(byAction.get('subsidy.disbursed')).toMatchObject({ data: { paidFen: 45_000_000, after: { disbursedFen: 45_000_000 } } });

    const inbox = await t.get('/notifications', { token: project.enterpriseOwner.token, query: { pageSize: 100 } });
    const kinds = inbox.body.items.filter((n: any) => n.data?.applicationId === id).map((n: any) => n.kind);
    expect(kinds.sort()).toEqual(['subsidy.city-approved', 'subsidy.disbursed', 'subsidy.district-approved', 'subsidy.submitted']);
  });

  it('caps the amount at 500,000 CNY and counts only software, cloud and data devices', async () => {
    const project = await acceptedProject(t, { levelAfter: 3 });
    const res = await applyForSubsidy(t, project, [
      { category: 'software', amountFen: 150_000_000, description: 'ERP 与 MES 软件' },
      { category: 'other', amountFen: 80_000_000, description: '厂房改造' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalInvestmentFen: 230_000_000, eligibleFen: 150_000_000, amountFen: SUBSIDY_CAP_FEN, capped: true });
  });

  it('validates the lines at the edge, naming the field', async () => {
    const project = await acceptedProject(t);
    const fraction = await applyForSubsidy(t, project, [{ category: 'software', amountFen: 100.5, description: '软件' }]);
    expect(fraction.status).toBe(400);
    expect(fraction.body.message).toContain('lines.0.amountFen');
    const category = await applyForSubsidy(t, project, [{ category: 'furniture', amountFen: 100, description: '办公家具' }]);
    expect(category.status).toBe(400);
    expect(category.body.message).toContain('lines.0.category');
    const empty = await applyForSubsidy(t, project, []);
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('lines');
  });

  describe('eligibility at submission', () => {
    it.each([
      ['a 小巨人 funded by the central fund', { isLittleGiantFunded: true }, 'subsidy_little_giant_funded', '小巨人'],
      ['an enterprise of the 2022 pilot', { inPilot2022: true }, 'subsidy_in_pilot_2022', '2022'],
    ])('refuses %s', async (_name, enterprise, code, words) => {
      const project = await acceptedProject(t, { enterprise });
      const res = await applyForSubsidy(t, project);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code });
      expect(res.body.message).toContain(words);
    });

    it('refuses a project whose acceptance found level 1', async () => {
      const res = await applyForSubsidy(t, await acceptedProject(t, { levelAfter: 1 }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'subsidy_level_below_2', details: { levelAfter: 1 } });
    });

    it('refuses a project not yet accepted (先建后补)', async () => {
      const res = await applyForSubsidy(t, await acceptedProject(t, { acceptance: false }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'subsidy_project_not_accepted', details: { projectStatus: 'active' } });
      expect(res.body.message).toContain('先建后补');
    });

    it("refuses someone else's project, and an enterprise the caller is not a member of", async () => {
      const mine = await acceptedProject(t);
      const theirs = await acceptedProject(t);
      const other = await t.post(
        '/subsidy-applications',
        { enterpriseId: mine.enterprise.id, projectId: theirs.projectId, lines: subsidyLines() },
        { token: mine.enterpriseOwner.token },
      );
      expect(other.status).toBe(400);
      expect(other.body).toMatchObject({ code: 'project_not_own' });
      expect(other.body.message).toContain('projectId');
      const notMember = await t.post(
        '/subsidy-applications',
        { enterpriseId: theirs.enterprise.id, projectId: theirs.projectId, lines: subsidyLines() },
        { token: mine.enterpriseOwner.token },
      );
      expect(notMember.status).toBe(403);
    });

    it('refuses a second live application for the same project', async () => {
      const project = await acceptedProject(t);
      expect((await applyForSubsidy(t, project)).status).toBe(201);
      const again = await applyForSubsidy(t, project);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('subsidy_application_exists');
    });

    it('refuses a blacklisted enterprise', async () => {
      const project = await acceptedProject(t);
      const listed = await t.post('/blacklist', { enterpriseId: project.enterprise.id, reason: '虚报投资额' }, { token: city.token });
      expect(listed.status).toBe(201);
      const res = await applyForSubsidy(t, project);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'subsidy_blacklisted', details: { until: listed.body.until } });
    });
  });

  it('returns for revision and takes the resubmission back to 初审, with the amounts recomputed', async () => {
    const project = await acceptedProject(t);
    const id = (await applyForSubsidy(t, project)).body.id;

    const noReason = await review(id, tiexi, 'return');
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('reason');

    const returned = await review(id, tiexi, 'return', '缺少软件采购发票');
    expect(returned.status).toBe(201);
    expect(returned.body.status).toBe('returned');
    const cityOnReturned = await review(id, city, 'approve');
    expect(cityOnReturned.status).toBe(409);
    expect(cityOnReturned.body.message).toContain('returned');
    expect((await t.post(`/subsidy-applications/${id}/resubmit`, {}, { token: tiexi.token })).status).toBe(403);

    const lines = [{ category: 'software', amountFen: 40_000_000, description: 'MES 软件（按发票金额更正）' }];
    const resubmitted = await t.post(
      `/subsidy-applications/${id}/resubmit`,
      { lines, note: '已补充发票' },
      { token: project.enterpriseOwner.token },
    );
    expect(resubmitted.status).toBe(201);
    expect(resubmitted.body).toMatchObject({
      status: 'submitted',
      eligibleFen: 40_000_000,
      amountFen: 20_000_000,
      totalInvestmentFen: 40_000_000,
    });

    expect((await review(id, tiexi, 'approve')).body.status).toBe('district_approved');
    const cityReturn = await review(id, city, 'return', '请补充验收报告');
    expect(cityReturn.body.status).toBe('returned');
    const again = await t.post(`/subsidy-applications/${id}/resubmit`, {}, { token: project.enterpriseOwner.token });
    expect(again.body).toMatchObject({ status: 'submitted', amountFen: 20_000_000 });
    expect(again.body.history.map((h: any) => h.action)).toEqual(['submit', 'return', 'resubmit', 'approve', 'return', 'resubmit']);
    const twice = await t.post(`/subsidy-applications/${id}/resubmit`, {}, { token: project.enterpriseOwner.token });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('submitted');
  });

  it('rejects with a reason, which frees the project for a new application', async () => {
    const project = await acceptedProject(t);
    const id = (await applyForSubsidy(t, project)).body.id;
    expect((await review(id, tiexi, 'reject')).status).toBe(400);
    const rejected = await review(id, tiexi, 'reject', '投资发生在试点期之前');
    expect(rejected.status).toBe(201);
    expect(rejected.body.status).toBe('rejected');
    const after = await review(id, tiexi, 'approve');
    expect(after.status).toBe(409);
    expect(after.body.message).toContain('rejected');
    expect((await applyForSubsidy(t, project)).status).toBe(201);
  });

  it('keeps each stage to its officer: 403 for the wrong one, 409 naming the state for the wrong stage', async () => {
    const project = await acceptedProject(t);
    const id = (await applyForSubsidy(t, project)).body.id;

    const otherDistrict = await review(id, hunnan, 'approve');
    expect(otherDistrict.status).toBe(403);
    expect(otherDistrict.body.code).toBe('not_your_district');
    expect((await review(id, project.enterpriseOwner, 'approve')).status).toBe(403);
    expect((await review(UNKNOWN_ID, city, 'approve')).status).toBe(404);

    const cityTooEarly = await review(id, city, 'approve');
    expect(cityTooEarly.status).toBe(409);
    expect(cityTooEarly.body).toMatchObject({ code: 'subsidy_application_invalid_transition', details: { state: 'submitted' } });
    expect(cityTooEarly.body.message).toContain('that is submitted');
    const payTooEarly = await t.post(`/subsidy-applications/${id}/disbursement`, { paidFen: 1 }, { token: city.token });
    expect(payTooEarly.status).toBe(409);
    expect(payTooEarly.body.message).toContain('submitted');

    expect((await review(id, tiexi, 'approve')).status).toBe(201);
    const districtAgain = await review(id, tiexi, 'approve');
    expect(districtAgain.status).toBe(409);
    expect(districtAgain.body.message).toContain('that is district_approved');
  });

  it('lets only one of two simultaneous city approvals through', async () => {
    const project = await acceptedProject(t);
    const id = (await applyForSubsidy(t, project)).body.id;
    expect((await review(id, tiexi, 'approve')).status).toBe(201);
    const other = await userWithRole(t, 'city_officer');
    const results = await Promise.all([review(id, city, 'approve'), review(id, other, 'approve')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.message).toContain('approved');
    const final = await t.get(`/subsidy-applications/${id}`, { token: city.token });
    expect(final.body.history.filter((h: any) => h.stage === 'city')).toHaveLength(1);
  });

  it('revokes for fraud: clawback of what was paid, three years on the blacklist, new applications refused', async () => {
    const { project, id } = await approvedApplication();
    await t.post(`/subsidy-applications/${id}/disbursement`, { paidFen: 30_000_000 }, { token: city.token });

    expect((await t.post(`/subsidy-applications/${id}/revoke`, {}, { token: city.token })).status).toBe(400);
    expect((await t.post(`/subsidy-applications/${id}/revoke`, { reason: '伪造发票' }, { token: tiexi.token })).status).toBe(403);

    const revoked = await t.post(`/subsidy-applications/${id}/revoke`, { reason: '伪造软件采购发票' }, { token: city.token });
    expect(revoked.status).toBe(201);
    expect(revoked.body).toMatchObject({ status: 'revoked', disbursedFen: 30_000_000, clawbackFen: 30_000_000 });
    const twice = await t.post(`/subsidy-applications/${id}/revoke`, { reason: '重复' }, { token: city.token });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('revoked');

    const entries = await t.get('/blacklist', { token: city.token, query: { enterpriseId: project.enterprise.id } });
    expect(entries.status).toBe(200);
    expect(entries.body.items).toHaveLength(1);
    const entry = entries.body.items[0];
    expect(entry).toMatchObject({ source: 'fraud_revocation', applicationId: id, reason: '伪造软件采购发票', active: true, lifted: false });
    const span = new Date(entry.until).getTime() - new Date(entry.from).getTime();
    expect(span).toBeGreaterThanOrEqual(3 * YEAR_MS);
    expect(span).toBeLessThanOrEqual(3 * YEAR_MS + 24 * 3600_000);

    // The revocation freed the project, but the enterprise is now blacklisted.
    const again = await applyForSubsidy(t, project);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('subsidy_blacklisted');

    await t.drain();
    const audit = await t.get('/audit', {
      token: city.token,
      query: { entityType: 'subsidy_application', entityId: id, action: 'subsidy.revoked' },
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        reason: '伪造软件采购发票',
        data: expect.objectContaining({
          before: expect.objectContaining({ status: 'disbursed', clawbackFen: null }),
          after: expect.objectContaining({ clawbackFen: 30_000_000 }),
        }),
      }),
    ]);
    const blacklisted = await t.get('/audit', { token: city.token, query: { entityId: project.enterprise.id, action: 'blacklist.added' } });
    expect(blacklisted.body.items).toHaveLength(1);
  });

  it('keeps the blacklist: city officers add and lift, district officers read, others are refused', async () => {
    const owner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, owner);

    expect((await t.post('/blacklist', { enterpriseId: enterprise.id, reason: '弄虚作假' }, { token: tiexi.token })).status).toBe(403);
    expect((await t.post('/blacklist', { enterpriseId: enterprise.id }, { token: city.token })).status).toBe(400);
    const unknown = await t.post('/blacklist', { enterpriseId: UNKNOWN_ID, reason: '弄虚作假' }, { token: city.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('enterpriseId');

    const added = await t.post('/blacklist', { enterpriseId: enterprise.id, reason: '申报材料弄虚作假' }, { token: city.token });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ enterpriseId: enterprise.id, source: 'manual', active: true, lifted: false });
    expect(new Date(added.body.until).getUTCFullYear() - new Date(added.body.from).getUTCFullYear()).toBe(3);
    const duplicate = await t.post('/blacklist', { enterpriseId: enterprise.id, reason: '再次' }, { token: city.token });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('already_blacklisted');

    expect((await t.get('/blacklist', { token: owner.token })).status).toBe(403);
    const read = await t.get('/blacklist', { token: tiexi.token, query: { active: 'true', enterpriseId: enterprise.id } });
    expect(read.status).toBe(200);
    expect(read.body.items.map((e: any) => e.id)).toEqual([added.body.id]);

    expect((await t.post(`/blacklist/${added.body.id}/lift`, {}, { token: city.token })).status).toBe(400);
    const lifted = await t.post(`/blacklist/${added.body.id}/lift`, { reason: '经复核系误报' }, { token: city.token });
    expect(lifted.status).toBe(201);
    expect(lifted.body).toMatchObject({ lifted: true, active: false, liftReason: '经复核系误报' });
    expect((await t.post(`/blacklist/${added.body.id}/lift`, { reason: '再次' }, { token: city.token })).status).toBe(409);
    const active = await t.get('/blacklist', { token: city.token, query: { active: 'true', enterpriseId: enterprise.id } });
    expect(active.body.items).toHaveLength(0);
    const inactive = await t.get('/blacklist', { token: city.token, query: { active: 'false', enterpriseId: enterprise.id } });
    expect(inactive.body.items).toHaveLength(1);

    // An entry ends on its own after three years.
    const later = await t.post('/blacklist', { enterpriseId: enterprise.id, reason: '虚报' }, { token: city.token });
    expect(later.status).toBe(201);
    t.clock.advance(3 * YEAR_MS + 2 * 24 * 3600_000);
    try {
      const expired = await t.get('/blacklist', { token: city.token, query: { active: 'true', enterpriseId: enterprise.id } });
      expect(expired.body.items).toHaveLength(0);
    } finally {
      t.clock.advance(-(3 * YEAR_MS + 2 * 24 * 3600_000));
    }
  });

  it('takes a major change to the district and files the approved one with the city', async () => {
    const project = await acceptedProject(t);
    const id = (await applyForSubsidy(t, project)).body.id;
    const body = { kind: 'content', description: '主要建设内容由设备联网调整为设备联网加质量追溯', reason: '客户新增质量追溯要求' };

    expect((await t.post(`/subsidy-applications/${id}/changes`, body, { token: tiexi.token })).status).toBe(403);
    expect(
      (await t.post(`/subsidy-applications/${id}/changes`, { ...body, kind: 'price' }, { token: project.enterpriseOwner.token })).status,
    ).toBe(400);
    const requested = await t.post(`/subsidy-applications/${id}/changes`, body, { token: project.enterpriseOwner.token });
    expect(requested.status).toBe(201);
    const change = requested.body.changes[0];
    expect(change).toMatchObject({ kind: 'content', status: 'pending', filedWithCityAt: null });
    const second = await t.post(`/subsidy-applications/${id}/changes`, body, { token: project.enterpriseOwner.token });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('subsidy_change_pending');

    const path = `/subsidy-applications/${id}/changes/${change.id}/decision`;
    expect((await t.post(path, { decision: 'approve' }, { token: city.token })).status).toBe(403);
    expect((await t.post(path, { decision: 'approve' }, { token: hunnan.token })).status).toBe(403);
    expect((await t.post(path, { decision: 'reject' }, { token: tiexi.token })).status).toBe(400);
    expect(
      (await t.post(`/subsidy-applications/${id}/changes/${UNKNOWN_ID}/decision`, { decision: 'approve' }, { token: tiexi.token })).status,
    ).toBe(404);
    const decided = await t.post(path, { decision: 'approve', reason: '变更合理' }, { token: tiexi.token });
    expect(decided.status).toBe(201);
    expect(decided.body.status).toBe('submitted');
    expect((await t.post(path, { decision: 'approve' }, { token: tiexi.token })).status).toBe(409);

    const seenByCity = await t.get(`/subsidy-applications/${id}`, { token: city.token });
    expect(seenByCity.body.changes[0]).toMatchObject({ status: 'approved', decidedBy: tiexi.id, decisionReason: '变更合理' });
    expect(seenByCity.body.changes[0].filedWithCityAt).toEqual(expect.any(String));

    await t.drain();
    const audit = await t.get('/audit', { token: city.token, query: { entityId: id, action: 'subsidy.change_approved' } });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ changeId: change.id, filedWithCity: true }) }),
    ]);
  });

  it('lists by role: city all, districts theirs, members their own, others refused', async () => {
    const project = await acceptedProject(t);
    const id = (await applyForSubsidy(t, project)).body.id;
    const cityList = await t.get('/subsidy-applications', { token: city.token, query: { status: 'submitted', pageSize: 100 } });
    expect(cityList.status).toBe(200);
    expect(cityList.body.items.map((a: any) => a.id)).toContain(id);
    expect(cityList.body.items.every((a: any) => a.status === 'submitted')).toBe(true);
    const districtList = await t.get('/subsidy-applications', { token: tiexi.token, query: { pageSize: 100 } });
    expect(districtList.body.items.map((a: any) => a.id)).toContain(id);
    const otherDistrict = await t.get('/subsidy-applications', { token: hunnan.token, query: { pageSize: 100 } });
    expect(otherDistrict.body.items).toHaveLength(0);
    const outsiderList = await t.get('/subsidy-applications', { token: outsider.token });
    expect(outsiderList.body.items).toHaveLength(0);
    const nobody = await registerUser(t, 'nobody');
    expect((await t.get('/subsidy-applications', { token: nobody.token })).status).toBe(403);
    expect((await t.get('/subsidy-applications', { token: city.token, query: { status: 'paid' } })).status).toBe(400);
    expect((await t.get('/subsidy-applications')).status).toBe(401);
  });
});
