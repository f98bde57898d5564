import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { publishedSolution } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';
import { acceptanceInput, awardedProject } from '../factories/projects.js';
import type { AwardedProject } from '../factories/projects.js';
import { acceptedProject, assessor } from '../factories/subsidy.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const DAY = 24 * 3600_000;

describe('ratings and reviews', () => {
  let t: TestApp;
  let tiexi: TestUser;
  let hunnan: TestUser;

  const rate = (p: AwardedProject, body: Record<string, unknown>, token = p.enterpriseOwner.token) =>
    t.post(`/projects/${p.projectId}/rating`, body, { token });

  const record = async (providerId: string) => (await t.get(`/providers/${providerId}`, { token: tiexi.token })).body.record;

  beforeAll(async () => {
    t = await startTestApp();
    tiexi = await userWithRole(t, 'district_officer', 'tiexi');
    hunnan = await userWithRole(t, 'district_officer', 'hunnan');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs acceptance → rating → reply → appeal → decision, and the record and the ranking follow', async () => {
    const project = await acceptedProject(t);
    const { provider, providerOwner, enterpriseOwner } = project;
    const solution = await publishedSolution(t, providerOwner, provider.id);
    const need = await publishedNeed(t, enterpriseOwner, project.enterprise.id);
    await t.drain();
    const recordFactor = async () => {
      await t.drain();
      const res = await t.get(`/needs/${need.id}/matches`, { token: enterpriseOwner.token });
      return res.body.items.find((m: any) => m.id === solution.id)?.breakdown.record as number;
    };
    const before = await recordFactor();
    expect(before).toBeGreaterThan(0);
    expect(await record(provider.id)).toMatchObject({ ratingAverage: null, ratingCount: 0 });

    // Only the enterprise rates, within bounds.
    expect((await rate(project, { quality: 1, timeliness: 1, service: 1 }, providerOwner.token)).status).toBe(403);
    const outOfRange = await rate(project, { quality: 6, timeliness: 1, service: 1 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.message).toContain('quality');
    expect((await rate(project, { quality: 1, timeliness: 1, service: 1, text: '很'.repeat(1001) })).status).toBe(400);

    const rated = await rate(project, { quality: 1, timeliness: 2, service: 1, text: '交付延期，沟通不及时。' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ status: 'published', score: 1.33, reply: null, appeal: null, district: 'tiexi' });
    const id = rated.body.id;
    const second = await rate(project, { quality: 5, timeliness: 5, service: 5 });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('one rating');
    expect(await record(provider.id)).toMatchObject({ ratingAverage: 1.33, ratingCount: 1 });
    const lowered = await recordFactor();
    expect(lowered).toBeLessThan(before);

    // The provider replies once.
    expect((await t.post(`/ratings/${id}/reply`, { text: '感谢' }, { token: enterpriseOwner.token })).status).toBe(403);
    const replied = await t.post(
      `/ratings/${id}/reply`,
      { text: '延期系设备到货延迟所致，已向企业说明。' },
      { token: providerOwner.token },
    );
    expect(replied.status).toBe(201);
    expect(replied.body.reply).toContain('设备到货延迟');
    const again = await t.post(`/ratings/${id}/reply`, { text: '补充' }, { token: providerOwner.token });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('one reply');

    // The provider appeals; the district officer of the project's district decides.
    const stranger = await registerUser(t, 'stranger');
    expect((await t.post(`/ratings/${id}/appeal`, { reason: '不实' }, { token: stranger.token })).status).toBe(403);
    const appealed = await t.post(
      `/ratings/${id}/appeal`,
      { reason: '评价与事实不符，延期经企业书面同意。' },
      { token: providerOwner.token },
    );
    expect(appealed.status).toBe(201);
    expect(appealed.body).toMatchObject({ status: 'appealed', appeal: { side: 'provider', decision: null } });
    const twice = await t.post(`/ratings/${id}/appeal`, { reason: '再次申诉' }, { token: enterpriseOwner.token });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('cannot appeal a rating that is appealed');
    const pending = await t.get('/ratings', { token: tiexi.token, query: { status: 'appealed' } });
    expect(pending.body.items.map((r: any) => r.id)).toContain(id);

    const other = await t.post(`/ratings/${id}/appeal/decision`, { decision: 'remove', reason: '核实' }, { token: hunnan.token });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('tiexi');
    expect((await t.post(`/ratings/${id}/appeal/decision`, { decision: 'remove' }, { token: tiexi.token })).status).toBe(400);
    const removed = await t.post(
      `/ratings/${id}/appeal/decision`,
      { decision: 'remove', reason: '经核实延期已获企业书面同意，评价不实。' },
      { token: tiexi.token },
    );
    expect(removed.status).toBe(201);
    expect(removed.body).toMatchObject({ status: 'removed', appeal: { decision: 'remove', decidedBy: tiexi.id } });
    expect(await record(provider.id)).toMatchObject({ ratingAverage: null, ratingCount: 0 });
    expect(await recordFactor()).toBeCloseTo(before, 6);
    const decidedAgain = await t.post(`/ratings/${id}/appeal/decision`, { decision: 'uphold', reason: '复议' }, { token: tiexi.token });
    expect(decidedAgain.status).toBe(409);
    expect(decidedAgain.body.message).toBe('cannot uphold a rating that is removed');

    // A removed rating leaves the public list; the parties still read it; the decision is audited.
    expect((await t.get('/ratings', { query: { providerId: provider.id } })).body).toMatchObject({ total: 0, ratingCount: 0 });
    expect((await t.get(`/ratings/${id}`, { token: enterpriseOwner.token })).status).toBe(200);
    expect((await t.get(`/ratings/${id}`, { token: stranger.token })).status).toBe(404);
    await t.drain();
    const city = await userWithRole(t, 'city_officer');
    const audit = await t.get('/audit', { token: city.token, query: { entityType: 'rating', entityId: id } });
    expect(audit.body.items.map((a: any) => a.action).sort()).toEqual(['rating.appealed', 'rating.created', 'rating.removed']);
    expect(audit.body.items.find((a: any) => a.action === 'rating.removed').reason).toContain('书面同意');
  });

  it('rates only after an acceptance was decided, keeps upheld ratings and closes appeals after 15 days', async () => {
    const running = await awardedProject(t);
    const early = await rate(running, { quality: 5, timeliness: 5, service: 5 });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('project that is active');

    // A failed acceptance may be rated too.
    const failing = await awardedProject(t);
    const failed = await t.post(`/projects/${failing.projectId}/acceptance`, acceptanceInput({ result: 'fail', levelAfter: 1 }), {
      token: (await assessor(t)).token,
    });
    expect(failed.status).toBe(201);
    const rated = await rate(failing, { quality: 2, timeliness: 3, service: 4 });
    expect(rated.status).toBe(201);
    expect((await t.get('/ratings', { query: { providerId: failing.provider.id } })).body).toMatchObject({
      total: 1,
      ratingAverage: 3,
      ratingCount: 1,
    });
    const appealed = await t.post(`/ratings/${rated.body.id}/appeal`, { reason: '评分偏低' }, { token: failing.providerOwner.token });
    expect(appealed.status).toBe(201);
    const upheld = await t.post(
      `/ratings/${rated.body.id}/appeal/decision`,
      { decision: 'uphold', reason: '评价属实' },
      { token: tiexi.token },
    );
    expect(upheld.status).toBe(201);
    expect(upheld.body.status).toBe('upheld');
    expect(await record(failing.provider.id)).toMatchObject({ ratingAverage: 3, ratingCount: 1 });
    expect((await t.post(`/ratings/${rated.body.id}/appeal`, { reason: '再诉' }, { token: failing.enterpriseOwner.token })).status).toBe(
      409,
    );

    const late = await acceptedProject(t);
    const lateRating = await rate(late, { quality: 3, timeliness: 3, service: 3 });
    t.clock.advance(15 * DAY + 1000);
    try {
      const closed = await t.post(`/ratings/${lateRating.body.id}/appeal`, { reason: '逾期申诉' }, { token: late.providerOwner.token });
      expect(closed.status).toBe(409);
      expect(closed.body.message).toContain('appeals were possible until');
    } finally {
      t.clock.set(new Date());
    }
  });
});
