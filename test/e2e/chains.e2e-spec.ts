import { createHash } from 'node:crypto';
import { ChainInvitation } from '@smedx/chains';
import { DirectoryService } from '@smedx/directory';
import { UnitOfWork } from '@smedx/platform';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { publishedSolution } from '../factories/catalogue.js';
import {
  CSV_TYPE,
  XLSX_TYPE,
  chainLeader,
  chainMember,
  invitation,
  joinChain,
  rosterCsv,
  rosterXlsx,
  upload,
} from '../factories/chains.js';
import { needInput, publishedNeed } from '../factories/demand.js';
import { approvedProvider, cityOfficer, createEnterprise, validUscc } from '../factories/directory.js';
import { acceptanceInput, attachAcceptanceEvidence, awardedProject, openMilestoneReasons } from '../factories/projects.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 3600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A USCC with a wrong check character. */
function badUscc(): string {
  const good = validUscc();
  return `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
}

/** The need every cohort member publishes: device networking in a machine-tool shop. */
const NETWORKING_NEED = {
  title: '数控车间设备联网及生产数据采集',
  description: '现有数控车床、加工中心共40台，希望实现设备联网，实时采集开机、停机、报警数据，并在车间大屏展示设备利用率（OEE）。',
  scenarios: ['device_networking', 'data_collection', 'equipment'],
  budgetFen: 30_000_000,
  expectedDays: 60,
};

describe('chains (链式转型)', () => {
  let t: TestApp;
  let officer: TestUser;
  /** The leader: a machine-tool maker marked 链主, its owner, and its chain. */
  let leader: { owner: TestUser; enterprise: any; chain: any };
  /** Owner of an enterprise outside the chain. */
  let outsider: TestUser;
  let outsiderEnterprise: any;
  /** A supplier that joins upstream through the first test of the invitation flow. */
  let supplier: { owner: TestUser; enterprise: any };

  const chainPath = (suffix = '') => `/chains/${leader.chain.id}${suffix}`;

  async function auditActions(entityId: string): Promise<string[]> {
    await t.drain();
    const res = await t.get('/audit', { token: officer.token, query: { entityId, pageSize: 100 } });
    expect(res.status).toBe(200);
    return res.body.items.map((e: any) => e.action);
  }

  beforeAll(async () => {
    t = await startTestApp();
    officer = await cityOfficer(t);
    leader = await chainLeader(t, { enterprise: { name: '沈阳重型机床集团有限公司' } });
    outsider = await registerUser(t, 'outsider');
    outsiderEnterprise = await createEnterprise(t, outsider, { name: '沈阳局外精密机械有限公司' });
    const owner = await registerUser(t, 'supplier');
    supplier = { owner, enterprise: await createEnterprise(t, owner, { name: '沈阳铸造配套有限公司' }) };
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /enterprises/:id/chain-leader', () => {
    let candidate: { owner: TestUser; enterprise: any };

    beforeAll(async () => {
      const owner = await registerUser(t, 'candidate');
      candidate = { owner, enterprise: await createEnterprise(t, owner, { name: '沈阳鼓风机集团股份有限公司' }) };
    });

    it('lets a city officer mark an enterprise as chain leader, audited with the reason', async () => {
      const res = await t.post(
        `/enterprises/${candidate.enterprise.id}/chain-leader`,
        { reason: '风机产业链链主' },
        { token: officer.token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        enterpriseId: candidate.enterprise.id,
        name: '沈阳鼓风机集团股份有限公司',
        isChainLeader: true,
        chainId: null,
      });
      const profile = await t.get(`/enterprises/${candidate.enterprise.id}`, { token: outsider.token });
      expect(profile.body.isChainLeader).toBe(true);
      expect(await auditActions(candidate.enterprise.id)).toContain('enterprise.chain_leader_marked');
    });

    it('answers 409 naming the standing when nothing would change', async () => {
      const again = await t.post(`/enterprises/${candidate.enterprise.id}/chain-leader`, {}, { token: officer.token });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'already_chain_leader', details: { state: 'chain_leader' } });
      const unmarkOther = await t.post(
        `/enterprises/${outsiderEnterprise.id}/chain-leader`,
        { isChainLeader: false },
        { token: officer.token },
      );
      expect(unmarkOther.status).toBe(409);
      expect(unmarkOther.body.details).toEqual({ state: 'not_chain_leader' });
    });

    it('answers 400 naming the field, 404 for an unknown enterprise', async () => {
      const bad = await t.post(`/enterprises/${candidate.enterprise.id}/chain-leader`, { isChainLeader: 'yes' }, { token: officer.token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^isChainLeader: must be true or false/);
      expect((await t.post('/enterprises/not-a-uuid/chain-leader', {}, { token: officer.token })).status).toBe(400);
      expect((await t.post(`/enterprises/${UNKNOWN_ID}/chain-leader`, {}, { token: officer.token })).status).toBe(404);
    });

    it('answers 401 without a token and 403 to anyone but a city officer', async () => {
      expect((await t.post(`/enterprises/${candidate.enterprise.id}/chain-leader`, {})).status).toBe(401);
      expect((await t.post(`/enterprises/${outsiderEnterprise.id}/chain-leader`, {}, { token: outsider.token })).status).toBe(403);
      const assessor = await userWithRole(t, 'assessor');
      expect((await t.post(`/enterprises/${outsiderEnterprise.id}/chain-leader`, {}, { token: assessor.token })).status).toBe(403);
    });
  });

  describe('POST /chains', () => {
    it("creates the leader's chain; the creator sees it as leader", async () => {
      const fresh = await chainLeader(t, { chain: false, enterprise: { name: '沈阳变压器有限责任公司' } });
      const res = await t.post(
        '/chains',
        { name: '输变电装备产业链', description: '变压器及配套件企业协同转型' },
        { token: fresh.owner.token },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        name: '输变电装备产业链',
        description: '变压器及配套件企业协同转型',
        leader: { enterpriseId: fresh.enterprise.id, name: '沈阳变压器有限责任公司' },
        memberCounts: { upstream: 0, downstream: 0, total: 0 },
        viewerRole: 'leader',
      });
      const again = await t.post('/chains', { name: '第二条链', description: '重复' }, { token: fresh.owner.token });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'chain_exists', details: { chainId: res.body.id } });
      expect(await auditActions(res.body.id)).toContain('chain.created');
    });

    it('needs leaderEnterpriseId when the caller belongs to several chain leaders', async () => {
      const twice = await chainLeader(t, { chain: false });
      const second = await createEnterprise(t, twice.owner);
      await t.post(`/enterprises/${second.id}/chain-leader`, {}, { token: officer.token });
      const ambiguous = await t.post('/chains', { name: '某链', description: '说明' }, { token: twice.owner.token });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.message).toBe('leaderEnterpriseId: is required: you belong to several chain-leader enterprises');
      const chosen = await t.post(
        '/chains',
        { name: '某链', description: '说明', leaderEnterpriseId: second.id },
        { token: twice.owner.token },
      );
      expect(chosen.status).toBe(201);
      expect(chosen.body.leader.enterpriseId).toBe(second.id);
    });

    it('answers 400 naming the field', async () => {
      const res = await t.post('/chains', { description: '缺少名称' }, { token: leader.owner.token });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^name: is required/);
      const id = await t.post('/chains', { name: 'x', description: 'y', leaderEnterpriseId: 'abc' }, { token: leader.owner.token });
      expect(id.body.message).toMatch(/^leaderEnterpriseId: must be a UUID/);
    });

    it('answers 401 without a token and 403 to members of enterprises that are not chain leaders', async () => {
      expect((await t.post('/chains', { name: 'x', description: 'y' })).status).toBe(401);
      const res = await t.post('/chains', { name: 'x', description: 'y' }, { token: outsider.token });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('not_chain_leader');
      const notMine = await t.post(
        '/chains',
        { name: 'x', description: 'y', leaderEnterpriseId: leader.enterprise.id },
        { token: outsider.token },
      );
      expect(notMine.status).toBe(403);
    });
  });

  describe('POST /chains/:id/invitations and the token', () => {
    it('answers a 256-bit token once and stores only its SHA-256', async () => {
      const before = t.clock.now().getTime();
      const res = await t.post(
        chainPath('/invitations'),
        { position: 'upstream', uscc: supplier.enterprise.uscc },
        { token: leader.owner.token },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), status: 'pending', position: 'upstream' });
      const expiresAt = new Date(res.body.expiresAt).getTime();
      expect(expiresAt - before).toBeGreaterThanOrEqual(14 * DAY - 1000);
      expect(expiresAt - before).toBeLessThanOrEqual(14 * DAY + 60_000);
      const stored = await t.dataSource.getRepository(ChainInvitation).findOneByOrFail({ id: res.body.id });
      expect(stored.tokenHash).toBe(sha256(res.body.token));
      expect(JSON.stringify(stored)).not.toContain(res.body.token);

      const list = await t.get(chainPath('/invitations'), { token: leader.owner.token });
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(res.body.token);

      // Someone of another enterprise cannot use it.
      expect((await t.post(`/chain-invitations/${res.body.token}/accept`, {}, { token: outsider.token })).status).toBe(403);

      const accepted = await t.post(`/chain-invitations/${res.body.token}/accept`, {}, { token: supplier.owner.token });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({
        invitationId: res.body.id,
        chainId: leader.chain.id,
        chainName: leader.chain.name,
        position: 'upstream',
        status: 'accepted',
        enterpriseId: supplier.enterprise.id,
      });
      const chain = await t.get(chainPath(), { token: supplier.owner.token });
      expect(chain.status).toBe(200);
      expect(chain.body).toMatchObject({ viewerRole: 'member', memberCounts: { upstream: 1, downstream: 0, total: 1 } });

      // Single use: a second accept, or a decline after it, is a 409 naming the state.
      const second = await t.post(`/chain-invitations/${res.body.token}/accept`, {}, { token: supplier.owner.token });
      expect(second.status).toBe(409);
      expect(second.body.message).toBe('cannot accept a chain_invitation that is accepted');
      expect((await t.post(`/chain-invitations/${res.body.token}/decline`, {}, { token: supplier.owner.token })).status).toBe(409);

      await t.drain();
      const inbox = await t.get('/notifications', { token: leader.owner.token, query: { pageSize: 100 } });
      expect(inbox.body.items.map((n: any) => n.kind)).toContain('chain.invitation-accepted');
      expect(await auditActions(leader.chain.id)).toEqual(expect.arrayContaining(['chain.invitations_issued', 'chain.member_joined']));
    });

    it('declines: the token is spent, a later accept answers 409 naming declined', async () => {
      const owner = await registerUser(t, 'decliner');
      const enterprise = await createEnterprise(t, owner);
      const { token } = await invitation(t, leader.owner, leader.chain.id, { position: 'downstream', uscc: enterprise.uscc });
      const foreign = await t.post(`/chain-invitations/${token}/decline`, {}, { token: outsider.token });
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('not_invitee');
      // The link shows what it is for, to anyone holding it, signed in or not; never the invitee's e-mail.
      const preview = await t.get(`/chain-invitations/${token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        chainName: expect.any(String),
        leaderName: expect.any(String),
        position: 'downstream',
        invitedBy: 'uscc',
        status: 'pending',
        expiresAt: expect.any(String),
      });
      expect(JSON.stringify(preview.body)).not.toMatch(/@/);
      const declined = await t.post(`/chain-invitations/${token}/decline`, {}, { token: owner.token });
      expect(declined.status).toBe(200);
      expect((await t.get(`/chain-invitations/${token}`)).body.status).toBe('declined');
      expect(declined.body).toMatchObject({ status: 'declined', enterpriseId: enterprise.id });
      const accept = await t.post(`/chain-invitations/${token}/accept`, {}, { token: owner.token });
      expect(accept.status).toBe(409);
      expect(accept.body).toMatchObject({ message: 'cannot accept a chain_invitation that is declined', details: { state: 'declined' } });
      expect((await t.get(chainPath(), { token: owner.token })).status).toBe(404);
    });

    it('answers 410 for an expired token (by the injected clock), and lists it as expired', async () => {
      const owner = await registerUser(t, 'late');
      const enterprise = await createEnterprise(t, owner);
      const issued = await invitation(t, leader.owner, leader.chain.id, { position: 'upstream', uscc: enterprise.uscc, expiresInDays: 1 });
      t.clock.advance(DAY + 60_000);
      const accept = await t.post(`/chain-invitations/${issued.token}/accept`, {}, { token: owner.token });
      expect(accept.status).toBe(410);
      expect(accept.body).toMatchObject({ statusCode: 410, error: 'Gone', code: 'chain_invitation_expired' });
      expect((await t.post(`/chain-invitations/${issued.token}/decline`, {}, { token: owner.token })).status).toBe(410);
      expect((await t.get(`/chain-invitations/${issued.token}`)).body.status).toBe('expired');
      const expired = await t.get(chainPath('/invitations'), { token: leader.owner.token, query: { status: 'expired' } });
      expect(expired.body.items.map((i: any) => i.id)).toContain(issued.id);
      expect(expired.body.items.find((i: any) => i.id === issued.id).status).toBe('expired');
    });

    it('a newer invitation to the same enterprise supersedes the older token', async () => {
      const owner = await registerUser(t, 'twice');
      const enterprise = await createEnterprise(t, owner);
      const first = await invitation(t, leader.owner, leader.chain.id, { position: 'upstream', uscc: enterprise.uscc });
      const second = await invitation(t, leader.owner, leader.chain.id, { position: 'downstream', uscc: enterprise.uscc });
      const old = await t.post(`/chain-invitations/${first.token}/accept`, {}, { token: owner.token });
      expect(old.status).toBe(409);
      expect(old.body.details).toMatchObject({ state: 'superseded' });
      const fresh = await t.post(`/chain-invitations/${second.token}/accept`, {}, { token: owner.token });
      expect(fresh.body).toMatchObject({ status: 'accepted', position: 'downstream' });
      const again = await t.post(chainPath('/invitations'), { position: 'upstream', uscc: enterprise.uscc }, { token: leader.owner.token });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_member');
    });

    it.each([
      ['a wrong check character', () => ({ position: 'upstream', uscc: badUscc() }), /^uscc: wrong check character/],
      ['a short USCC', () => ({ position: 'upstream', uscc: '91210100' }), /^uscc: a USCC has 18 characters, got 8/],
      [
        'an unknown position',
        () => ({ position: 'sideways', uscc: validUscc() }),
        /^position: must be upstream or downstream, got "sideways"/,
      ],
      ['no position', () => ({ uscc: validUscc() }), /^position: is required/],
      ['neither uscc nor email', () => ({ position: 'upstream' }), /^uscc: uscc or email is required/],
      ['a malformed e-mail', () => ({ position: 'upstream', email: 'not-mail' }), /^email: must be an e-mail address/],
      ['zero days', () => ({ position: 'upstream', uscc: validUscc(), expiresInDays: 0 }), /^expiresInDays: must be at least 1/],
      ['a year', () => ({ position: 'upstream', uscc: validUscc(), expiresInDays: 365 }), /^expiresInDays: must be at most 90/],
    ])('answers 400 naming the field for %s', async (_, body, message) => {
      const res = await t.post(chainPath('/invitations'), body(), { token: leader.owner.token });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    });

    it("answers 400 for the leader's own USCC", async () => {
      const res = await t.post(
        chainPath('/invitations'),
        { position: 'upstream', uscc: leader.enterprise.uscc },
        { token: leader.owner.token },
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toBe("uscc: is the chain leader's own code");
    });

    it('answers 401, 404 to outsiders, 403 to members and officers, 400 for a malformed id', async () => {
      const body = { position: 'upstream', uscc: validUscc() };
      expect((await t.post(chainPath('/invitations'), body)).status).toBe(401);
      expect((await t.post(chainPath('/invitations'), body, { token: outsider.token })).status).toBe(404);
      expect((await t.post(`/chains/${UNKNOWN_ID}/invitations`, body, { token: leader.owner.token })).status).toBe(404);
      expect((await t.post('/chains/nope/invitations', body, { token: leader.owner.token })).status).toBe(400);
      const member = await t.post(chainPath('/invitations'), body, { token: supplier.owner.token });
      expect(member.status).toBe(403);
      expect(member.body.code).toBe('not_chain_leader_member');
      expect((await t.post(chainPath('/invitations'), body, { token: officer.token })).status).toBe(403);
    });

    it('answers 404 for an unknown token and 401 without a token', async () => {
      expect((await t.post('/chain-invitations/no-such-token/accept', {}, { token: supplier.owner.token })).status).toBe(404);
      expect((await t.post(`/chain-invitations/${'x'.repeat(200)}/decline`, {}, { token: supplier.owner.token })).status).toBe(404);
      expect((await t.post('/chain-invitations/no-such-token/accept', {})).status).toBe(401);
      expect((await t.get('/chain-invitations/no-such-token')).status).toBe(404);
    });
  });

  describe('invitations by e-mail and registration through an invitation', () => {
    it('an e-mail invitation binds to that address; a user without enterprise waits, then lands in the chain', async () => {
      const invitee = await registerUser(t, 'mailed');
      const { token } = await invitation(t, leader.owner, leader.chain.id, { position: 'downstream', email: invitee.email.toUpperCase() });
      expect((await t.post(`/chain-invitations/${token}/accept`, {}, { token: outsider.token })).status).toBe(403);

      const pending = await t.post(`/chain-invitations/${token}/accept`, {}, { token: invitee.token });
      expect(pending.status).toBe(200);
      expect(pending.body).toMatchObject({ status: 'accepted_pending_enterprise', enterpriseId: null });
      const seen = await t.get(chainPath(), { token: invitee.token });
      expect(seen.body.viewerRole).toBe('invitee');
      expect((await t.get(chainPath('/dashboard'), { token: invitee.token })).status).toBe(403);

      const early = await t.post(`/chain-invitations/${token}/accept`, {}, { token: invitee.token });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'enterprise_required', details: { state: 'accepted_pending_enterprise' } });

      const enterprise = await createEnterprise(t, invitee, { name: '沈阳物流配送有限公司' });
      const joined = await t.post(`/chain-invitations/${token}/accept`, {}, { token: invitee.token });
      expect(joined.body).toMatchObject({ status: 'accepted', enterpriseId: enterprise.id, position: 'downstream' });
      expect((await t.get(chainPath(), { token: invitee.token })).body.viewerRole).toBe('member');
    });

    it('a new user registers with invitationToken, registers the invited enterprise and lands in the chain', async () => {
      const uscc = validUscc();
      const email = `founder-${Date.now()}@test.smedx.cn`;
      const { token } = await invitation(t, leader.owner, leader.chain.id, {
        position: 'upstream',
        uscc,
        enterpriseName: '沈阳新材料有限公司',
      });
      const registered = await t.post('/auth/register', {
        email,
        password: 'correct horse battery',
        displayName: '新用户',
        invitationToken: token,
      });
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({
        accessToken: expect.any(String),
        user: { email },
        chainInvitation: { chainId: leader.chain.id, status: 'accepted_pending_enterprise', position: 'upstream' },
      });
      const newUser = registered.body.accessToken as string;

      // The token is spent: nobody else may use it, not even to register.
      const stranger = await registerUser(t, 'stranger');
      const taken = await t.post(`/chain-invitations/${token}/accept`, {}, { token: stranger.token });
      expect(taken.status).toBe(409);
      expect(taken.body.details).toEqual({ state: 'accepted_pending_enterprise' });

      const enterprise = await t.post(
        '/enterprises',
        { name: '沈阳新材料有限公司', uscc, industry: 'machine_tool', district: 'tiexi', scale: 'below' },
        { token: newUser },
      );
      expect(enterprise.status).toBe(201);
      const joined = await t.post(`/chain-invitations/${token}/accept`, {}, { token: newUser });
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({ status: 'accepted', enterpriseId: enterprise.body.id });
      const members = await t.get(chainPath('/members'), { token: newUser, query: { position: 'upstream', pageSize: 100 } });
      expect(members.body.items.map((m: any) => m.enterpriseId)).toContain(enterprise.body.id);
    });

    it('a bad token leaves no account: 409 used, 410 expired, 400 unknown, 403 another e-mail', async () => {
      const register = (email: string, invitationToken: string) =>
        t.post('/auth/register', { email, password: 'correct horse battery', displayName: '某人', invitationToken });
      const owner = await registerUser(t, 'used');
      const enterprise = await createEnterprise(t, owner);
      const used = await invitation(t, leader.owner, leader.chain.id, { position: 'upstream', uscc: enterprise.uscc });
      await t.post(`/chain-invitations/${used.token}/decline`, {}, { token: owner.token });
      const stale = await invitation(t, leader.owner, leader.chain.id, { position: 'upstream', uscc: validUscc(), expiresInDays: 1 });
      t.clock.advance(DAY + 60_000);
      const mailed = await invitation(t, leader.owner, leader.chain.id, { position: 'upstream', email: 'someone-else@test.smedx.cn' });

      const cases: [string, number, RegExp][] = [
        [used.token, 409, /cannot claim a chain_invitation that is declined/],
        [stale.token, 410, /expired/],
        ['unknown-token', 400, /^invitationToken: is not a chain invitation token/],
        [mailed.token, 403, /another e-mail address/],
      ];
      for (const [token, status, message] of cases) {
        const email = `nobody-${status}-${Date.now()}@test.smedx.cn`;
        const res = await register(email, token);
        expect(res.status).toBe(status);
        expect(res.body.message).toMatch(message);
        expect((await t.post('/auth/login', { email, password: 'correct horse battery' })).status).toBe(401);
      }
    });
  });

  describe('POST /chains/:id/invitations/bulk', () => {
    const header = ['企业名称', '统一社会信用代码', '邮箱', '位置'];
    let existingMemberUscc: string;

    beforeAll(() => {
      existingMemberUscc = supplier.enterprise.uscc;
    });

    /** Five rows: the 2nd and 4th are bad (a wrong check character, an unknown position). */
    const fiveRows = () => [
      ['沈阳轴承制造有限公司', validUscc(), '', '上游'],
      ['沈阳错误代码有限公司', badUscc(), '', '上游'],
      ['沈阳包装材料有限公司', '', `pack-${Date.now()}@test.smedx.cn`, '下游'],
      ['沈阳位置不明有限公司', validUscc(), '', '中游'],
      ['沈阳电机有限公司', validUscc(), 'motor@test.smedx.cn', 'downstream'],
    ];

    it.each([
      ['CSV', CSV_TYPE, (rows: string[][]) => Promise.resolve(rosterCsv(rows))],
      ['XLSX', XLSX_TYPE, rosterXlsx],
    ])('invites the good rows of a %s roster and reports the two bad ones by row', async (_, type, build) => {
      const rows = fiveRows();
      const res = await upload(t, chainPath('/invitations/bulk'), await build([header, ...rows]), type, {
        token: leader.owner.token,
        query: { expiresInDays: '7' },
      });
      expect(res.status).toBe(201);
      expect(res.body.created.map((c: any) => c.row)).toEqual([2, 4, 6]);
      expect(res.body.created[0]).toMatchObject({
        row: 2,
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
        position: 'upstream',
        uscc: rows[0]![1],
        enterpriseName: '沈阳轴承制造有限公司',
        sourceRow: 2,
      });
      expect(res.body.created[2]).toMatchObject({ position: 'downstream', email: 'motor@test.smedx.cn' });
      const days = (new Date(res.body.created[0].expiresAt).getTime() - t.clock.now().getTime()) / DAY;
      expect(days).toBeCloseTo(7, 1);
      expect(res.body.errors).toEqual([
        { row: 3, field: 'uscc', reason: expect.stringMatching(/^wrong check character/) },
        { row: 5, field: 'position', reason: 'must be 上游/upstream or 下游/downstream, got "中游"' },
      ]);
      // The tokens are real: the bearing maker registers and accepts.
      const owner = await registerUser(t, 'bearing');
      await createEnterprise(t, owner, { uscc: rows[0]![1] });
      const accepted = await t.post(`/chain-invitations/${res.body.created[0].token}/accept`, {}, { token: owner.token });
      expect(accepted.body).toMatchObject({ status: 'accepted', position: 'upstream' });
    });

    it('reports rows naming the leader or an existing member, and repeats within the file', async () => {
      const twin = validUscc();
      const res = await upload(
        t,
        chainPath('/invitations/bulk'),
        rosterCsv([
          ['uscc', 'position'],
          [leader.enterprise.uscc, 'upstream'],
          [existingMemberUscc, 'upstream'],
          [twin, 'downstream'],
          [twin, 'downstream'],
        ]),
        'text/csv',
        { token: leader.owner.token },
      );
      expect(res.status).toBe(201);
      expect(res.body.created.map((c: any) => c.row)).toEqual([4]);
      expect(res.body.errors).toEqual([
        { row: 2, field: 'uscc', reason: "is the chain leader's own code" },
        { row: 3, field: 'uscc', reason: 'this enterprise is already a member of the chain' },
        { row: 5, field: 'uscc', reason: 'repeats row 4' },
      ]);
    });

    it('answers 400 for a file it cannot read as a roster', async () => {
      const noPosition = await upload(
        t,
        chainPath('/invitations/bulk'),
        rosterCsv([
          ['企业名称', '统一社会信用代码'],
          ['甲', validUscc()],
        ]),
        CSV_TYPE,
        {
          token: leader.owner.token,
        },
      );
      expect(noPosition.status).toBe(400);
      expect(noPosition.body.message).toMatch(/^\(body\): the header row lacks 位置 \(position\)/);
      const json = await t.post(chainPath('/invitations/bulk'), { rows: [] }, { token: leader.owner.token });
      expect(json.status).toBe(400);
      expect(json.body.message).toMatch(/^\(body\): must be a CSV/);
      const days = await upload(t, chainPath('/invitations/bulk'), rosterCsv([header]), CSV_TYPE, {
        token: leader.owner.token,
        query: { expiresInDays: '0' },
      });
      expect(days.status).toBe(400);
      expect(days.body.message).toMatch(/^expiresInDays: must be at least 1/);
      const broken = await upload(t, chainPath('/invitations/bulk'), Buffer.from('PK\u0003\u0004garbage'), XLSX_TYPE, {
        token: leader.owner.token,
      });
      expect(broken.status).toBe(400);
      expect(broken.body.message).toBe('(body): not a readable XLSX workbook');
    });

    it('answers 401, 404 to outsiders and 403 to members', async () => {
      const file = rosterCsv([header, ...fiveRows()]);
      expect((await upload(t, chainPath('/invitations/bulk'), file, CSV_TYPE)).status).toBe(401);
      expect((await upload(t, chainPath('/invitations/bulk'), file, CSV_TYPE, { token: outsider.token })).status).toBe(404);
      expect((await upload(t, chainPath('/invitations/bulk'), file, CSV_TYPE, { token: supplier.owner.token })).status).toBe(403);
    });
  });

  describe('GET /chains, /chains/:id, /chains/:id/members, /chains/:id/invitations (scope)', () => {
    it('shows each caller only the chains it belongs to; officers see all', async () => {
      const mine = await t.get('/chains', { token: supplier.owner.token });
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((c: any) => [c.id, c.viewerRole])).toEqual([[leader.chain.id, 'member']]);
      expect((await t.get('/chains', { token: outsider.token })).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      const all = await t.get('/chains', { token: officer.token, query: { pageSize: 100 } });
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      expect(all.body.items.find((c: any) => c.id === leader.chain.id).viewerRole).toBe('officer');
      expect((await t.get('/chains', { token: officer.token, query: { pageSize: 101 } })).status).toBe(400);
      expect((await t.get('/chains')).status).toBe(401);
    });

    it('a non-member gets 404 for the chain and everything under it', async () => {
      for (const path of ['', '/members', '/invitations', '/dashboard', '/joint-needs', '/cases']) {
        const res = await t.get(chainPath(path), { token: outsider.token });
        expect([path, res.status]).toEqual([path, 404]);
      }
      expect((await t.get(chainPath())).status).toBe(401);
      expect((await t.get('/chains/abc', { token: officer.token })).status).toBe(400);
    });

    it('answers 401 without a token and 400 naming a bad query parameter on every read route', async () => {
      for (const path of ['', '/members', '/invitations', '/dashboard', '/joint-needs', '/cases']) {
        expect([path, (await t.get(chainPath(path))).status]).toEqual([path, 401]);
      }
      const position = await t.get(chainPath('/members'), { token: supplier.owner.token, query: { position: 'middle' } });
      expect(position.status).toBe(400);
      expect(position.body.message).toBe('position: must be upstream or downstream, got "middle"');
      for (const path of [chainPath('/joint-needs'), chainPath('/cases'), '/chain-cases']) {
        const res = await t.get(path, { token: officer.token, query: { page: 0 } });
        expect([path, res.status, res.body.message]).toEqual([path, 400, 'page: must be at least 1']);
      }
    });

    it('members see the roster, not the invitations', async () => {
      const members = await t.get(chainPath('/members'), { token: supplier.owner.token, query: { pageSize: 100 } });
      expect(members.status).toBe(200);
      expect(members.body.items[0]).toMatchObject({ position: 'upstream' });
      const supplierRow = members.body.items.find((m: any) => m.enterpriseId === supplier.enterprise.id);
      expect(supplierRow).toEqual({
        enterpriseId: supplier.enterprise.id,
        name: '沈阳铸造配套有限公司',
        industry: 'machine_tool',
        district: 'tiexi',
        position: 'upstream',
        jointNeeds: 'opted_out',
        siteNote: null,
        joinedAt: expect.any(String),
      });
      expect((await t.get(chainPath('/invitations'), { token: supplier.owner.token })).status).toBe(403);
      const asOfficer = await t.get(chainPath('/invitations'), { token: officer.token, query: { status: 'accepted' } });
      expect(asOfficer.status).toBe(200);
      expect(asOfficer.body.items.every((i: any) => i.status === 'accepted' && !('token' in i) && !('tokenHash' in i))).toBe(true);
      expect((await t.get(chainPath('/invitations'), { token: officer.token, query: { status: 'used' } })).status).toBe(400);
    });
  });

  describe('joint needs (联合需求)', () => {
    let partner: { owner: TestUser; enterprise: any };

    beforeAll(async () => {
      partner = await chainMember(t, leader.owner, leader.chain.id, 'downstream', { name: '沈阳装配协作有限公司' });
    });

    it('answers 409 while no member opted in', async () => {
      const res = await t.post(chainPath('/joint-needs'), needInput(t.clock), { token: leader.owner.token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'no_opted_in_members', details: { state: 'no_opted_in_members' } });
    });

    it('members opt in for their own enterprise only; 409 when nothing changes', async () => {
      const path = chainPath(`/members/${supplier.enterprise.id}/opt-in`);
      expect((await t.post(path, {}, { token: leader.owner.token })).status).toBe(403);
      expect((await t.post(path, {}, { token: partner.owner.token })).status).toBe(403);
      expect((await t.post(path, {}, { token: outsider.token })).status).toBe(404);
      expect((await t.post(path, {})).status).toBe(401);
      expect((await t.post(chainPath(`/members/${outsiderEnterprise.id}/opt-in`), {}, { token: outsider.token })).status).toBe(404);
      const badNote = await t.post(path, { siteNote: 'x'.repeat(201) }, { token: supplier.owner.token });
      expect(badNote.status).toBe(400);
      expect(badNote.body.message).toMatch(/^siteNote: must be at most 200 characters/);

      const res = await t.post(path, { siteNote: '铸造车间设备联网' }, { token: supplier.owner.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ enterpriseId: supplier.enterprise.id, jointNeeds: 'opted_in', siteNote: '铸造车间设备联网' });
      const again = await t.post(path, {}, { token: supplier.owner.token });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('cannot opt-in a chain_member that is opted_in');

      const out = chainPath(`/members/${partner.enterprise.id}/opt-out`);
      expect((await t.post(out, {})).status).toBe(401);
      expect((await t.post(out, {}, { token: leader.owner.token })).status).toBe(403);
      expect((await t.post(out, {}, { token: outsider.token })).status).toBe(404);
      expect((await t.post(chainPath('/members/abc/opt-out'), {}, { token: partner.owner.token })).status).toBe(400);
      expect((await t.post(out, {}, { token: partner.owner.token })).status).toBe(409);
      expect((await t.post(chainPath(`/members/${partner.enterprise.id}/opt-in`), {}, { token: partner.owner.token })).status).toBe(200);
      expect((await t.post(out, {}, { token: partner.owner.token })).body.jointNeeds).toBe('opted_out');
      expect((await t.post(chainPath(`/members/${partner.enterprise.id}/opt-in`), {}, { token: partner.owner.token })).status).toBe(200);
      expect(await auditActions(leader.chain.id)).toEqual(
        expect.arrayContaining(['chain.joint_needs_opted_in', 'chain.joint_needs_opted_out']),
      );
    });

    it('creates one need of the leader with the opted-in members as sites, published at once if asked', async () => {
      const res = await t.post(chainPath('/joint-needs'), { ...needInput(t.clock), publish: true }, { token: leader.owner.token });
      expect(res.status).toBe(201);
      expect(res.body.sites).toEqual([
        { enterpriseId: supplier.enterprise.id, note: '铸造车间设备联网' },
        { enterpriseId: partner.enterprise.id },
      ]);
      expect(res.body.need).toMatchObject({ enterpriseId: leader.enterprise.id, status: 'published', sites: res.body.sites });
      const need = await t.get(`/needs/${res.body.needId}`, { token: outsider.token });
      expect(need.body).toMatchObject({ status: 'published', sites: res.body.sites });

      const named = await t.post(
        chainPath('/joint-needs'),
        { ...needInput(t.clock), sites: [{ enterpriseId: partner.enterprise.id, note: '总装线' }] },
        { token: leader.owner.token },
      );
      expect(named.status).toBe(201);
      expect(named.body.need).toMatchObject({ status: 'draft', sites: [{ enterpriseId: partner.enterprise.id, note: '总装线' }] });

      // Members see the published joint need, not the leader's draft; the leader sees both.
      const asMember = await t.get(chainPath('/joint-needs'), { token: partner.owner.token });
      expect(asMember.body.items.map((j: any) => j.needId)).toEqual([res.body.needId]);
      expect(asMember.body.items[0].sites.map((s: any) => s.name)).toEqual(['沈阳铸造配套有限公司', '沈阳装配协作有限公司']);
      const asLeader = await t.get(chainPath('/joint-needs'), { token: leader.owner.token });
      expect(asLeader.body.total).toBe(2);
      await t.drain();
      const inbox = await t.get('/notifications', { token: supplier.owner.token, query: { pageSize: 100 } });
      expect(inbox.body.items.map((n: any) => n.kind)).toContain('chain.joint-need');
    });

    it('answers 400 naming the site or field, 403 to members, 404 to outsiders, 401 without a token', async () => {
      const notIn = await t.post(
        chainPath('/joint-needs'),
        { ...needInput(t.clock), sites: [{ enterpriseId: outsiderEnterprise.id }] },
        { token: leader.owner.token },
      );
      expect(notIn.status).toBe(400);
      expect(notIn.body.message).toBe('sites.0.enterpriseId: is not a member of the chain that opted in to joint needs');
      const budget = await t.post(chainPath('/joint-needs'), needInput(t.clock, { budgetFen: -1 }), { token: leader.owner.token });
      expect(budget.body.message).toMatch(/^budgetFen: must be > 0/);
      const past = await t.post(
        chainPath('/joint-needs'),
        needInput(t.clock, { bidDeadline: new Date(t.clock.now().getTime() - DAY).toISOString() }),
        { token: leader.owner.token },
      );
      expect(past.status).toBe(201);
      const pastPublished = await t.post(
        chainPath('/joint-needs'),
        { ...needInput(t.clock, { bidDeadline: new Date(t.clock.now().getTime() - DAY).toISOString() }), publish: true },
        { token: leader.owner.token },
      );
      expect(pastPublished.status).toBe(400);
      expect(pastPublished.body.message).toMatch(/^bidDeadline: must be in the future/);
      expect((await t.post(chainPath('/joint-needs'), needInput(t.clock), { token: supplier.owner.token })).status).toBe(403);
      expect((await t.post(chainPath('/joint-needs'), needInput(t.clock), { token: outsider.token })).status).toBe(404);
      expect((await t.post(chainPath('/joint-needs'), needInput(t.clock))).status).toBe(401);
    });
  });

  describe('GET /chains/:id/dashboard', () => {
    let cohort: { owner: TestUser; enterprise: any }[];
    let solution: any;

    beforeAll(async () => {
      // Two more members with the same open need, a third at level 3; one solution fits them all.
      cohort = [
        await chainMember(t, leader.owner, leader.chain.id, 'upstream', { name: '沈阳齿轮加工有限公司' }),
        await chainMember(t, leader.owner, leader.chain.id, 'downstream', { name: '沈阳机床附件有限公司' }),
      ];
      const uow = t.app.get(UnitOfWork);
      const directory = t.app.get(DirectoryService);
      await uow.run((tx) => directory.setDigitalLevel(tx, cohort[0]!.enterprise.id, 2, 'assessment'));
      await uow.run((tx) => directory.setDigitalLevel(tx, cohort[1]!.enterprise.id, 1, 'assessment'));
      await uow.run((tx) => directory.setDigitalLevel(tx, supplier.enterprise.id, 3, 'assessment'));
      for (const m of cohort) await publishedNeed(t, m.owner, m.enterprise.id, NETWORKING_NEED);
      const provider = await approvedProvider(t, { districts: ['tiexi'] });
      solution = await publishedSolution(t, provider.owner, provider.provider.id, {
        title: '机床行业设备联网与OEE分析轻量化方案',
        scenarios: ['device_networking', 'data_collection', 'equipment'],
        industries: ['machine_tool'],
        priceMinFen: 3_000_000,
        priceMaxFen: 12_000_000,
        deployDays: 15,
        levels: [1, 2],
      });
      await t.drain();
    });

    it('shows the leader members by position with levels, needs, projects, progress to level 2 and cohort matches', async () => {
      const res = await t.get(chainPath('/dashboard'), { token: leader.owner.token, query: { pageSize: 100 } });
      expect(res.status).toBe(200);
      const d = res.body;
      expect(d.chain).toEqual({
        id: leader.chain.id,
        name: leader.chain.name,
        leader: { enterpriseId: leader.enterprise.id, name: '沈阳重型机床集团有限公司', digitalLevel: null },
      });
      expect(d.targetLevel).toBe(2);
      const members = d.members.items;
      expect(d.members.total).toBe(members.length);
      expect(d.totals.members).toBe(members.length);
      expect(d.totals.upstream + d.totals.downstream).toBe(members.length);
      // Upstream first, then downstream.
      const positions = members.map((m: any) => m.position);
      expect(positions).toEqual([...positions].sort().reverse());
      expect(d.totals.atTargetLevel).toBe(2);
      expect(d.totals.assessed).toBe(3);
      expect(d.totals.shareAtTargetLevel).toBeCloseTo(2 / members.length, 5);
      expect(d.totals.byLevel).toEqual([
        { level: 1, count: 1 },
        { level: 2, count: 1 },
        { level: 3, count: 1 },
        { level: 4, count: 0 },
        { level: null, count: members.length - 3 },
      ]);
      const gear = members.find((m: any) => m.enterpriseId === cohort[0]!.enterprise.id);
      expect(gear).toMatchObject({
        name: '沈阳齿轮加工有限公司',
        position: 'upstream',
        digitalLevel: 2,
        atTargetLevel: true,
        needs: { published: 1, awarded: 0, closed: 0, cancelled: 0 },
        projects: { active: 0, rework: 0, accepted: 0, cancelled: 0 },
      });
      expect(d.totals.needs.published).toBe(2);
      expect(d.totals.jointNeeds).toBeGreaterThanOrEqual(2);
      expect(d.totals.optedInToJointNeeds).toBe(2);
      expect(d.totals.pendingInvitations).toBeGreaterThan(0);

      const match = d.cohortMatches.find((c: any) => c.solutionId === solution.id);
      expect(match).toMatchObject({
        title: '机床行业设备联网与OEE分析轻量化方案',
        enterpriseCount: 2,
        needCount: 2,
        averageScore: expect.any(Number),
        bestScore: expect.any(Number),
      });
      expect(match.enterprises.map((e: any) => e.name).sort()).toEqual(['沈阳机床附件有限公司', '沈阳齿轮加工有限公司'].sort());
      expect(match.averageScore).toBeGreaterThan(0.5);
    });

    it('pages the members while the totals stay whole', async () => {
      const res = await t.get(chainPath('/dashboard'), { token: leader.owner.token, query: { page: 2, pageSize: 1 } });
      expect(res.body.members.items).toHaveLength(1);
      expect(res.body.members).toMatchObject({ page: 2, pageSize: 1, total: res.body.totals.members });
      expect((await t.get(chainPath('/dashboard'), { token: leader.owner.token, query: { pageSize: 101 } })).status).toBe(400);
    });

    it('is for the leader and officers: 403 to members, 404 to outsiders, 401 without a token', async () => {
      expect((await t.get(chainPath('/dashboard'), { token: officer.token })).status).toBe(200);
      const member = await t.get(chainPath('/dashboard'), { token: cohort[0]!.owner.token });
      expect(member.status).toBe(403);
      expect(member.body.code).toBe('not_chain_leader_member');
      expect((await t.get(chainPath('/dashboard'), { token: outsider.token })).status).toBe(404);
      expect((await t.get(chainPath('/dashboard'))).status).toBe(401);
    });

    it('counts a member’s projects by status', async () => {
      const awarded = await awardedProject(t);
      await joinChain(t, leader.owner, leader.chain.id, awarded.enterpriseOwner, awarded.enterprise, 'downstream');
      const res = await t.get(chainPath('/dashboard'), { token: leader.owner.token, query: { pageSize: 100 } });
      const row = res.body.members.items.find((m: any) => m.enterpriseId === awarded.enterprise.id);
      expect(row.projects).toEqual({ active: 1, rework: 0, accepted: 0, cancelled: 0 });
      expect(row.needs).toMatchObject({ awarded: 1 });
      expect(res.body.totals.projects.active).toBeGreaterThanOrEqual(1);
    });
  });

  describe('chain cases (链式典型案例)', () => {
    let accepted: Awaited<ReturnType<typeof awardedProject>>;
    let running: Awaited<ReturnType<typeof awardedProject>>;

    beforeAll(async () => {
      const assessor = await userWithRole(t, 'assessor');
      accepted = await awardedProject(t, { enterprise: { name: '沈阳数控刀具有限公司' } });
      await joinChain(t, leader.owner, leader.chain.id, accepted.enterpriseOwner, accepted.enterprise, 'upstream');
      await attachAcceptanceEvidence(t, accepted.projectId, assessor.token);
      const acceptance = await t.post(
        `/projects/${accepted.projectId}/acceptance`,
        acceptanceInput(await openMilestoneReasons(t, accepted.projectId, assessor.token)),
        { token: assessor.token },
      );
      expect(acceptance.status).toBe(201);
      running = await awardedProject(t);
      await joinChain(t, leader.owner, leader.chain.id, running.enterpriseOwner, running.enterprise, 'downstream');
    });

    it('nominates accepted projects of chain enterprises; officers list the nominations', async () => {
      const res = await t.post(
        chainPath('/cases'),
        {
          title: '机床产业链设备联网协同改造',
          summary: '链主带动上游刀具企业完成设备联网，数据贯通至链主计划系统。',
          projectIds: [accepted.projectId],
        },
        { token: leader.owner.token },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        chainId: leader.chain.id,
        chainName: leader.chain.name,
        leaderEnterpriseId: leader.enterprise.id,
        projectIds: [accepted.projectId],
        status: 'nominated',
        nominatedAt: expect.any(String),
      });
      const all = await t.get('/chain-cases', { token: officer.token });
      expect(all.status).toBe(200);
      expect(all.body.items.map((c: any) => c.id)).toContain(res.body.id);
      const ofChain = await t.get(chainPath('/cases'), { token: accepted.enterpriseOwner.token });
      expect(ofChain.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
      expect(await auditActions(leader.chain.id)).toContain('chain.case_nominated');

      const again = await t.post(
        chainPath('/cases'),
        { title: '再次', summary: '重复提名', projectIds: [accepted.projectId] },
        { token: leader.owner.token },
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('project_already_nominated');
    });

    it('answers 409 naming the state of a project not yet accepted', async () => {
      const res = await t.post(
        chainPath('/cases'),
        { title: '未验收', summary: '说明', projectIds: [running.projectId] },
        { token: leader.owner.token },
      );
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('cannot nominate as a chain case a project that is active');
    });

    it('answers 400 naming the entry that is unknown or outside the chain', async () => {
      const outside = await awardedProject(t);
      const res = await t.post(
        chainPath('/cases'),
        { title: '案例', summary: '说明', projectIds: [accepted.projectId, outside.projectId, UNKNOWN_ID] },
        { token: leader.owner.token },
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(`projectIds.1: is not a project of an enterprise in the chain; projectIds.2: no project ${UNKNOWN_ID}`);
      const empty = await t.post(chainPath('/cases'), { title: '案例', summary: '说明', projectIds: [] }, { token: leader.owner.token });
      expect(empty.body.message).toMatch(/^projectIds: must name at least one project/);
    });

    it('answers 401, 403 to members and to non-officers listing, 404 to outsiders', async () => {
      const body = { title: '案例', summary: '说明', projectIds: [accepted.projectId] };
      expect((await t.post(chainPath('/cases'), body)).status).toBe(401);
      expect((await t.post(chainPath('/cases'), body, { token: accepted.enterpriseOwner.token })).status).toBe(403);
      expect((await t.post(chainPath('/cases'), body, { token: outsider.token })).status).toBe(404);
      expect((await t.get('/chain-cases', { token: leader.owner.token })).status).toBe(403);
      expect((await t.get('/chain-cases')).status).toBe(401);
    });
  });

  describe('a leader whose mark is withdrawn', () => {
    it('keeps its chain readable but takes in nothing new (409 naming the state)', async () => {
      const former = await chainLeader(t);
      const unmark = await t.post(
        `/enterprises/${former.enterprise.id}/chain-leader`,
        { isChainLeader: false, reason: '不再符合链主条件' },
        { token: officer.token },
      );
      expect(unmark.status).toBe(200);
      expect(unmark.body).toMatchObject({ isChainLeader: false, chainId: former.chain.id });
      expect((await t.get(`/chains/${former.chain.id}`, { token: former.owner.token })).status).toBe(200);
      const invite = await t.post(
        `/chains/${former.chain.id}/invitations`,
        { position: 'upstream', uscc: validUscc() },
        { token: former.owner.token },
      );
      expect(invite.status).toBe(409);
      expect(invite.body).toMatchObject({ code: 'not_chain_leader', details: { state: 'not_chain_leader' } });
      expect(await auditActions(former.enterprise.id)).toContain('enterprise.chain_leader_unmarked');
    });
  });
});
