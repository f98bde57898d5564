import { DirectoryService } from '@smedx/directory';
import { OutboxMessage, UnitOfWork } from '@smedx/platform';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, cityOfficer, createEnterprise } from '../factories/directory.js';
import { bestAnswers, fileDiagnosis, level2Answers, level3Answers, worstAnswers } from '../factories/diagnosis.js';
import { publishedNeed } from '../factories/demand.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('diagnosis: MIIT questionnaire, official level, data rights, common and individual needs', () => {
  let t: TestApp;
  let officer: TestUser;
  let tiexiOfficer: TestUser;
  let hunnanOfficer: TestUser;
  let assessor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await cityOfficer(t);
    tiexiOfficer = await userWithRole(t, 'district_officer', 'tiexi');
    hunnanOfficer = await userWithRole(t, 'district_officer', 'hunnan');
    assessor = await userWithRole(t, 'assessor');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A new owner and their enterprise (machine tools, Tiexi unless overridden); `pilot` enrols it in batch 1. */
  async function enterprise(overrides: Record<string, unknown> = {}, pilot = false): Promise<{ owner: TestUser; e: any }> {
    const owner = await registerUser(t, 'enterprise');
    const e = await createEnterprise(t, owner, overrides);
    if (pilot) {
      const res = await t.post(`/enterprises/${e.id}/pilot`, { batch: 'batch1' }, { token: officer.token });
      expect(res.status).toBe(201);
    }
    return { owner, e };
  }

  async function levelOf(owner: TestUser, enterpriseId: string) {
    const res = await t.get(`/enterprises/${enterpriseId}`, { token: owner.token });
    expect(res.status).toBe(200);
    return { level: res.body.digitalLevel, source: res.body.digitalLevelSource };
  }

  describe('questionnaire', () => {
    it('serves the keyed questionnaire to any signed-in user, not anonymously', async () => {
      const user = await registerUser(t);
      const res = await t.get('/diagnoses/questionnaire', { token: user.token });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe('2024');
      expect(res.body.dimensions.map((d: any) => [d.key, d.maxScore])).toEqual([
        ['foundation', 50],
        ['management', 30],
        ['results', 20],
      ]);
      const questions = res.body.dimensions.flatMap((d: any) => d.groups.flatMap((g: any) => g.questions));
      expect(questions).toHaveLength(15);
      expect(questions[0]).toMatchObject({
        key: 'network',
        indicator: '网络建设',
        type: 'multiple',
        maxScore: 8,
        options: expect.arrayContaining([{ key: 'A', text: '无', score: 0, exclusive: true }]),
        need: { title: expect.any(String), scenarios: ['network'] },
      });
      expect(res.body.scenes).toHaveLength(16);
      expect(res.body.scenes[0]).toMatchObject({ code: 'product_design', title: '产品设计', levels: expect.any(Array) });
      expect(res.body.levels.map((l: any) => [l.level, l.minScore])).toEqual([
        [1, 20],
        [2, 40],
        [3, 60],
        [4, 80],
      ]);
      expect((await t.get('/diagnoses/questionnaire')).status).toBe(401);
    });
  });

  it('documents the diagnosis routes in OpenAPI, with the body schema', async () => {
    const docs = await t.get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/enterprises/{id}/diagnoses', '/api/v1/diagnoses/questionnaire', '/api/v1/diagnoses/common-needs']),
    );
    const post = docs.body.paths['/api/v1/enterprises/{id}/diagnoses'].post;
    expect(post.tags).toEqual(['diagnosis']);
    expect(post.requestBody.content['application/json'].schema.properties).toHaveProperty('answers');
  });

  describe('filing', () => {
    it("an assessor's on-site assessment sets the official level, shown on the enterprise and audited", async () => {
      const { owner, e } = await enterprise({}, true);
      const res = await t.post(`/enterprises/${e.id}/diagnoses`, { answers: level2Answers() }, { token: assessor.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        enterpriseId: e.id,
        kind: 'assessment',
        official: true,
        advisoryReason: null,
        questionnaireVersion: '2024',
        score: 40,
        level: 2,
        belowLevelOne: false,
        filedBy: assessor.id,
        createdAt: expect.any(String),
      });
      expect(res.body.weakest.map((w: any) => w.key)).toEqual(['digital_planning', 'management_rules', 'digital_talent']);
      expect(res.body.suggestions.map((s: any) => [s.basis, s.scenarios])).toEqual([
        ['energy_intensity', ['energy']],
        ['product_quality', ['quality']],
        ['network_security', ['network_security']],
      ]);
      expect(res.body.suggestions[0].title).toBe('能耗监测与节能降耗数字化改造');
      expect(res.body.dimensions.map((d: any) => [d.key, d.score])).toEqual([
        ['foundation', 40],
        ['management', 0],
        ['results', 0],
      ]);
      expect(await levelOf(owner, e.id)).toEqual({ level: 2, source: 'assessment' });

      await t.drain();
      const audit = await t.get('/audit', { token: officer.token, query: { entityId: e.id, action: 'diagnosis.assessed' } });
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        actorId: assessor.id,
        data: {
          diagnosisId: res.body.id,
          kind: 'assessment',
          official: true,
          score: 40,
          level: 2,
          before: { level: null, source: null },
          after: { level: 2, source: 'assessment' },
        },
      });
    });

    it("a pilot enterprise's self-check is advisory: stored, the level left alone", async () => {
      const { owner, e } = await enterprise({}, true);
      const res = await t.post(`/enterprises/${e.id}/diagnoses`, { answers: level3Answers() }, { token: owner.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'self_check', official: false, advisoryReason: 'pilot_enterprise', score: 60, level: 3 });
      expect(await levelOf(owner, e.id)).toEqual({ level: null, source: null });

      await t.drain();
      const audit = await t.get('/audit', { token: officer.token, query: { entityId: e.id, action: 'diagnosis.self_checked' } });
      expect(audit.body.items[0]).toMatchObject({
        actorId: owner.id,
        data: { official: false, advisoryReason: 'pilot_enterprise', after: { level: null, source: null } },
      });
    });

    it("a non-pilot enterprise's self-check sets the level until an assessor has assessed it", async () => {
      const { owner, e } = await enterprise();
      const first = await fileDiagnosis(t, owner, e.id, { kind: 'self_check', answers: level3Answers() });
      expect(first).toMatchObject({ kind: 'self_check', official: true, advisoryReason: null, level: 3 });
      expect(await levelOf(owner, e.id)).toEqual({ level: 3, source: 'self_check' });

      const later = await fileDiagnosis(t, owner, e.id, { answers: bestAnswers() });
      expect(later).toMatchObject({ kind: 'self_check', official: true, score: 100, level: 4, weakest: [], suggestions: [] });
      expect(await levelOf(owner, e.id)).toEqual({ level: 4, source: 'self_check' });

      const assessed = await fileDiagnosis(t, assessor, e.id, { kind: 'assessment', answers: level2Answers() });
      expect(assessed).toMatchObject({ official: true, level: 2 });
      expect(await levelOf(owner, e.id)).toEqual({ level: 2, source: 'assessment' });

      const after = await fileDiagnosis(t, owner, e.id, { kind: 'self_check', answers: bestAnswers() });
      expect(after).toMatchObject({ official: false, advisoryReason: 'assessed', level: 4 });
      expect(await levelOf(owner, e.id)).toEqual({ level: 2, source: 'assessment' });
    });

    it('leaves a level found at acceptance alone on a later self-check', async () => {
      const { owner, e } = await enterprise();
      await t.app.get(UnitOfWork).run((tx) => t.app.get(DirectoryService).setDigitalLevel(tx, e.id, 3, 'acceptance'));
      const res = await fileDiagnosis(t, owner, e.id, { answers: bestAnswers() });
      expect(res).toMatchObject({ official: false, advisoryReason: 'assessed', level: 4 });
      expect(await levelOf(owner, e.id)).toEqual({ level: 3, source: 'acceptance' });
    });

    it('scores a questionnaire below 20 as level 1 marked belowLevelOne', async () => {
      const { owner, e } = await enterprise();
      const res = await fileDiagnosis(t, owner, e.id, { answers: worstAnswers() });
      expect(res).toMatchObject({ score: 0, level: 1, belowLevelOne: true, official: true });
      expect(res.weakest.map((w: any) => w.key)).toEqual(['data_collection', 'information_systems', 'network']);
      expect(await levelOf(owner, e.id)).toEqual({ level: 1, source: 'self_check' });
    });

    it('records graded business scenes and suggests their next level', async () => {
      const { owner, e } = await enterprise();
      const res = await fileDiagnosis(t, owner, e.id, { answers: bestAnswers(), sceneLevels: { planning_scheduling: 1, quality: 3 } });
      expect(res.sceneLevels).toEqual({ planning_scheduling: 1, quality: 3 });
      expect(res.weakest.map((w: any) => [w.kind, w.key, w.level])).toEqual([
        ['scene', 'planning_scheduling', 1],
        ['scene', 'quality', 3],
      ]);
      expect(res.suggestions[0]).toMatchObject({ title: '计划排程数字化提升（1级→2级）', scenarios: ['planning_scheduling'] });
    });

    it('refuses bad answers with 400 naming each field, storing nothing and leaving the level alone', async () => {
      const { owner, e } = await enterprise();
      const res = await t.post(
        `/enterprises/${e.id}/diagnoses`,
        {
          answers: { ...worstAnswers(), network: ['A', 'B'], device_networking: 'Z', cloud: 'B', information_systems: undefined },
          sceneLevels: { network: 2 },
        },
        { token: owner.token },
      );
      expect(res.status).toBe(400);
      const fields = res.body.details.problems.map((p: any) => p.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'answers.network',
          'answers.device_networking',
          'answers.cloud',
          'answers.information_systems',
          'sceneLevels.network',
        ]),
      );
      expect(res.body.message).toContain('answers.network: option A (无) cannot be chosen with other options');
      expect(res.body.message).toContain('answers.information_systems: is required');

      const shape = await t.post(
        `/enterprises/${e.id}/diagnoses`,
        { answers: { network: 3 }, sceneLevels: { quality: 7 } },
        { token: owner.token },
      );
      expect(shape.status).toBe(400);
      expect(shape.body.details.problems.map((p: any) => p.field)).toEqual(['answers.network', 'sceneLevels.quality']);
      expect(
        (await t.post(`/enterprises/${e.id}/diagnoses`, { kind: 'audit', answers: bestAnswers() }, { token: owner.token })).status,
      ).toBe(400);

      const list = await t.get(`/enterprises/${e.id}/diagnoses`, { token: owner.token });
      expect(list.body.total).toBe(0);
      expect(await levelOf(owner, e.id)).toEqual({ level: null, source: null });
    });

    it('answers 401 anonymously, 403 to non-members and non-assessors, 404 for an unknown enterprise', async () => {
      const { owner, e } = await enterprise();
      const { owner: other } = await enterprise();
      const body = { answers: bestAnswers() };
      expect((await t.post(`/enterprises/${e.id}/diagnoses`, body)).status).toBe(401);
      const stranger = await t.post(`/enterprises/${e.id}/diagnoses`, body, { token: other.token });
      expect(stranger.status).toBe(403);
      expect(stranger.body.code).toBe('not_enterprise_member');
      const notAssessor = await t.post(`/enterprises/${e.id}/diagnoses`, { ...body, kind: 'assessment' }, { token: owner.token });
      expect(notAssessor.status).toBe(403);
      expect(notAssessor.body.code).toBe('not_assessor');
      expect((await t.post(`/enterprises/${e.id}/diagnoses`, body, { token: officer.token })).status).toBe(403);
      expect((await t.post(`/enterprises/${UNKNOWN_ID}/diagnoses`, body, { token: assessor.token })).status).toBe(404);
      expect((await t.post(`/enterprises/not-a-uuid/diagnoses`, body, { token: assessor.token })).status).toBe(400);
      expect(await levelOf(owner, e.id)).toEqual({ level: null, source: null });
    });
  });

  describe('reading', () => {
    it('lists newest first to members, officers in scope and assessors; 403 to others; 401 anonymously', async () => {
      const { owner, e } = await enterprise({ district: 'tiexi' });
      const older = await fileDiagnosis(t, owner, e.id, { answers: worstAnswers() });
      const newer = await fileDiagnosis(t, assessor, e.id, { answers: level2Answers() });

      const res = await t.get(`/enterprises/${e.id}/diagnoses`, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(res.body.items.map((d: any) => [d.id, d.kind, d.official, d.score, d.level])).toEqual([
        [newer.id, 'assessment', true, 40, 2],
        [older.id, 'self_check', true, 0, 1],
      ]);
      expect(res.body.items[0]).toMatchObject({ weakest: newer.weakest, suggestions: newer.suggestions, createdAt: newer.createdAt });
      expect(
        (await t.get(`/enterprises/${e.id}/diagnoses`, { token: owner.token, query: { pageSize: 1, page: 2 } })).body.items[0].id,
      ).toBe(older.id);

      for (const reader of [assessor, officer, tiexiOfficer]) {
        expect((await t.get(`/enterprises/${e.id}/diagnoses`, { token: reader.token })).status).toBe(200);
      }
      const { owner: other } = await enterprise();
      for (const outsider of [hunnanOfficer, other]) {
        expect((await t.get(`/enterprises/${e.id}/diagnoses`, { token: outsider.token })).status).toBe(403);
      }
      expect((await t.get(`/enterprises/${e.id}/diagnoses`)).status).toBe(401);
      expect((await t.get(`/enterprises/${UNKNOWN_ID}/diagnoses`, { token: assessor.token })).status).toBe(404);
    });

    it('lets a provider read with the diagnosis consent and stops when it is revoked', async () => {
      const { owner, e } = await enterprise();
      await fileDiagnosis(t, owner, e.id, { answers: level3Answers() });
      const { owner: providerOwner, provider } = await approvedProvider(t);
      const read = () => t.get(`/enterprises/${e.id}/diagnoses`, { token: providerOwner.token });
      const denied = await read();
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('no_diagnosis_consent');

      const needsOnly = await t.post(
        `/enterprises/${e.id}/consents`,
        { granteeOrganisationId: provider.id, scopes: ['need_details'] },
        { token: owner.token },
      );
      expect(needsOnly.status).toBe(201);
      expect((await read()).status).toBe(403);
      expect((await t.call('DELETE', `/enterprises/${e.id}/consents/${needsOnly.body.id}`, { token: owner.token })).status).toBe(200);

      const granted = await t.post(
        `/enterprises/${e.id}/consents`,
        { granteeOrganisationId: provider.id, scopes: ['diagnosis'] },
        { token: owner.token },
      );
      expect(granted.status).toBe(201);
      const allowed = await read();
      expect(allowed.status).toBe(200);
      expect(allowed.body.items).toHaveLength(1);
      expect(allowed.body.items[0]).toMatchObject({ score: 60, level: 3 });

      expect((await t.call('DELETE', `/enterprises/${e.id}/consents/${granted.body.id}`, { token: owner.token })).status).toBe(200);
      expect((await read()).status).toBe(403);
    });

    it('lets a chain leader enterprise read with the diagnosis consent', async () => {
      const { owner, e } = await enterprise();
      await fileDiagnosis(t, owner, e.id, { answers: level2Answers() });
      const { owner: leaderOwner, e: leader } = await enterprise({ name: '沈阳鼓风机集团股份有限公司' });
      const marked = await t.post(`/enterprises/${leader.id}/chain-leader`, { reason: '风机产业链链主' }, { token: officer.token });
      expect(marked.status).toBe(200);
      expect((await t.get(`/enterprises/${e.id}/diagnoses`, { token: leaderOwner.token })).status).toBe(403);
      const granted = await t.post(
        `/enterprises/${e.id}/consents`,
        { granteeOrganisationId: leader.id, scopes: ['diagnosis'] },
        { token: owner.token },
      );
      expect(granted.status).toBe(201);
      expect((await t.get(`/enterprises/${e.id}/diagnoses`, { token: leaderOwner.token })).status).toBe(200);
    });
  });

  describe('common and individual needs', () => {
    let tiexiA: any;
    let tiexiB: any;
    let hunnanC: any;

    beforeAll(async () => {
      const a = await enterprise({ industry: 'auto_parts', district: 'tiexi', name: '沈阳甲汽车零部件有限公司' });
      const b = await enterprise({ industry: 'auto_parts', district: 'tiexi', name: '沈阳乙汽车零部件有限公司' });
      const c = await enterprise({ industry: 'auto_parts', district: 'hunnan', name: '沈阳丙汽车零部件有限公司' });
      const other = await enterprise({ industry: 'machine_tool' });
      [tiexiA, tiexiB, hunnanC] = [a.e, b.e, c.e];
      // A's first diagnosis (network among its weakest) is superseded: only the latest of each enterprise counts.
      await fileDiagnosis(t, a.owner, tiexiA.id, { answers: worstAnswers() });
      await fileDiagnosis(t, assessor, tiexiA.id, { answers: level2Answers() });
      await fileDiagnosis(t, b.owner, tiexiB.id, { answers: level3Answers() });
      await fileDiagnosis(t, c.owner, hunnanC.id, { answers: { ...bestAnswers(), network: ['B'] }, sceneLevels: { quality: 1 } });
      await fileDiagnosis(t, other.owner, other.e.id, { answers: level2Answers() });
    });

    it("lists an industry's shared weaknesses with counts, and each enterprise's other suggestions", async () => {
      const res = await t.get('/diagnoses/common-needs', { token: officer.token, query: { industry: 'auto_parts' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ industry: { code: 'auto_parts', name: '汽车零部件及配件制造' }, district: null, minShare: 0.3 });
      expect(res.body.diagnosedEnterprises).toBe(3);
      expect(res.body.commonNeeds.map((c: any) => [c.key, c.count, c.share])).toEqual([
        ['digital_planning', 2, 0.667],
        ['management_rules', 2, 0.667],
        ['digital_talent', 2, 0.667],
      ]);
      const items = res.body.individualNeeds.items;
      expect(res.body.individualNeeds).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(items.map((i: any) => [i.enterpriseId, i.enterpriseName, i.score, i.kind])).toEqual([
        [tiexiA.id, '沈阳甲汽车零部件有限公司', 40, 'assessment'],
        [tiexiB.id, '沈阳乙汽车零部件有限公司', 60, 'self_check'],
        [hunnanC.id, '沈阳丙汽车零部件有限公司', 94, 'self_check'],
      ]);
      expect(items[0].needs.map((n: any) => n.basis)).toEqual(['energy_intensity', 'product_quality', 'network_security']);
      expect(items[2].needs.map((n: any) => [n.kind, n.basis])).toEqual([
        ['indicator', 'network'],
        ['scene', 'quality'],
      ]);

      const strict = await t.get('/diagnoses/common-needs', { token: assessor.token, query: { industry: 'auto_parts', minShare: 0.9 } });
      expect(strict.body.commonNeeds).toEqual([]);
      expect(strict.body.individualNeeds.items[0].needs).toHaveLength(3);
    });

    it("keeps a district officer to their district's enterprises", async () => {
      const own = await t.get('/diagnoses/common-needs', { token: tiexiOfficer.token, query: { industry: 'auto_parts' } });
      expect(own.status).toBe(200);
      expect(own.body.diagnosedEnterprises).toBe(2);
      expect(own.body.commonNeeds.map((c: any) => [c.key, c.count, c.share])[0]).toEqual(['digital_planning', 2, 1]);
      expect(own.body.individualNeeds.items.map((i: any) => i.enterpriseId)).toEqual([tiexiA.id, tiexiB.id]);
      expect(
        (await t.get('/diagnoses/common-needs', { token: tiexiOfficer.token, query: { industry: 'auto_parts', district: 'hunnan' } }))
          .status,
      ).toBe(403);

      const hunnan = await t.get('/diagnoses/common-needs', {
        token: officer.token,
        query: { industry: 'auto_parts', district: 'hunnan' },
      });
      expect(hunnan.body).toMatchObject({ district: 'hunnan', diagnosedEnterprises: 1, commonNeeds: [] });
    });

    it('answers 400 without a known industry, 403 to users without an officer or assessor role, 401 anonymously', async () => {
      const missing = await t.get('/diagnoses/common-needs', { token: officer.token });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toContain('industry: is required');
      expect((await t.get('/diagnoses/common-needs', { token: officer.token, query: { industry: 'shipbuilding' } })).status).toBe(400);
      const owner = await registerUser(t);
      expect((await t.get('/diagnoses/common-needs', { token: owner.token, query: { industry: 'auto_parts' } })).status).toBe(403);
      expect((await t.get('/diagnoses/common-needs', { query: { industry: 'auto_parts' } })).status).toBe(401);
    });
  });

  describe('a new level reaches search and matching', () => {
    it("re-indexes the enterprise's published needs with the level an assessment set", async () => {
      const { owner, e } = await enterprise({ industry: 'air_cooling', district: 'hunnan' });
      const need = await publishedNeed(t, owner, e.id, { title: '风冷机组车间能耗监测改造' });
      await t.drain();
      const atLevel = async (level: number) =>
        (await t.get('/search/needs', { query: { q: '风冷机组车间能耗监测', level, pageSize: 50 } })).body.hits.map((h: any) => h.id);
      expect(await atLevel(3)).not.toContain(need.id);
      const filed = await fileDiagnosis(t, assessor, e.id, { answers: level3Answers() });
      expect(filed.level).toBe(3);
      await t.drain();
      expect(await atLevel(3)).toContain(need.id);
      // And its needs are ranked again on the new level, by a job run once for the change.
      const rematches = (await t.dataSource.getRepository(OutboxMessage).find({ where: { job: 'matching.rematch-enterprise' } })).filter(
        (m) => (m.payload as { enterpriseId: string }).enterpriseId === e.id,
      );
      expect(rematches.map((m) => [(m.payload as { change: string }).change, m.status])).toEqual([['level', 'done']]);
    });
  });
});
