import { DirectoryService } from '@smedx/directory';
import { Membership } from '@smedx/identity';
import { UnitOfWork } from '@smedx/platform';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import {
  approvedProvider,
  attachLicence,
  cityOfficer,
  createEnterprise,
  createProvider,
  enterpriseInput,
  providerInput,
  validUscc,
} from '../factories/directory.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PRIVATE_ENTERPRISE_FIELDS = ['uscc', 'employees', 'annualRevenueFen', 'isLittleGiantFunded', 'inPilot2022', 'isSpecialised'];

/** A USCC with its check character replaced by another valid one. */
function wrongCheckCharacter(uscc: string): string {
  const last = uscc.charAt(17);
  return uscc.slice(0, 17) + (last === '0' ? '1' : '0');
}

describe('directory: enterprises, pilot pool, data rights, providers and selection', () => {
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

  async function auditOf(entityId: string, action: string) {
    await t.drain();
    const res = await t.get('/audit', { token: officer.token, query: { entityId, action } });
    expect(res.status).toBe(200);
    return res.body.items as any[];
  }

  describe('enterprises', () => {
    it('registers an enterprise and makes the creator its owner', async () => {
      const owner = await registerUser(t);
      const input = enterpriseInput({ name: '沈阳精工机床有限公司' });
      const res = await t.post('/enterprises', input, { token: owner.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ...input,
        id: expect.any(String),
        status: 'active',
        digitalLevel: null,
        isChainLeader: false,
        pilotBatch: null,
        enrolmentBasis: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const me = await t.get('/auth/me', { token: owner.token });
      expect(me.body.memberships).toEqual([{ organisationId: res.body.id, kind: 'enterprise', role: 'owner' }]);

      const audit = await auditOf(res.body.id, 'enterprise.registered');
      expect(audit[0]).toMatchObject({ actorId: owner.id, data: { annualRevenueFen: input.annualRevenueFen, isLittleGiantFunded: false } });
    });

    it('defaults the optional figures and flags', async () => {
      const owner = await registerUser(t);
      const res = await t.post(
        '/enterprises',
        { name: '沈阳小微传动厂', uscc: validUscc(), industry: 'transmission', district: 'faku', scale: 'below' },
        { token: owner.token },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        employees: null,
        annualRevenueFen: null,
        isLittleGiantFunded: false,
        inPilot2022: false,
        isSpecialised: false,
      });
    });

    it('rejects invalid input with 400 naming the field and the reason', async () => {
      const owner = await registerUser(t);
      const post = (overrides: Record<string, unknown>) => t.post('/enterprises', enterpriseInput(overrides), { token: owner.token });

      const check = await post({ uscc: wrongCheckCharacter(validUscc()) });
      expect(check.status).toBe(400);
      expect(check.body.message).toMatch(/^uscc: wrong check character/);
      const length = await post({ uscc: validUscc().slice(0, 17) });
      expect(length.status).toBe(400);
      expect(length.body.message).toMatch(/^uscc: a USCC has 18 characters, got 17/);
      const letter = await post({ uscc: 'I' + validUscc().slice(1) });
      expect(letter.body.message).toMatch(/^uscc: illegal character 'I'/);

      expect((await post({ industry: 'shipbuilding' })).body.message).toMatch(/^industry: unknown industry code "shipbuilding"/);
      expect((await post({ district: 'pudong' })).body.message).toMatch(/^district: unknown district code "pudong"/);
      expect((await post({ scale: 'huge' })).body.message).toMatch(/^scale: /);
      expect((await post({ annualRevenueFen: 12.5 })).body.message).toMatch(/^annualRevenueFen: must be an integer/);
      expect((await post({ employees: -1 })).body.message).toMatch(/^employees: must not be negative/);
      expect((await post({ isLittleGiantFunded: 'yes' })).body.message).toMatch(/^isLittleGiantFunded: /);
      const missing = await t.post('/enterprises', { uscc: validUscc() }, { token: owner.token });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toMatch(/name: /);
      expect(missing.body.message).toMatch(/industry: is required/);
    });

    it('refuses a USCC that is already registered with 409 uscc_taken', async () => {
      const owner = await registerUser(t);
      const first = await createEnterprise(t, owner);
      const dup = await t.post('/enterprises', enterpriseInput({ uscc: first.uscc }), { token: owner.token });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'uscc_taken', message: expect.stringMatching(/^uscc: /) });
    });

    it('requires a token on every enterprise route', async () => {
      const owner = await registerUser(t);
      const e = await createEnterprise(t, owner);
      expect((await t.post('/enterprises', enterpriseInput())).status).toBe(401);
      expect((await t.get('/enterprises')).status).toBe(401);
      expect((await t.get(`/enterprises/${e.id}`)).status).toBe(401);
      expect((await t.patch(`/enterprises/${e.id}`, { name: 'x' })).status).toBe(401);
    });

    it('shows private fields only to members, city officers, the district officer, assessors and admins', async () => {
      const owner = await registerUser(t);
      const stranger = await registerUser(t);
      const e = await createEnterprise(t, owner, { district: 'tiexi' });
      const full = async (token: string) => {
        const res = await t.get(`/enterprises/${e.id}`, { token });
        expect(res.status).toBe(200);
        return res.body;
      };
      for (const token of [owner.token, officer.token, tiexiOfficer.token, assessor.token]) {
        expect(await full(token)).toMatchObject({ uscc: e.uscc, annualRevenueFen: e.annualRevenueFen, isSpecialised: true });
      }
      for (const token of [stranger.token, hunnanOfficer.token]) {
        const body = await full(token);
        expect(body).toMatchObject({
          id: e.id,
          name: e.name,
          industry: e.industry,
          district: 'tiexi',
          scale: 'above',
          digitalLevel: null,
          isChainLeader: false,
          pilotBatch: null,
        });
        for (const field of PRIVATE_ENTERPRISE_FIELDS) expect(body).not.toHaveProperty(field);
      }
      expect((await t.get(`/enterprises/${UNKNOWN_ID}`, { token: owner.token })).status).toBe(404);
      const malformed = await t.get('/enterprises/not-a-uuid', { token: owner.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/must be a UUID/);
    });

    it('lets members change the profile and audits USCC, revenue and eligibility flag changes', async () => {
      const owner = await registerUser(t);
      const colleague = await registerUser(t);
      const e = await createEnterprise(t, owner, { annualRevenueFen: 100_000_00, inPilot2022: false });
      // A plain member, not an owner, may change the profile too.
      await t.dataSource
        .getRepository(Membership)
        .insert({ organisationId: e.id, organisationKind: 'enterprise', userId: colleague.id, role: 'member' });

      const newUscc = validUscc();
      const res = await t.patch(
        `/enterprises/${e.id}`,
        { name: '沈阳精工机床股份有限公司', uscc: newUscc, annualRevenueFen: 250_000_00, inPilot2022: true },
        { token: colleague.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: '沈阳精工机床股份有限公司', uscc: newUscc, annualRevenueFen: 250_000_00, inPilot2022: true });

      const [entry] = await auditOf(e.id, 'enterprise.updated');
      expect(entry).toMatchObject({
        actorId: colleague.id,
        data: {
          before: { uscc: e.uscc, annualRevenueFen: 100_000_00, inPilot2022: false },
          after: { uscc: newUscc, annualRevenueFen: 250_000_00, inPilot2022: true },
        },
      });
      expect(entry.data.before).not.toHaveProperty('isSpecialised');

      // A name-only change is not a money or eligibility figure: nothing more is audited.
      expect((await t.patch(`/enterprises/${e.id}`, { name: '沈阳精工' }, { token: owner.token })).status).toBe(200);
      expect(await auditOf(e.id, 'enterprise.updated')).toHaveLength(1);
    });

    it('refuses profile changes from anyone else, and invalid or conflicting changes', async () => {
      const owner = await registerUser(t);
      const stranger = await registerUser(t);
      const e = await createEnterprise(t, owner, { district: 'tiexi' });
      const other = await createEnterprise(t, stranger);

      for (const token of [stranger.token, officer.token, tiexiOfficer.token]) {
        const res = await t.patch(`/enterprises/${e.id}`, { name: '别人的公司' }, { token });
        expect(res.status).toBe(403);
      }
      expect((await t.patch(`/enterprises/${UNKNOWN_ID}`, { name: 'x' }, { token: owner.token })).status).toBe(404);

      const bad = await t.patch(`/enterprises/${e.id}`, { uscc: wrongCheckCharacter(e.uscc) }, { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^uscc: wrong check character/);
      const empty = await t.patch(`/enterprises/${e.id}`, {}, { token: owner.token });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/at least one field/);
      const taken = await t.patch(`/enterprises/${e.id}`, { uscc: other.uscc }, { token: owner.token });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('uscc_taken');
      // Setting the USCC it already has is no conflict.
      expect((await t.patch(`/enterprises/${e.id}`, { uscc: e.uscc }, { token: owner.token })).status).toBe(200);
    });

    it('lists enterprises with filters and pagination, each in the form the caller may see', async () => {
      const owner = await registerUser(t);
      const stranger = await registerUser(t);
      const mine = await createEnterprise(t, owner, {
        name: '康平风冷设备制造有限公司',
        industry: 'air_cooling',
        district: 'kangping',
        scale: 'below',
      });
      await createEnterprise(t, stranger, { name: '康平风冷配件厂', industry: 'air_cooling', district: 'kangping', scale: 'above' });

      const byOwner = await t.get('/enterprises', { token: owner.token, query: { industry: 'air_cooling', district: 'kangping' } });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      const ownRow = byOwner.body.items.find((i: any) => i.id === mine.id);
      const otherRow = byOwner.body.items.find((i: any) => i.id !== mine.id);
      expect(ownRow.uscc).toBe(mine.uscc);
      expect(otherRow).not.toHaveProperty('uscc');

      const byOfficer = await t.get('/enterprises', { token: officer.token, query: { q: '风冷设备', scale: 'below' } });
      expect(byOfficer.body.items.map((i: any) => i.id)).toEqual([mine.id]);
      expect(byOfficer.body.items[0].annualRevenueFen).toBe(mine.annualRevenueFen);

      const paged = await t.get('/enterprises', { token: officer.token, query: { district: 'kangping', pageSize: 1, page: 2 } });
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items).toHaveLength(1);

      // % and _ are taken literally.
      expect((await t.get('/enterprises', { token: officer.token, query: { q: '%' } })).body.total).toBe(0);

      const bad = await t.get('/enterprises', { token: officer.token, query: { industry: 'atlantis' } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^industry: unknown industry code/);
      expect((await t.get('/enterprises', { token: officer.token, query: { pageSize: 101 } })).body.message).toMatch(/^pageSize: /);
    });
  });

  describe('pilot pool', () => {
    it('enrols by city officer or the district officer, recording 应改尽改 / 愿改尽改, and audits it', async () => {
      const owner = await registerUser(t);
      const above = await createEnterprise(t, owner, { district: 'tiexi', scale: 'above' });
      const below = await createEnterprise(t, owner, { district: 'tiexi', scale: 'below' });

      const byCity = await t.post(`/enterprises/${above.id}/pilot`, { batch: 'sample' }, { token: officer.token });
      expect(byCity.status).toBe(201);
      expect(byCity.body).toMatchObject({ pilotBatch: 'sample', enrolmentBasis: 'should', pilotEnrolledAt: expect.any(String) });

      const byDistrict = await t.post(`/enterprises/${below.id}/pilot`, { batch: 'batch1' }, { token: tiexiOfficer.token });
      expect(byDistrict.status).toBe(201);
      expect(byDistrict.body).toMatchObject({ pilotBatch: 'batch1', enrolmentBasis: 'willing' });

      // The pool is dynamic: an enterprise moves to another batch.
      const moved = await t.post(`/enterprises/${above.id}/pilot`, { batch: 'batch2' }, { token: officer.token });
      expect(moved.status).toBe(201);
      expect(moved.body.pilotBatch).toBe('batch2');
      const again = await t.post(`/enterprises/${above.id}/pilot`, { batch: 'batch2' }, { token: officer.token });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/batch2/);

      const entries = await auditOf(above.id, 'enterprise.pilot_enrolled');
      expect(entries).toHaveLength(2);
      expect(entries.map((e) => e.data.after.pilotBatch).sort()).toEqual(['batch2', 'sample']);
      expect(entries.find((e) => e.data.after.pilotBatch === 'batch2').data.before.pilotBatch).toBe('sample');

      // The basis follows the scale when the enterprise's scale changes.
      const shrunk = await t.patch(`/enterprises/${above.id}`, { scale: 'below' }, { token: owner.token });
      expect(shrunk.body).toMatchObject({ scale: 'below', pilotBatch: 'batch2', enrolmentBasis: 'willing' });

      // Public fields include the batch.
      const seen = await t.get(`/enterprises/${above.id}`, { token: (await registerUser(t)).token });
      expect(seen.body.pilotBatch).toBe('batch2');
    });

    it('refuses enrolment by anyone else, and invalid batches', async () => {
      const owner = await registerUser(t);
      const e = await createEnterprise(t, owner, { district: 'tiexi' });
      expect((await t.post(`/enterprises/${e.id}/pilot`, { batch: 'sample' }, { token: hunnanOfficer.token })).status).toBe(403);
      expect((await t.post(`/enterprises/${e.id}/pilot`, { batch: 'sample' }, { token: owner.token })).status).toBe(403);
      expect((await t.post(`/enterprises/${e.id}/pilot`, { batch: 'sample' }, { token: assessor.token })).status).toBe(403);
      expect((await t.post(`/enterprises/${e.id}/pilot`, { batch: 'sample' })).status).toBe(401);
      const bad = await t.post(`/enterprises/${e.id}/pilot`, { batch: 'batch3' }, { token: officer.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^batch: unknown pilot batch code "batch3"/);
      expect((await t.post(`/enterprises/${UNKNOWN_ID}/pilot`, { batch: 'sample' }, { token: officer.token })).status).toBe(404);
    });

    it('withdraws an enterprise from the pool; 409 when it is not in it', async () => {
      const owner = await registerUser(t);
      const e = await createEnterprise(t, owner, { district: 'hunnan' });
      const notIn = await t.call('DELETE', `/enterprises/${e.id}/pilot`, { token: hunnanOfficer.token });
      expect(notIn.status).toBe(409);
      expect(notIn.body.message).toMatch(/not in the pilot pool/);
      await t.post(`/enterprises/${e.id}/pilot`, { batch: 'batch1' }, { token: hunnanOfficer.token });
      expect((await t.call('DELETE', `/enterprises/${e.id}/pilot`, { token: tiexiOfficer.token })).status).toBe(403);
      expect((await t.call('DELETE', `/enterprises/${e.id}/pilot`)).status).toBe(401);
      const out = await t.call('DELETE', `/enterprises/${e.id}/pilot`, { token: hunnanOfficer.token });
      expect(out.status).toBe(200);
      expect(out.body).toMatchObject({ pilotBatch: null, enrolmentBasis: null });
      expect(await auditOf(e.id, 'enterprise.pilot_withdrawn')).toHaveLength(1);
    });

    it('lists the pool by batch, industry and district with counts, for officers and assessors', async () => {
      const fresh = await startTestApp();
      try {
        const city = await cityOfficer(fresh);
        const owner = await registerUser(fresh);
        const a = await createEnterprise(fresh, owner, { industry: 'machine_tool', district: 'tiexi', scale: 'above' });
        const b = await createEnterprise(fresh, owner, { industry: 'machine_tool', district: 'hunnan', scale: 'below' });
        const c = await createEnterprise(fresh, owner, { industry: 'auto_parts', district: 'tiexi', scale: 'above' });
        await createEnterprise(fresh, owner, { industry: 'auto_parts', district: 'tiexi' }); // not enrolled
        for (const [e, batch] of [
          [a, 'sample'],
          [b, 'batch1'],
          [c, 'batch1'],
        ] as const) {
          expect((await fresh.post(`/enterprises/${e.id}/pilot`, { batch }, { token: city.token })).status).toBe(201);
        }

        const all = await fresh.get('/pilot-pool', { token: city.token });
        expect(all.status).toBe(200);
        expect(all.body.total).toBe(3);
        const count = (list: any[], code: string) => list.find((x) => x.code === code).count;
        expect(count(all.body.counts.byIndustry, 'machine_tool')).toBe(2);
        expect(count(all.body.counts.byIndustry, 'auto_parts')).toBe(1);
        expect(count(all.body.counts.byIndustry, 'air_cooling')).toBe(0);
        expect(count(all.body.counts.byDistrict, 'tiexi')).toBe(2);
        expect(count(all.body.counts.byDistrict, 'hunnan')).toBe(1);
        expect(count(all.body.counts.byBatch, 'batch1')).toBe(2);
        expect(all.body.counts.byDistrict.find((x: any) => x.code === 'tiexi').name).toBe('铁西区');

        const batch1 = await fresh.get('/pilot-pool', { token: city.token, query: { batch: 'batch1', district: 'tiexi' } });
        expect(batch1.body.items).toEqual([
          expect.objectContaining({
            id: c.id,
            industry: 'auto_parts',
            pilotBatch: 'batch1',
            enrolmentBasis: 'should',
            enrolledAt: expect.any(String),
          }),
        ]);
        expect(count(batch1.body.counts.byIndustry, 'auto_parts')).toBe(1);
        const byIndustry = await fresh.get('/pilot-pool', { token: city.token, query: { industry: 'machine_tool' } });
        expect(byIndustry.body.items.map((i: any) => i.id).sort()).toEqual([a.id, b.id].sort());

        const assessorUser = await userWithRole(fresh, 'assessor');
        const districtUser = await userWithRole(fresh, 'district_officer', 'faku');
        expect((await fresh.get('/pilot-pool', { token: assessorUser.token })).status).toBe(200);
        expect((await fresh.get('/pilot-pool', { token: districtUser.token })).status).toBe(200);
        expect((await fresh.get('/pilot-pool', { token: owner.token })).status).toBe(403);
        expect((await fresh.get('/pilot-pool')).status).toBe(401);
        const bad = await fresh.get('/pilot-pool', { token: city.token, query: { batch: 'pilot' } });
        expect(bad.status).toBe(400);
        expect(bad.body.message).toMatch(/^batch: /);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('data rights', () => {
    it('grants, lists and revokes consent, audits both, and answers hasConsent', async () => {
      const owner = await registerUser(t);
      const e = await createEnterprise(t, owner);
      const { provider } = await approvedProvider(t);
      const directory = t.app.get(DirectoryService);

      const granted = await t.post(
        `/enterprises/${e.id}/consents`,
        { granteeOrganisationId: provider.id, scopes: ['diagnosis', 'diagnosis'] },
        { token: owner.token },
      );
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({
        enterpriseId: e.id,
        granteeOrganisationId: provider.id,
        granteeKind: 'provider',
        granteeName: provider.name,
        scopes: ['diagnosis'],
        status: 'active',
        revokedAt: null,
      });
      expect(await directory.hasConsent(e.id, provider.id, 'diagnosis')).toBe(true);
      expect(await directory.hasConsent(e.id, provider.id, 'need_details')).toBe(false);

      const dup = await t.post(
        `/enterprises/${e.id}/consents`,
        { granteeOrganisationId: provider.id, scopes: ['need_details'] },
        { token: owner.token },
      );
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('consent_exists');

      // A chain leader is an enterprise: consent may go to one too.
      const leader = await createEnterprise(t, await registerUser(t), { name: '沈阳链主集团' });
      const toLeader = await t.post(
        `/enterprises/${e.id}/consents`,
        { granteeOrganisationId: leader.id, scopes: ['need_details'] },
        { token: owner.token },
      );
      expect(toLeader.status).toBe(201);
      expect(toLeader.body).toMatchObject({ granteeKind: 'enterprise', granteeName: '沈阳链主集团' });

      const list = await t.get(`/enterprises/${e.id}/consents`, { token: owner.token });
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 2, page: 1 });

      const revoked = await t.call('DELETE', `/enterprises/${e.id}/consents/${granted.body.id}`, { token: owner.token });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokedBy: owner.id, revokedAt: expect.any(String) });
      expect(await directory.hasConsent(e.id, provider.id, 'diagnosis')).toBe(false);
      const twice = await t.call('DELETE', `/enterprises/${e.id}/consents/${granted.body.id}`, { token: owner.token });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toMatch(/revoked/);

      expect(await auditOf(e.id, 'consent.granted')).toHaveLength(2);
      const [rev] = await auditOf(e.id, 'consent.revoked');
      expect(rev).toMatchObject({ actorId: owner.id, data: { consentId: granted.body.id, granteeOrganisationId: provider.id } });
    });

    it('lets only the enterprise members manage consents and validates the grant', async () => {
      const owner = await registerUser(t);
      const stranger = await registerUser(t);
      const e = await createEnterprise(t, owner);
      const { provider, owner: providerOwner } = await approvedProvider(t);
      const body = { granteeOrganisationId: provider.id, scopes: ['need_details'] };

      for (const token of [stranger.token, providerOwner.token, officer.token]) {
        expect((await t.post(`/enterprises/${e.id}/consents`, body, { token })).status).toBe(403);
        expect((await t.get(`/enterprises/${e.id}/consents`, { token })).status).toBe(403);
      }
      expect((await t.post(`/enterprises/${e.id}/consents`, body)).status).toBe(401);
      expect((await t.get(`/enterprises/${e.id}/consents`)).status).toBe(401);
      expect((await t.post(`/enterprises/${UNKNOWN_ID}/consents`, body, { token: owner.token })).status).toBe(404);

      const badScope = await t.post(`/enterprises/${e.id}/consents`, { ...body, scopes: ['everything'] }, { token: owner.token });
      expect(badScope.status).toBe(400);
      expect(badScope.body.message).toMatch(/^scopes\.0: unknown scope "everything"/);
      const noScope = await t.post(`/enterprises/${e.id}/consents`, { ...body, scopes: [] }, { token: owner.token });
      expect(noScope.body.message).toMatch(/^scopes: give at least one scope/);
      const unknownGrantee = await t.post(
        `/enterprises/${e.id}/consents`,
        { ...body, granteeOrganisationId: UNKNOWN_ID },
        { token: owner.token },
      );
      expect(unknownGrantee.status).toBe(400);
      expect(unknownGrantee.body.message).toMatch(/^granteeOrganisationId: no provider or enterprise/);
      const self = await t.post(`/enterprises/${e.id}/consents`, { ...body, granteeOrganisationId: e.id }, { token: owner.token });
      expect(self.body.message).toMatch(/^granteeOrganisationId: /);
      expect((await t.post(`/enterprises/${e.id}/consents`, { ...body, granteeOrganisationId: 'x' }, { token: owner.token })).status).toBe(
        400,
      );

      const granted = await t.post(`/enterprises/${e.id}/consents`, body, { token: owner.token });
      expect((await t.call('DELETE', `/enterprises/${e.id}/consents/${granted.body.id}`, { token: stranger.token })).status).toBe(403);
      expect((await t.call('DELETE', `/enterprises/${e.id}/consents/${granted.body.id}`)).status).toBe(401);
      expect((await t.call('DELETE', `/enterprises/${e.id}/consents/${UNKNOWN_ID}`, { token: owner.token })).status).toBe(404);
      // A consent of another enterprise is not found through this one.
      const otherEnterprise = await createEnterprise(t, owner);
      expect(
        (await t.call('DELETE', `/enterprises/${otherEnterprise.id}/consents/${granted.body.id}`, { token: owner.token })).status,
      ).toBe(404);
    });
  });

  describe('providers', () => {
    it('registers a pending provider owned by its creator', async () => {
      const owner = await registerUser(t);
      const input = providerInput({ kind: 'product', districts: ['hunnan', 'hunnan', 'shenbei'] });
      const res = await t.post('/providers', input, { token: owner.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ...input,
        districts: ['hunnan', 'shenbei'],
        id: expect.any(String),
        status: 'pending',
        record: { acceptancePassRate: null, completedProjects: 0, ratingAverage: null, ratingCount: 0, noShows: 0 },
        decisions: [],
      });
      const me = await t.get('/auth/me', { token: owner.token });
      expect(me.body.memberships).toEqual([{ organisationId: res.body.id, kind: 'provider', role: 'owner' }]);
    });

    it('rejects invalid providers with 400 naming the field, a taken USCC with 409, writes without a token with 401', async () => {
      const owner = await registerUser(t);
      const post = (overrides: Record<string, unknown>) => t.post('/providers', providerInput(overrides), { token: owner.token });
      expect((await post({ uscc: wrongCheckCharacter(validUscc()) })).body.message).toMatch(/^uscc: wrong check character/);
      expect((await post({ uscc: validUscc() + '0' })).body.message).toMatch(/^uscc: a USCC has 18 characters, got 19/);
      expect((await post({ kind: 'consultant' })).body.message).toMatch(/^kind: unknown provider kind code "consultant"/);
      expect((await post({ districts: [] })).body.message).toMatch(/^districts: give at least one district/);
      expect((await post({ districts: ['tiexi', 'nowhere'] })).body.message).toMatch(/^districts\.1: unknown district code "nowhere"/);
      expect((await post({ name: '' })).status).toBe(400);

      const first = await createProvider(t, owner);
      const dup = await post({ uscc: first.uscc });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('uscc_taken');
      expect((await t.post('/providers', providerInput())).status).toBe(401);
      // Reads are open to visitors (the portal): approved providers only, so a pending one is 404.
      expect((await t.get('/providers')).status).toBe(200);
      expect((await t.get(`/providers/${first.id}`)).status).toBe(404);
      expect((await t.patch(`/providers/${first.id}`, { name: 'x' })).status).toBe(401);
      expect((await t.post(`/providers/${first.id}/selection`, { decision: 'approve', reason: 'ok' })).status).toBe(401);
    });

    it('hides pending and rejected providers from everyone but members and officers', async () => {
      const owner = await registerUser(t);
      const stranger = await registerUser(t);
      const p = await createProvider(t, owner);
      expect((await t.get(`/providers/${p.id}`, { token: owner.token })).body).toMatchObject({ status: 'pending', decisions: [] });
      expect((await t.get(`/providers/${p.id}`, { token: officer.token })).status).toBe(200);
      expect((await t.get(`/providers/${p.id}`, { token: tiexiOfficer.token })).status).toBe(200);
      expect((await t.get(`/providers/${p.id}`, { token: stranger.token })).status).toBe(404);
      expect((await t.patch(`/providers/${p.id}`, { name: '冒名' }, { token: stranger.token })).status).toBe(404);

      await t.post(`/providers/${p.id}/selection`, { decision: 'reject', reason: '资质材料不全' }, { token: officer.token });
      expect((await t.get(`/providers/${p.id}`, { token: stranger.token })).status).toBe(404);

      // Selection rests on the business licence: no approval without it (409 naming it), then with it.
      const early = await t.post(`/providers/${p.id}/selection`, { decision: 'approve', reason: '材料未齐' }, { token: officer.token });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        code: 'documents_missing',
        details: { missing: [{ kind: 'business_licence', name: '营业执照' }] },
      });
      expect(early.body.message).toContain('营业执照');
      expect((await t.get(`/providers/${p.id}`, { token: officer.token })).body.status).toBe('rejected');
      await attachLicence(t, owner, p.id);
      const approved = await t.post(
        `/providers/${p.id}/selection`,
        { decision: 'approve', reason: '补齐材料后复审通过' },
        { token: officer.token },
      );
      expect(approved.status).toBe(201);
      const publicView = await t.get(`/providers/${p.id}`, { token: stranger.token });
      expect(publicView.status).toBe(200);
      expect(publicView.body).toMatchObject({ id: p.id, status: 'approved', record: { completedProjects: 0 } });
      expect(publicView.body).not.toHaveProperty('decisions');
      expect((await t.get(`/providers/${UNKNOWN_ID}`, { token: officer.token })).status).toBe(404);
      expect((await t.get('/providers/123', { token: officer.token })).status).toBe(400);
    });

    it('lets members change the provider profile; others get 403', async () => {
      const { owner, provider } = await approvedProvider(t);
      const stranger = await registerUser(t);
      const res = await t.patch(
        `/providers/${provider.id}`,
        { description: '新增能耗管理方案', districts: ['xinmin'] },
        { token: owner.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ description: '新增能耗管理方案', districts: ['xinmin'], status: 'approved' });
      expect(res.body.decisions).toHaveLength(1);
      expect((await t.patch(`/providers/${provider.id}`, { name: '冒名' }, { token: stranger.token })).status).toBe(403);
      expect((await t.patch(`/providers/${provider.id}`, { name: '冒名' }, { token: officer.token })).status).toBe(403);
      expect((await t.patch(`/providers/${UNKNOWN_ID}`, { name: 'x' }, { token: owner.token })).status).toBe(404);
      const bad = await t.patch(`/providers/${provider.id}`, { uscc: provider.uscc.slice(0, 10) }, { token: owner.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^uscc: a USCC has 18 characters/);
      expect((await t.patch(`/providers/${provider.id}`, { districts: [] }, { token: owner.token })).body.message).toMatch(/^districts: /);
      const other = await createProvider(t, stranger);
      const taken = await t.patch(`/providers/${provider.id}`, { uscc: other.uscc }, { token: owner.token });
      expect(taken.status).toBe(409);

      const kindChange = await t.patch(`/providers/${provider.id}`, { kind: 'product' }, { token: owner.token });
      expect(kindChange.status).toBe(200);
      const [entry] = await auditOf(provider.id, 'provider.updated');
      expect(entry.data).toMatchObject({ before: { kind: 'integrator' }, after: { kind: 'product' } });
    });

    it('lists approved providers with filters; officers may list by status', async () => {
      const fresh = await startTestApp();
      try {
        const user = await registerUser(fresh);
        const { provider: a } = await approvedProvider(fresh, { name: '沈阳云联工业互联网', kind: 'product', districts: ['tiexi'] });
        const { provider: b } = await approvedProvider(fresh, {
          name: '辽宁智造系统集成',
          kind: 'integrator',
          districts: ['hunnan', 'tiexi'],
        });
        const pending = await createProvider(fresh, user, { name: '待审服务商' });

        const all = await fresh.get('/providers', { token: user.token });
        expect(all.status).toBe(200);
        expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
        expect(all.body.items.map((p: any) => p.id).sort()).toEqual([a.id, b.id].sort());
        expect(all.body.items[0]).not.toHaveProperty('decisions');

        expect((await fresh.get('/providers', { token: user.token, query: { kind: 'product' } })).body.items.map((p: any) => p.id)).toEqual(
          [a.id],
        );
        expect(
          (await fresh.get('/providers', { token: user.token, query: { district: 'hunnan' } })).body.items.map((p: any) => p.id),
        ).toEqual([b.id]);
        expect((await fresh.get('/providers', { token: user.token, query: { q: '系统集成' } })).body.items.map((p: any) => p.id)).toEqual([
          b.id,
        ]);

        const city = await cityOfficer(fresh);
        const pendings = await fresh.get('/providers', { token: city.token, query: { status: 'pending' } });
        expect(pendings.body.items.map((p: any) => p.id)).toEqual([pending.id]);
        expect((await fresh.get('/providers', { token: user.token, query: { status: 'pending' } })).status).toBe(403);
        const bad = await fresh.get('/providers', { token: city.token, query: { status: 'deleted' } });
        expect(bad.status).toBe(400);
        expect(bad.body.message).toMatch(/^status: /);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('provider selection (遴选)', () => {
    it('runs the whole lifecycle, keeps the history and audits each decision with its reason', async () => {
      const owner = await registerUser(t);
      const p = await createProvider(t, owner);
      await attachLicence(t, owner, p.id);
      const decide = (decision: string, reason: string) =>
        t.post(`/providers/${p.id}/selection`, { decision, reason }, { token: officer.token });

      const steps: [string, string, string][] = [
        ['reject', '未提供典型案例', 'rejected'],
        ['approve', '补充案例后复审通过', 'approved'],
        ['suspend', '验收不合格率过高', 'suspended'],
        ['reinstate', '整改完成', 'approved'],
      ];
      for (const [decision, reason, status] of steps) {
        const res = await decide(decision, reason);
        expect(res.status).toBe(201);
        expect(res.body.status).toBe(status);
      }
      const detail = await t.get(`/providers/${p.id}`, { token: owner.token });
      expect(detail.body.decisions.map((d: any) => [d.decision, d.fromStatus, d.toStatus])).toEqual([
        ['reject', 'pending', 'rejected'],
        ['approve', 'rejected', 'approved'],
        ['suspend', 'approved', 'suspended'],
        ['reinstate', 'suspended', 'approved'],
      ]);
      expect(detail.body.decisions[2]).toMatchObject({ reason: '验收不合格率过高', actorId: officer.id, decidedAt: expect.any(String) });

      const [suspended] = await auditOf(p.id, 'provider.suspended');
      expect(suspended).toMatchObject({
        actorId: officer.id,
        entityType: 'provider',
        reason: '验收不合格率过高',
        data: { fromStatus: 'approved', toStatus: 'suspended' },
      });
      expect(await auditOf(p.id, 'provider.rejected')).toHaveLength(1);
      expect(await auditOf(p.id, 'provider.approved')).toHaveLength(1);
      expect(await auditOf(p.id, 'provider.reinstated')).toHaveLength(1);
    });

    it('answers forbidden transitions with 409 naming the current state', async () => {
      const owner = await registerUser(t);
      const p = await createProvider(t, owner);
      await attachLicence(t, owner, p.id);
      const decide = (decision: string) => t.post(`/providers/${p.id}/selection`, { decision, reason: '测试' }, { token: officer.token });

      const suspendPending = await decide('suspend');
      expect(suspendPending.status).toBe(409);
      expect(suspendPending.body.message).toBe('cannot suspend a provider that is pending');
      expect(suspendPending.body.details).toMatchObject({ state: 'pending' });
      expect((await decide('reinstate')).status).toBe(409);

      expect((await decide('approve')).status).toBe(201);
      const reinstateApproved = await decide('reinstate');
      expect(reinstateApproved.status).toBe(409);
      expect(reinstateApproved.body.message).toMatch(/approved/);
      expect((await decide('approve')).status).toBe(409);
      expect((await decide('reject')).status).toBe(409);
      expect((await t.get(`/providers/${p.id}`, { token: owner.token })).body.decisions).toHaveLength(1);
    });

    it('is for city officers only and needs a decision and a reason', async () => {
      const owner = await registerUser(t);
      const p = await createProvider(t, owner);
      for (const token of [owner.token, tiexiOfficer.token, assessor.token]) {
        expect((await t.post(`/providers/${p.id}/selection`, { decision: 'approve', reason: '自批' }, { token })).status).toBe(403);
      }
      const noReason = await t.post(`/providers/${p.id}/selection`, { decision: 'approve' }, { token: officer.token });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toMatch(/^reason: is required/);
      const blank = await t.post(`/providers/${p.id}/selection`, { decision: 'approve', reason: '   ' }, { token: officer.token });
      expect(blank.body.message).toMatch(/^reason: is required/);
      const badDecision = await t.post(`/providers/${p.id}/selection`, { decision: 'promote', reason: 'x' }, { token: officer.token });
      expect(badDecision.body.message).toMatch(/^decision: unknown decision "promote"/);
      expect(
        (await t.post(`/providers/${UNKNOWN_ID}/selection`, { decision: 'approve', reason: 'x' }, { token: officer.token })).status,
      ).toBe(404);
    });
  });

  describe('services other contexts use', () => {
    it('gates publishing on approval and looks organisations up in bulk', async () => {
      const directory = t.app.get(DirectoryService);
      const owner = await registerUser(t);
      const pending = await createProvider(t, owner);
      const { provider } = await approvedProvider(t);
      const e = await createEnterprise(t, owner);

      await expect(directory.assertMayPublish(pending.id)).rejects.toMatchObject({
        kind: 'conflict',
        message: 'cannot publish a provider that is pending',
      });
      await expect(directory.assertMayPublish(provider.id)).resolves.toMatchObject({ id: provider.id, status: 'approved' });
      await expect(directory.getProvider('garbage')).rejects.toMatchObject({ kind: 'not_found' });
      await expect(directory.getEnterprise(UNKNOWN_ID)).rejects.toMatchObject({ kind: 'not_found' });

      const providers = await directory.providersByIds([provider.id, pending.id, UNKNOWN_ID, 'garbage']);
      expect(providers.map((p) => p.id).sort()).toEqual([provider.id, pending.id].sort());
      expect(await directory.enterprisesByIds([])).toEqual([]);
      expect((await directory.enterprisesByIds([e.id])).map((x) => x.name)).toEqual([e.name]);
    });

    it('sets the digital level, chain leader mark and provider record in the caller transaction', async () => {
      const directory = t.app.get(DirectoryService);
      const uow = t.app.get(UnitOfWork);
      const owner = await registerUser(t);
      const e = await createEnterprise(t, owner);
      const { provider } = await approvedProvider(t);

      await uow.run(async (tx) => {
        await directory.setDigitalLevel(tx, e.id, 2, 'assessment');
        await directory.setChainLeader(tx, e.id, true);
        await directory.updateRecord(tx, provider.id, {
          completedProjects: 3,
          acceptancePassRate: 0.75,
          ratingAverage: 4.5,
          ratingCount: 2,
        });
      });
      const publicView = await t.get(`/enterprises/${e.id}`, { token: (await registerUser(t)).token });
      expect(publicView.body).toMatchObject({ digitalLevel: 2, isChainLeader: true });
      expect((await t.get(`/enterprises/${e.id}`, { token: owner.token })).body).toMatchObject({
        digitalLevelSource: 'assessment',
        digitalLevelAt: expect.any(String),
      });
      expect((await t.get(`/providers/${provider.id}`, { token: owner.token })).body.record).toEqual({
        acceptancePassRate: 0.75,
        completedProjects: 3,
        ratingAverage: 4.5,
        ratingCount: 2,
        noShows: 0,
      });
      await expect(uow.run((tx) => directory.setDigitalLevel(tx, UNKNOWN_ID, 1, 'self_check'))).rejects.toMatchObject({
        kind: 'not_found',
      });
    });
  });

  it('documents the directory routes in OpenAPI', async () => {
    const docs = await t.get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/enterprises',
        '/api/v1/enterprises/{id}',
        '/api/v1/enterprises/{id}/pilot',
        '/api/v1/enterprises/{id}/consents',
        '/api/v1/enterprises/{id}/consents/{consentId}',
        '/api/v1/pilot-pool',
        '/api/v1/providers',
        '/api/v1/providers/{id}',
        '/api/v1/providers/{id}/selection',
      ]),
    );
  });
});
