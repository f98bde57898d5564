import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxMessage, UnitOfWork } from '@smedx/platform';
import { ProjectsService, addDays, rmbUppercase, shanghaiDate } from '@smedx/projects';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { approvedProvider, cityOfficer, createEnterprise, createProvider } from '../factories/directory.js';
import { acceptanceInput, attachAcceptanceEvidence, awardedProject, openMilestoneReasons, reportInput } from '../factories/projects.js';
import type { AwardedProject } from '../factories/projects.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 3600_000;

/** The text of a PDF by `pdftotext` (Debian poppler-utils), or null where it is not installed outside CI. */
function pdfText(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'smedx-contract-'));
  try {
    const file = join(dir, 'contract.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (process.env.CI) throw new Error('pdftotext is missing: CI must install the Debian package poppler-utils');
      console.warn('pdftotext not installed (Debian poppler-utils): skipping the check of the contract PDF text');
      return null;
    }
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace and line breaks vary with the layout; compare text without them. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('projects (改造项目)', () => {
  let t: TestApp;
  let main: AwardedProject;
  let assessor: TestUser;
  let officer: TestUser;
  let districtOfficer: TestUser;
  let otherDistrictOfficer: TestUser;
  /** A member of another enterprise. */
  let outsider: TestUser;

  /** The caller's notifications of one kind about one project. */
  async function notificationsOf(user: TestUser, kind: string, projectId: string): Promise<any[]> {
    const res = await t.get('/notifications', { token: user.token, query: { pageSize: 100 } });
    expect(res.status).toBe(200);
    return res.body.items.filter((n: any) => n.kind === kind && n.data?.projectId === projectId);
  }

  async function pdfOf(
    projectId: string,
    token: string,
    accept = 'application/pdf',
  ): Promise<{ status: number; type: string; body: Buffer }> {
    const res = await fetch(`${t.url}/api/v1/projects/${projectId}/contract`, {
      headers: { authorization: `Bearer ${token}`, accept },
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    main = await awardedProject(t, {
      enterprise: { name: '沈阳北方风冷设备有限公司', district: 'tiexi' },
      provider: { name: '辽宁智造数字科技有限公司' },
    });
    assessor = await userWithRole(t, 'assessor');
    officer = await cityOfficer(t);
    districtOfficer = await userWithRole(t, 'district_officer', 'tiexi');
    otherDistrictOfficer = await userWithRole(t, 'district_officer', 'hunnan');
    outsider = await registerUser(t, 'outsider');
    await createEnterprise(t, outsider);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('ProjectsService.createFromAward', () => {
    it('creates an active project with a contract number, the parties and default milestones from the injected clock', async () => {
      const res = await t.get(`/projects/${main.projectId}`, { token: main.enterpriseOwner.token });
      expect(res.status).toBe(200);
      const start = shanghaiDate(t.clock.now());
      expect(res.body).toMatchObject({
        id: main.projectId,
        contractNo: expect.stringMatching(/^SYDX-\d{8}-[0-9A-F]{8}$/),
        needId: main.need.id,
        enterpriseId: main.enterprise.id,
        enterpriseName: '沈阳北方风冷设备有限公司',
        providerId: main.provider.id,
        providerName: '辽宁智造数字科技有限公司',
        priceFen: 100_000_000,
        priceInWords: '壹佰万元整',
        deliveryDays: 90,
        district: 'tiexi',
        startDate: start,
        plannedEndDate: addDays(start, 90),
        status: 'active',
        reports: [],
        acceptances: [],
      });
      expect(res.body.milestones.map((m: any) => [m.title, m.plannedDate, m.status, m.overdue])).toEqual([
        ['需求调研', addDays(start, 14), 'planned', false],
        ['部署实施', addDays(start, 54), 'planned', false],
        ['试运行', addDays(start, 77), 'planned', false],
        ['验收准备', addDays(start, 90), 'planned', false],
      ]);
      await t.drain();
      const audit = await t.get('/audit', { token: officer.token, query: { entityType: 'project', entityId: main.projectId } });
      expect(audit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'project.created',
            actorId: main.enterpriseOwner.id,
            data: expect.objectContaining({ priceFen: 100_000_000 }),
          }),
        ]),
      );
    });

    it('refuses a second project for the same bid, unknown parties and a price that is not whole fen', async () => {
      const uow = t.app.get(UnitOfWork);
      const projects = t.app.get(ProjectsService);
      const { bidId } = (await t.get(`/projects/${main.projectId}`, { token: officer.token })).body;
      const award = {
        needId: main.need.id,
        bidId,
        enterpriseId: main.enterprise.id,
        providerId: main.provider.id,
        solutionId: null,
        title: '重复的项目',
        scope: '同一投标',
        priceFen: 1000,
        deliveryDays: 10,
        awardedBy: main.enterpriseOwner.id,
      };
      await expect(uow.run((tx) => projects.createFromAward(tx, award))).rejects.toMatchObject({ code: 'project_exists' });
      await expect(
        uow.run((tx) => projects.createFromAward(tx, { ...award, bidId: randomUUID(), providerId: UNKNOWN_ID })),
      ).rejects.toMatchObject({
        code: 'provider_not_found',
      });
      await expect(uow.run((tx) => projects.createFromAward(tx, { ...award, bidId: randomUUID(), priceFen: 10.5 }))).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('priceFen'),
      });
    });
  });

  describe('GET /projects/:id', () => {
    it('is readable by both parties, assessors, city officers and the officer of the district', async () => {
      for (const user of [main.enterpriseOwner, main.providerOwner, assessor, officer, districtOfficer]) {
        const res = await t.get(`/projects/${main.projectId}`, { token: user.token });
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(main.projectId);
      }
    });

    it('does not exist for anyone else (404), needs a token (401) and a UUID (400)', async () => {
      expect((await t.get(`/projects/${main.projectId}`, { token: outsider.token })).status).toBe(404);
      expect((await t.get(`/projects/${main.projectId}`, { token: otherDistrictOfficer.token })).status).toBe(404);
      expect((await t.get(`/projects/${UNKNOWN_ID}`, { token: officer.token })).status).toBe(404);
      expect((await t.get(`/projects/${main.projectId}`)).status).toBe(401);
      const bad = await t.get('/projects/not-a-uuid', { token: officer.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/id: must be a UUID/);
    });
  });

  describe('GET /projects', () => {
    it("lists an organisation's projects for its members and every project for officers", async () => {
      const mine = await t.get('/projects', { token: main.providerOwner.token, query: { organisationId: main.provider.id } });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(mine.body.items[0]).toMatchObject({ id: main.projectId, status: 'active', priceInWords: '壹佰万元整' });
      const all = await t.get('/projects', { token: officer.token, query: { status: 'active', pageSize: 100 } });
      expect(all.status).toBe(200);
      expect(all.body.items.map((p: any) => p.id)).toContain(main.projectId);
      const district = await t.get('/projects', { token: districtOfficer.token, query: { pageSize: 100 } });
      expect(district.status).toBe(200);
      expect(district.body.items.map((p: any) => p.id)).toContain(main.projectId);
      expect(district.body.items.every((p: any) => p.district === 'tiexi')).toBe(true);
      const elsewhere = await t.get('/projects', { token: otherDistrictOfficer.token, query: { organisationId: main.enterprise.id } });
      expect(elsewhere.body.items).toEqual([]);
    });

    it('answers 403 for another organisation, 400 for bad paging, 401 without a token', async () => {
      expect((await t.get('/projects', { token: outsider.token, query: { organisationId: main.enterprise.id } })).status).toBe(403);
      expect((await t.get('/projects', { token: outsider.token })).status).toBe(403);
      const bad = await t.get('/projects', { token: officer.token, query: { pageSize: 101 } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/pageSize/);
      expect((await t.get('/projects')).status).toBe(401);
    });
  });

  describe('milestones', () => {
    it('POST adds a milestone for either party; PATCH re-plans and completes it', async () => {
      const start = shanghaiDate(t.clock.now());
      const added = await t.post(
        `/projects/${main.projectId}/milestones`,
        { title: '设备联网调试', plannedDate: addDays(start, 30) },
        { token: main.providerOwner.token },
      );
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ title: '设备联网调试', plannedDate: addDays(start, 30), status: 'planned', actualDate: null });

      const replanned = await t.patch(
        `/projects/${main.projectId}/milestones/${added.body.id}`,
        { plannedDate: addDays(start, 35), status: 'in_progress' },
        { token: main.enterpriseOwner.token },
      );
      expect(replanned.status).toBe(200);
      expect(replanned.body).toMatchObject({ plannedDate: addDays(start, 35), status: 'in_progress' });

      const done = await t.patch(
        `/projects/${main.projectId}/milestones/${added.body.id}`,
        { status: 'done', actualDate: start },
        { token: main.providerOwner.token },
      );
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'done', actualDate: start, overdue: false });

      const project = await t.get(`/projects/${main.projectId}`, { token: main.enterpriseOwner.token });
      expect(project.body.milestones.map((m: any) => m.title)).toEqual(['需求调研', '设备联网调试', '部署实施', '试运行', '验收准备']);
      await t.drain();
      const audit = await t.get('/audit', {
        token: officer.token,
        query: { entityId: main.projectId, action: 'project.milestone_replanned' },
      });
      expect(audit.body.items).toHaveLength(1);
    });

    it('a done milestone is final: 409 naming its state', async () => {
      const { milestones } = (await t.get(`/projects/${main.projectId}`, { token: main.enterpriseOwner.token })).body;
      const done = milestones.find((m: any) => m.status === 'done');
      const res = await t.patch(
        `/projects/${main.projectId}/milestones/${done.id}`,
        { title: '改名' },
        { token: main.enterpriseOwner.token },
      );
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('cannot change a milestone that is done');
      const back = await t.patch(
        `/projects/${main.projectId}/milestones/${done.id}`,
        { status: 'planned' },
        { token: main.enterpriseOwner.token },
      );
      expect(back.status).toBe(409);
      expect(back.body.message).toMatch(/that is done/);
    });

    it('validates dates and fields (400 naming the field)', async () => {
      const start = shanghaiDate(t.clock.now());
      const path = `/projects/${main.projectId}/milestones`;
      const token = main.enterpriseOwner.token;
      const cases: [unknown, RegExp][] = [
        [{ title: '验收', plannedDate: '2025-02-30' }, /plannedDate: must be a real date/],
        [{ title: '验收', plannedDate: '30/06/2025' }, /plannedDate/],
        [{ plannedDate: addDays(start, 3) }, /title/],
        [{ title: '   ', plannedDate: addDays(start, 3) }, /title: is required/],
        [{ title: '早于开工', plannedDate: addDays(start, -1) }, /plannedDate: must not be before the project's start/],
      ];
      for (const [body, message] of cases) {
        const res = await t.post(path, body, { token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      }
      const { milestones } = (await t.get(`/projects/${main.projectId}`, { token })).body;
      const open = milestones.find((m: any) => m.status === 'planned');
      const patchCases: [unknown, RegExp][] = [
        [{}, /must change at least one field/],
        [{ actualDate: start }, /actualDate: is only set together with status "done"/],
        [{ status: 'finished' }, /status: must be one of/],
        [{ status: 'done', actualDate: addDays(start, 2) }, /actualDate: must not be in the future/],
      ];
      for (const [body, message] of patchCases) {
        const res = await t.patch(`/projects/${main.projectId}/milestones/${open.id}`, body, { token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      }
      const badMid = await t.patch(`/projects/${main.projectId}/milestones/nope`, { status: 'done' }, { token });
      expect(badMid.status).toBe(400);
      expect(badMid.body.message).toMatch(/mid: must be a UUID/);
    });

    it('401 without a token, 403 for readers who are not a party, 404 for outsiders and unknown milestones', async () => {
      const start = shanghaiDate(t.clock.now());
      const body = { title: '培训', plannedDate: addDays(start, 10) };
      const path = `/projects/${main.projectId}/milestones`;
      expect((await t.post(path, body)).status).toBe(401);
      for (const reader of [assessor, officer, districtOfficer]) {
        const res = await t.post(path, body, { token: reader.token });
        expect(res.status).toBe(403);
      }
      expect((await t.post(path, body, { token: outsider.token })).status).toBe(404);
      expect((await t.post(`/projects/${UNKNOWN_ID}/milestones`, body, { token: main.enterpriseOwner.token })).status).toBe(404);
      const { milestones } = (await t.get(`/projects/${main.projectId}`, { token: officer.token })).body;
      const mid = milestones[0].id;
      expect((await t.patch(`${path}/${mid}`, { status: 'in_progress' })).status).toBe(401);
      expect((await t.patch(`${path}/${mid}`, { status: 'in_progress' }, { token: assessor.token })).status).toBe(403);
      expect((await t.patch(`${path}/${mid}`, { status: 'in_progress' }, { token: outsider.token })).status).toBe(404);
      expect((await t.patch(`${path}/${UNKNOWN_ID}`, { status: 'in_progress' }, { token: main.enterpriseOwner.token })).status).toBe(404);
    });
  });

  describe('service tracking (服务跟踪)', () => {
    it('POST /projects/:id/logs records entries of both parties; GET lists them newest first', async () => {
      const path = `/projects/${main.projectId}/logs`;
      const first = await t.post(
        path,
        { kind: 'visit', content: '乙方工程师到厂勘察设备现状，确认42台设备型号。' },
        { token: main.providerOwner.token },
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        side: 'provider',
        kind: 'visit',
        authorId: main.providerOwner.id,
        occurredOn: shanghaiDate(t.clock.now()),
      });
      const second = await t.post(path, { content: '甲方确认第一批联网设备清单。' }, { token: main.enterpriseOwner.token });
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ side: 'enterprise', kind: 'progress' });

      const list = await t.get(path, { token: assessor.token, query: { pageSize: 1 } });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(list.body.items[0].id).toBe(second.body.id);
    });

    it('400 for invalid entries, 401, 403 for non-parties, 404 for outsiders', async () => {
      const path = `/projects/${main.projectId}/logs`;
      const token = main.enterpriseOwner.token;
      for (const [body, message] of [
        [{ content: '' }, /content: is required/],
        [{ kind: 'gossip', content: '无' }, /kind: must be one of/],
        [{ content: '明天的事', occurredOn: addDays(shanghaiDate(t.clock.now()), 1) }, /occurredOn: must not be in the future/],
      ] as const) {
        const res = await t.post(path, body, { token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      }
      expect((await t.post(path, { content: '记录' })).status).toBe(401);
      expect((await t.post(path, { content: '记录' }, { token: officer.token })).status).toBe(403);
      expect((await t.post(path, { content: '记录' }, { token: outsider.token })).status).toBe(404);
      expect((await t.get(path, { token: outsider.token })).status).toBe(404);
      expect((await t.get(path)).status).toBe(401);
      expect((await t.get(path, { token, query: { page: 0 } })).status).toBe(400);
    });
  });

  describe('POST /projects/:id/reports (过程监测)', () => {
    it('files an assessor’s monitoring report, shown on the project', async () => {
      const res = await t.post(`/projects/${main.projectId}/reports`, reportInput(), { token: assessor.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ assessorId: assessor.id, progressPercent: 60, risks: [expect.stringContaining('老旧设备')] });
      const project = await t.get(`/projects/${main.projectId}`, { token: main.enterpriseOwner.token });
      expect(project.body.reports).toEqual([expect.objectContaining({ id: res.body.id, summary: '部署实施阶段按计划推进' })]);
      expect(project.body.status).toBe('active');
    });

    it('400 for invalid reports, 401, 403 for non-assessors, 404 for unknown projects', async () => {
      const path = `/projects/${main.projectId}/reports`;
      for (const [body, message] of [
        [reportInput({ progressPercent: 101 }), /progressPercent: must be at most 100/],
        [reportInput({ progressPercent: 12.5 }), /progressPercent/],
        [reportInput({ summary: undefined }), /summary/],
        [reportInput({ risks: '无' }), /risks: must be a list/],
      ] as const) {
        const res = await t.post(path, body, { token: assessor.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      }
      expect((await t.post(path, reportInput())).status).toBe(401);
      expect((await t.post(path, reportInput(), { token: main.enterpriseOwner.token })).status).toBe(403);
      expect((await t.post(path, reportInput(), { token: officer.token })).status).toBe(403);
      expect((await t.post(`/projects/${UNKNOWN_ID}/reports`, reportInput(), { token: assessor.token })).status).toBe(404);
    });
  });

  describe('GET /projects/:id/contract (标准化合同)', () => {
    it('renders printable HTML with the parties, USCCs, price in words and figures, and the schedule', async () => {
      const res = await t.get(`/projects/${main.projectId}/contract`, { token: main.enterpriseOwner.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      const html: string = res.body;
      expect(html).toMatch(/^<!doctype html>/);
      for (const text of [
        '中小企业数字化转型改造服务合同',
        '沈阳北方风冷设备有限公司',
        main.enterprise.uscc,
        '辽宁智造数字科技有限公司',
        main.provider.uscc,
        '人民币（大写）壹佰万元整',
        '¥1,000,000.00',
        '需求调研',
        '验收测评',
      ]) {
        expect(html).toContain(text);
      }
    });

    it('escapes what users wrote and prints other amounts in words (10,050.05 and 0.10)', async () => {
      const odd = await awardedProject(t, { award: { title: '设备联网<script>alert(1)</script>', priceFen: 1_005_005 } });
      const html = (await t.get(`/projects/${odd.projectId}/contract`, { token: odd.providerOwner.token })).body as string;
      expect(html).toContain('设备联网&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>');
      expect(html).toContain('人民币（大写）壹万零伍拾元零伍分（小写：¥10,050.05）');
      const dime = await awardedProject(t, { award: { priceFen: 10 } });
      const dimeHtml = (await t.get(`/projects/${dime.projectId}/contract`, { token: dime.enterpriseOwner.token })).body as string;
      expect(dimeHtml).toContain(`人民币（大写）${rmbUppercase(10)}（小写：¥0.10）`);
      expect(rmbUppercase(10)).toBe('壹角');
    });

    it('renders a PDF for Accept: application/pdf whose text holds the parties’ names in Chinese', async () => {
      const res = await pdfOf(main.projectId, main.providerOwner.token);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/pdf');
      expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(res.body);
      if (text !== null) {
        const flat = squash(text);
        expect(flat).toContain('沈阳北方风冷设备有限公司');
        expect(flat).toContain('辽宁智造数字科技有限公司');
        expect(flat).toContain('壹佰万元整');
        expect(flat).toContain(main.enterprise.uscc);
      }
      const byQuery = await t.get(`/projects/${main.projectId}/contract`, { token: officer.token, query: { format: 'pdf' } });
      expect(byQuery.headers.get('content-type')).toBe('application/pdf');
      const preferHtml = await pdfOf(main.projectId, officer.token, 'text/html, application/pdf;q=0.5');
      expect(preferHtml.type).toMatch(/^text\/html/);
    });

    it('400 for an unknown format, 401 without a token, 404 for outsiders', async () => {
      const bad = await t.get(`/projects/${main.projectId}/contract`, { token: officer.token, query: { format: 'docx' } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/format: must be html or pdf/);
      expect((await t.get(`/projects/${main.projectId}/contract`)).status).toBe(401);
      expect((await t.get(`/projects/${main.projectId}/contract`, { token: outsider.token })).status).toBe(404);
      expect((await pdfOf(main.projectId, outsider.token)).status).toBe(404);
    });
  });

  describe('POST /projects/:id/acceptance (验收测评)', () => {
    it('validates the acceptance (400 naming the field)', async () => {
      const path = `/projects/${main.projectId}/acceptance`;
      for (const [body, message] of [
        [acceptanceInput({ levelAfter: 5 }), /levelAfter: must be a digital level from 1 to 4/],
        [acceptanceInput({ result: 'maybe' }), /result: must be pass or fail/],
        [acceptanceInput({ roiPercent: 12.345 }), /roiPercent: must have at most two decimals/],
        [acceptanceInput({ reasons: '' }), /reasons: is required/],
        [acceptanceInput({ dataIntegration: undefined }), /dataIntegration/],
        [acceptanceInput({ evidence: [{ kind: 'photo', name: 'x.jpg' }] }), /evidence\.0\.kind: must be one of/],
        [acceptanceInput({ evidence: [{ kind: 'invoice', name: 'a.pdf', sha256: 'abc' }] }), /evidence\.0\.sha256: must be 64 hexadecimal/],
      ] as const) {
        const res = await t.post(path, body, { token: assessor.token });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(message);
      }
    });

    it('401 without a token, 403 for anyone but assessors, 404 for unknown projects', async () => {
      const path = `/projects/${main.projectId}/acceptance`;
      expect((await t.post(path, acceptanceInput())).status).toBe(401);
      for (const user of [main.enterpriseOwner, main.providerOwner, officer]) {
        expect((await t.post(path, acceptanceInput(), { token: user.token })).status).toBe(403);
      }
      expect((await t.post(`/projects/${UNKNOWN_ID}/acceptance`, acceptanceInput(), { token: assessor.token })).status).toBe(404);
    });

    it('a pass makes the project a case, sets the level, updates the provider record and notifies both parties once', async () => {
      const before = await t.get(`/providers/${main.provider.id}`, { token: outsider.token });
      expect(before.body.record).toMatchObject({ completedProjects: 0, acceptancePassRate: null });
      const outboxBefore = (await t.dataSource.getRepository(OutboxMessage).maximum('id')) ?? 0;

      // A pass rests on the evidence files: without them 409 naming what is missing, and nothing changes.
      const early = await t.post(`/projects/${main.projectId}/acceptance`, acceptanceInput(), { token: assessor.token });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'documents_missing' });
      expect(early.body.details.missing.map((m: { kind: string }) => m.kind)).toEqual(['test_report', 'data_integration']);
      expect(early.body.message).toContain('测试报告、数据贯通证明');
      expect((await t.get(`/projects/${main.projectId}`, { token: assessor.token })).body.status).toBe('active');
      await attachAcceptanceEvidence(t, main.projectId, assessor.token);

      // Every milestone done, or a reason for each one still open: 409 naming the open ones otherwise.
      const milestones = (await t.get(`/projects/${main.projectId}`, { token: assessor.token })).body.milestones;
      const open = milestones.filter((m: any) => m.status === 'planned' || m.status === 'in_progress');
      expect(open.length).toBeGreaterThan(1);
      const unexplained = await t.post(`/projects/${main.projectId}/acceptance`, acceptanceInput(), { token: assessor.token });
      expect(unexplained.status).toBe(409);
      expect(unexplained.body).toMatchObject({ code: 'milestones_open' });
      expect(unexplained.body.details.open.map((m: any) => m.id)).toEqual(open.map((m: any) => m.id));
      expect(unexplained.body.message).toContain(`“${open[0].title}”`);
      const partly = await t.post(
        `/projects/${main.projectId}/acceptance`,
        acceptanceInput({ openMilestones: [{ milestoneId: open[0].id, reason: '已书面确认转入运维期' }] }),
        { token: assessor.token },
      );
      expect(partly.status).toBe(409);
      expect(partly.body.details.open.map((m: any) => m.id)).toEqual(open.slice(1).map((m: any) => m.id));
      const foreign = await t.post(
        `/projects/${main.projectId}/acceptance`,
        acceptanceInput({ openMilestones: [{ milestoneId: UNKNOWN_ID, reason: '不存在' }] }),
        { token: assessor.token },
      );
      expect(foreign.status).toBe(400);
      expect(foreign.body.message).toContain('openMilestones.0.milestoneId');
      expect((await t.get(`/projects/${main.projectId}`, { token: assessor.token })).body.status).toBe('active');
      const reasons = await openMilestoneReasons(t, main.projectId, assessor.token);

      const res = await t.post(`/projects/${main.projectId}/acceptance`, acceptanceInput(reasons), { token: assessor.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ round: 1, result: 'pass', levelAfter: 3, roiPercent: 32.5, assessorId: assessor.id });
      expect(res.body.openMilestones.map((m: any) => [m.milestoneId, m.title])).toEqual(open.map((m: any) => [m.id, m.title]));
      expect(res.body.openMilestones[0].reason).toContain('转入运维期');
      expect(res.body.evidence).toEqual([
        { kind: 'contract', name: '改造服务合同.pdf', sha256: 'a'.repeat(64), sizeBytes: 204_800 },
        { kind: 'invoice', name: '增值税专用发票-001.pdf', sha256: null, sizeBytes: 51_200 },
        { kind: 'assessment_before', name: '改造前数字化水平评测报告.pdf', sha256: null, sizeBytes: null },
        { kind: 'assessment_after', name: '改造后数字化水平评测报告.pdf', sha256: null, sizeBytes: null },
      ]);

      const project = await t.get(`/projects/${main.projectId}`, { token: main.enterpriseOwner.token });
      expect(project.body).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
      expect(project.body.acceptances).toHaveLength(1);
      const need = await t.get(`/needs/${main.need.id}`, { token: main.enterpriseOwner.token });
      expect(need.body.status).toBe('closed');

      const cases = await t.get(`/providers/${main.provider.id}/cases`, { token: outsider.token });
      expect(cases.status).toBe(200);
      expect(cases.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(cases.body.items[0]).toMatchObject({
        projectId: main.projectId,
        enterpriseName: '沈阳北方风冷设备有限公司',
        levelBefore: null,
        levelAfter: 3,
        roiPercent: 32.5,
        applicationEffect: '设备综合效率提升12%，非计划停机下降30%。',
      });
      expect(cases.body.items[0]).not.toHaveProperty('priceFen');

      const provider = await t.get(`/providers/${main.provider.id}`, { token: outsider.token });
      expect(provider.body.record).toMatchObject({ completedProjects: 1, acceptancePassRate: 1 });
      const enterprise = await t.get(`/enterprises/${main.enterprise.id}`, { token: main.enterpriseOwner.token });
      expect(enterprise.body).toMatchObject({ digitalLevel: 3, digitalLevelSource: 'acceptance' });

      // The provider's change goes out as ProviderChanged: search re-indexes, matching re-ranks.
      const jobs = await t.dataSource
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where('m.id > :after', { after: outboxBefore })
        .getMany();
      expect(
        jobs.filter((j) => (j.payload as any)?.providerId === main.provider.id && (j.payload as any)?.change === 'profile').length,
      ).toBeGreaterThan(0);

      await t.drain();
      await t.drain();
      for (const user of [main.enterpriseOwner, main.providerOwner]) {
        const mine = await notificationsOf(user, 'acceptance.passed', main.projectId);
        expect(mine).toHaveLength(1);
        expect(mine[0].title).toContain('验收通过');
      }
      const audit = await t.get('/audit', {
        token: officer.token,
        query: { entityId: main.projectId, action: 'project.acceptance_passed' },
      });
      expect(audit.body.items).toHaveLength(1);
    });

    it('an accepted project is final: 409 naming the state on every change', async () => {
      const start = shanghaiDate(t.clock.now());
      const attempts = [
        await t.post(`/projects/${main.projectId}/acceptance`, acceptanceInput(), { token: assessor.token }),
        await t.post(`/projects/${main.projectId}/acceptance`, acceptanceInput({ result: 'fail' }), { token: assessor.token }),
        await t.post(`/projects/${main.projectId}/reports`, reportInput(), { token: assessor.token }),
        await t.post(
          `/projects/${main.projectId}/milestones`,
          { title: '补充', plannedDate: addDays(start, 5) },
          { token: main.enterpriseOwner.token },
        ),
        await t.post(`/projects/${main.projectId}/logs`, { content: '补充记录' }, { token: main.providerOwner.token }),
        await t.post(`/projects/${main.projectId}/cancel`, { reason: '测试' }, { token: officer.token }),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/a project that is accepted$/);
      }
      const { milestones } = (await t.get(`/projects/${main.projectId}`, { token: officer.token })).body;
      const open = milestones.find((m: any) => m.status === 'planned');
      const patch = await t.patch(
        `/projects/${main.projectId}/milestones/${open.id}`,
        { status: 'done' },
        { token: main.enterpriseOwner.token },
      );
      expect(patch.status).toBe(409);
      expect(patch.body.message).toMatch(/that is accepted/);
    });

    it('a failed acceptance sends the project to rework; a second acceptance may pass it', async () => {
      const second = await awardedProject(t, {
        provider: { owner: main.providerOwner, provider: main.provider },
        enterprise: { district: 'hunnan' },
      });
      const failed = await t.post(
        `/projects/${second.projectId}/acceptance`,
        acceptanceInput({ result: 'fail', levelAfter: 1, reasons: '数据未与ERP贯通，未达到合同约定', evidence: [] }),
        { token: assessor.token },
      );
      expect(failed.status).toBe(201);
      expect(failed.body).toMatchObject({ round: 1, result: 'fail' });
      let project = (await t.get(`/projects/${second.projectId}`, { token: second.enterpriseOwner.token })).body;
      expect(project.status).toBe('rework');
      let record = (await t.get(`/providers/${main.provider.id}`, { token: outsider.token })).body.record;
      expect(record).toMatchObject({ completedProjects: 1, acceptancePassRate: 0.5 });
      const enterprise = await t.get(`/enterprises/${second.enterprise.id}`, { token: second.enterpriseOwner.token });
      expect(enterprise.body.digitalLevelSource).not.toBe('acceptance');
      const cases = await t.get(`/providers/${main.provider.id}/cases`, { token: outsider.token });
      expect(cases.body.items.map((c: any) => c.projectId)).toEqual([main.projectId]);

      // The parties keep working during rework.
      const log = await t.post(
        `/projects/${second.projectId}/logs`,
        { kind: 'issue', content: '按验收意见完成ERP接口整改。' },
        { token: second.providerOwner.token },
      );
      expect(log.status).toBe(201);
      await t.drain();
      await t.drain();
      for (const user of [second.enterpriseOwner, second.providerOwner]) {
        const mine = await notificationsOf(user, 'acceptance.failed', second.projectId);
        expect(mine).toHaveLength(1);
        expect(mine[0].body).toContain('数据未与ERP贯通');
      }

      await attachAcceptanceEvidence(t, second.projectId, assessor.token);
      const passed = await t.post(
        `/projects/${second.projectId}/acceptance`,
        acceptanceInput({ levelAfter: 2, ...(await openMilestoneReasons(t, second.projectId, assessor.token)) }),
        { token: assessor.token },
      );
      expect(passed.status).toBe(201);
      expect(passed.body).toMatchObject({ round: 2, result: 'pass' });
      project = (await t.get(`/projects/${second.projectId}`, { token: second.enterpriseOwner.token })).body;
      expect(project.status).toBe('accepted');
      expect(project.acceptances.map((a: any) => [a.round, a.result])).toEqual([
        [1, 'fail'],
        [2, 'pass'],
      ]);
      record = (await t.get(`/providers/${main.provider.id}`, { token: outsider.token })).body.record;
      expect(record.completedProjects).toBe(2);
      expect(record.acceptancePassRate).toBeCloseTo(2 / 3, 10);
      const allCases = await t.get(`/providers/${main.provider.id}/cases`, { token: outsider.token });
      expect(allCases.body.total).toBe(2);
      expect(new Set(allCases.body.items.map((c: any) => c.projectId))).toEqual(new Set([main.projectId, second.projectId]));
    });
  });

  describe('GET /providers/:id/cases', () => {
    it('is empty for a provider without accepted projects, paginates, and is open to visitors (the portal)', async () => {
      const fresh = await approvedProvider(t);
      const res = await t.get(`/providers/${fresh.provider.id}/cases`, { token: outsider.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      const paged = await t.get(`/providers/${main.provider.id}/cases`, { token: outsider.token, query: { pageSize: 1, page: 2 } });
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items).toHaveLength(1);
      expect((await t.get(`/providers/${main.provider.id}/cases`)).status).toBe(200);
    });

    it('400 for a malformed id or paging, 404 for unknown and unapproved providers', async () => {
      expect((await t.get('/providers/xyz/cases', { token: outsider.token })).status).toBe(400);
      expect((await t.get(`/providers/${main.provider.id}/cases`, { token: outsider.token, query: { pageSize: 0 } })).status).toBe(400);
      expect((await t.get(`/providers/${UNKNOWN_ID}/cases`, { token: outsider.token })).status).toBe(404);
      const pendingOwner = await registerUser(t, 'pending');
      const pending = await createProvider(t, pendingOwner);
      expect((await t.get(`/providers/${pending.id}/cases`, { token: outsider.token })).status).toBe(404);
      expect((await t.get(`/providers/${pending.id}/cases`, { token: pendingOwner.token })).status).toBe(200);
    });
  });

  describe('POST /projects/:id/cancel', () => {
    it('a city officer stops a running project with a reason; the parties are told; cancelled is final', async () => {
      const doomed = await awardedProject(t);
      expect((await t.post(`/projects/${doomed.projectId}/cancel`, {}, { token: officer.token })).status).toBe(400);
      expect((await t.post(`/projects/${doomed.projectId}/cancel`, { reason: '企业退出试点' })).status).toBe(401);
      expect(
        (await t.post(`/projects/${doomed.projectId}/cancel`, { reason: '企业退出试点' }, { token: doomed.enterpriseOwner.token })).status,
      ).toBe(403);
      expect((await t.post(`/projects/${UNKNOWN_ID}/cancel`, { reason: '企业退出试点' }, { token: officer.token })).status).toBe(404);
      const res = await t.post(`/projects/${doomed.projectId}/cancel`, { reason: '企业退出试点' }, { token: officer.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      const again = await t.post(`/projects/${doomed.projectId}/cancel`, { reason: '再次' }, { token: officer.token });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('cannot cancel a project that is cancelled');
      const acceptance = await t.post(`/projects/${doomed.projectId}/acceptance`, acceptanceInput(), { token: assessor.token });
      expect(acceptance.status).toBe(409);
      expect(acceptance.body.message).toMatch(/that is cancelled/);
      await t.drain();
      expect(await notificationsOf(doomed.providerOwner, 'project.cancelled', doomed.projectId)).toHaveLength(1);
    });
  });

  // Last: it moves the clock weeks ahead for the whole app.
  describe('overdue milestones (scheduled job)', () => {
    it('tells both parties once per overdue milestone, and again only after a re-planned date slips', async () => {
      const late = await awardedProject(t, { award: { deliveryDays: 30 } });
      await t.drain();
      expect(await notificationsOf(late.enterpriseOwner, 'milestone.overdue', late.projectId)).toEqual([]);

      // 需求调研 is due on day 5 of 30; on day 7 it is overdue, the others are not.
      t.clock.advance(7 * DAY);
      await t.drain();
      await t.drain();
      for (const user of [late.enterpriseOwner, late.providerOwner]) {
        const mine = await notificationsOf(user, 'milestone.overdue', late.projectId);
        expect(mine).toHaveLength(1);
        expect(mine[0].title).toBe('里程碑“需求调研”已逾期');
      }
      const project = (await t.get(`/projects/${late.projectId}`, { token: late.enterpriseOwner.token })).body;
      expect(project.milestones.map((m: any) => m.overdue)).toEqual([true, false, false, false]);

      // Later runs of the hourly job do not repeat it.
      t.clock.advance(2 * 3600_000);
      await t.drain();
      await t.drain();
      expect(await notificationsOf(late.enterpriseOwner, 'milestone.overdue', late.projectId)).toHaveLength(1);

      // Re-planned to tomorrow, then slipping again: reported again.
      const today = shanghaiDate(t.clock.now());
      const first = project.milestones[0];
      const replanned = await t.patch(
        `/projects/${late.projectId}/milestones/${first.id}`,
        { plannedDate: addDays(today, 1) },
        { token: late.providerOwner.token },
      );
      expect(replanned.body.overdue).toBe(false);
      t.clock.advance(2 * DAY);
      await t.drain();
      await t.drain();
      expect(await notificationsOf(late.enterpriseOwner, 'milestone.overdue', late.projectId)).toHaveLength(2);

      // A milestone that is done is never overdue.
      await t.patch(`/projects/${late.projectId}/milestones/${first.id}`, { status: 'done' }, { token: late.providerOwner.token });
      t.clock.advance(2 * 3600_000);
      await t.drain();
      await t.drain();
      expect(await notificationsOf(late.providerOwner, 'milestone.overdue', late.projectId)).toHaveLength(2);
    });
  });

  it('left no background job failed', async () => {
    await t.drain();
    const dead = await t.dataSource.getRepository(OutboxMessage).find({ where: { status: 'dead' } });
    expect(dead.map((m) => `${m.job}: ${m.lastError}`)).toEqual([]);
  });
});
