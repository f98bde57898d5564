import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { notificationsOf, submitBid } from '../factories/bidding.js';
import { publishedSolution } from '../factories/catalogue.js';
import { needInput, publishedNeed } from '../factories/demand.js';
import { approvedProvider, createEnterprise, createProvider } from '../factories/directory.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('invitations to bid (邀请投标)', () => {
  let t: TestApp;
  let owner: TestUser;
  let enterprise: any;
  let need: any;
  let invited: { owner: TestUser; provider: any };
  let solution: any;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t, 'buyer');
    enterprise = await createEnterprise(t, owner, { district: 'tiexi' });
    need = await publishedNeed(t, owner, enterprise.id);
    invited = await approvedProvider(t);
    solution = await publishedSolution(t, invited.owner, invited.provider.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets the enterprise invite a provider once; the provider is notified once and sees it; the bid answers it', async () => {
    const path = `/needs/${need.id}/invitations`;
    const res = await t.post(
      path,
      { providerId: invited.provider.id, solutionId: solution.id, message: '看了贵司方案，欢迎报价' },
      { token: owner.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      needId: need.id,
      needTitle: need.title,
      enterpriseName: enterprise.name,
      providerId: invited.provider.id,
      providerName: invited.provider.name,
      solutionTitle: solution.title,
      bidId: null,
    });
    const again = await t.post(path, { providerId: invited.provider.id }, { token: owner.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_invited');

    const notices = await notificationsOf(t, invited.owner, 'bid.invited');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/needs/${need.id}` });
    expect(notices[0].title).toContain(enterprise.name);
    expect(notices[0].body).toBe('看了贵司方案，欢迎报价');

    const mine = await t.get('/bid-invitations', { token: invited.owner.token });
    expect(mine.body.items.map((i: any) => i.id)).toEqual([res.body.id]);
    const bid = await submitBid(t, invited.owner, need.id);
    // Amounts in notifications read as in the UI: ¥ and 万元 from ten thousand, no trailing zeros.
    const received = await notificationsOf(t, owner, 'bid.received');
    expect(received[0].body).toContain(`投标报价 ¥${bid.priceFen / 1_000_000}万元`);
    const listed = await t.get(path, { token: owner.token });
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].bidId).toBe(bid.id);
    const audit = await t.get('/audit', {
      token: (await userWithRole(t, 'city_officer')).token,
      query: { action: 'bid.invited', entityId: need.id },
    });
    expect(audit.body.items).toHaveLength(1);
    // The audit names the operator (办理人).
    const me = (await t.get('/auth/me', { token: owner.token })).body;
    expect(audit.body.items[0]).toMatchObject({ actorId: owner.id, actorName: me.displayName });
  });

  it('refuses others, bad providers and closed needs with clear errors', async () => {
    const path = `/needs/${need.id}/invitations`;
    const other = await approvedProvider(t);
    const stranger = await registerUser(t, 'stranger');
    expect((await t.post(path, { providerId: other.provider.id })).status).toBe(401);
    expect((await t.post(path, { providerId: other.provider.id }, { token: stranger.token })).status).toBe(403);
    expect((await t.post(path, { providerId: other.provider.id }, { token: other.owner.token })).status).toBe(403);
    expect((await t.get(path, { token: other.owner.token })).status).toBe(403);
    expect((await t.get(path, { token: stranger.token })).status).toBe(403);
    expect((await t.post(`/needs/${UNKNOWN_ID}/invitations`, { providerId: other.provider.id }, { token: owner.token })).status).toBe(404);
    expect((await t.post(path, { providerId: UNKNOWN_ID }, { token: owner.token })).status).toBe(404);
    const bad = await t.post(path, { providerId: 'nope' }, { token: owner.token });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('providerId');
    const foreignSolution = await t.post(path, { providerId: other.provider.id, solutionId: solution.id }, { token: owner.token });
    expect(foreignSolution.status).toBe(400);
    expect(foreignSolution.body.message).toContain('solutionId');
    const pendingOwner = await registerUser(t, 'pending');
    const pending = await createProvider(t, pendingOwner);
    const notApproved = await t.post(path, { providerId: pending.id }, { token: owner.token });
    expect(notApproved.status).toBe(409);
    expect(notApproved.body.message).toMatch(/pending/);

    // A provider that has bid already needs no invitation.
    const bidder = await approvedProvider(t);
    await submitBid(t, bidder.owner, need.id);
    const late = await t.post(path, { providerId: bidder.provider.id }, { token: owner.token });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('provider_already_bid');

    // A draft need cannot be bid on, so nobody is invited to it.
    const draft = await t.post(
      '/needs',
      { ...needInput(t.clock, { title: '草稿需求' }), enterpriseId: enterprise.id },
      { token: owner.token },
    );
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    const onDraft = await t.post(`/needs/${draft.body.id}/invitations`, { providerId: other.provider.id }, { token: owner.token });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.message).toMatch(/draft/);
  });
});
