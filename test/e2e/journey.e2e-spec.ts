import { shanghaiDate } from '@smedx/projects';
import { startTestApp, TestApp } from '../support/test-app.js';
import { registerUser, userWithRole } from '../factories/users.js';
import { approvedProvider, createEnterprise } from '../factories/directory.js';
import { publishedSolution } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';
import { notificationsOf, submitBid } from '../factories/bidding.js';
import { acceptanceInput, attachAcceptanceEvidence, openMilestoneReasons, reportInput } from '../factories/projects.js';

/**
 * The whole journey over HTTP: a need, three bids, a revision and a
 * withdrawal, shortlist, award, the project with milestones, monitoring and a
 * passed acceptance — then the case on the provider's page, its record, and
 * its solutions ranking higher in another need's matches.
 */
describe('journey: need → bids → award → project → acceptance → case → matches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs end to end', async () => {
    const enterpriseOwner = await registerUser(t, 'enterprise');
    const enterprise = await createEnterprise(t, enterpriseOwner, { industry: 'machine_tool', district: 'tiexi', scale: 'above' });
    const solutionBody = {
      title: '数控机床设备联网与OEE看板',
      summary: '为数控机床车间快速实现设备联网和效率分析。',
      description: '通过边缘网关采集数控系统数据，生成设备综合效率看板与停机原因分析。',
      industries: ['machine_tool'],
      scenarios: ['device_networking', 'equipment'],
      priceMinFen: 10_000_000,
      priceMaxFen: 30_000_000,
      deployDays: 60,
      deliveryMode: 'saas',
      levels: [1, 2],
    };
    const providers = [];
    for (const districts of [['tiexi'], ['tiexi'], ['hunnan']]) {
      const p = await approvedProvider(t, { kind: 'integrator', districts });
      const solution = await publishedSolution(t, p.owner, p.provider.id, solutionBody);
      providers.push({ ...p, solution });
    }
    const [a, b, c] = providers;
    const need = await publishedNeed(t, enterpriseOwner, enterprise.id, {
      title: '数控车间设备联网与OEE分析',
      description: '我司现有数控车床36台，设备联网率不足20%，希望实现设备联网、数据采集和OEE看板。',
      scenarios: ['device_networking', 'equipment'],
      budgetFen: 40_000_000,
      expectedDays: 90,
    });

    // Three providers bid; one revises, one withdraws.
    const bidA = await submitBid(t, a.owner, need.id, { priceFen: 28_000_000, deliveryDays: 60, solutionId: a.solution.id });
    const bidB = await submitBid(t, b.owner, need.id, { priceFen: 25_000_000, deliveryDays: 80 });
    const bidC = await submitBid(t, c.owner, need.id, { priceFen: 35_000_000, deliveryDays: 45 });
    const revised = await t.patch(`/bids/${bidA.id}`, { priceFen: 26_500_000 }, { token: a.owner.token });
    expect(revised.status).toBe(200);
    expect((await t.post(`/bids/${bidC.id}/withdraw`, undefined, { token: c.owner.token })).status).toBe(200);

    // Sealed: B sees only its own bid; the enterprise compares all that are open.
    const seenByB = await t.get(`/needs/${need.id}/bids`, { token: b.owner.token });
    expect(seenByB.body.items.map((x: { id: string }) => x.id)).toEqual([bidB.id]);
    const compared = await t.get(`/needs/${need.id}/bids`, { token: enterpriseOwner.token });
    const rowA = compared.body.items.find((x: { id: string }) => x.id === bidA.id);
    expect(rowA).toMatchObject({
      priceFen: 26_500_000,
      subsidyEstimate: { subsidyFen: 13_250_000, netCostFen: 13_250_000, isEstimate: true },
    });

    expect((await t.post(`/bids/${bidA.id}/shortlist`, undefined, { token: enterpriseOwner.token })).status).toBe(200);
    const award = await t.post(`/needs/${need.id}/award`, { bidId: bidA.id }, { token: enterpriseOwner.token });
    expect(award.status).toBe(201);
    const projectId: string = award.body.projectId;
    expect((await notificationsOf(t, b.owner, 'bid.not-awarded')).length).toBe(1);

    // The project: milestones, a monitoring report, the acceptance.
    const project = await t.get(`/projects/${projectId}`, { token: a.owner.token });
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ status: 'active', priceFen: 26_500_000 });
    const milestone = project.body.milestones[0];
    const done = await t.call('PATCH', `/projects/${projectId}/milestones/${milestone.id}`, {
      token: a.owner.token,
      // Project dates are Shanghai calendar dates (from 16:00 UTC it is already the next day there).
      body: { status: 'done', actualDate: shanghaiDate(t.clock.now()) },
    });
    expect(done.status).toBe(200);
    const assessor = await userWithRole(t, 'assessor');
    expect((await t.post(`/projects/${projectId}/reports`, reportInput(), { token: assessor.token })).status).toBe(201);

    // Another need for which A's and B's identical solutions compete.
    const other = await publishedNeed(t, enterpriseOwner, enterprise.id, {
      title: '机加工车间设备联网',
      description: '希望对数控设备联网并做设备综合效率分析。',
      scenarios: ['device_networking', 'equipment'],
      budgetFen: 40_000_000,
      expectedDays: 90,
    });
    await t.drain();
    const scoreOf = async (solutionId: string) => {
      const res = await t.get(`/needs/${other.id}/matches`, { token: enterpriseOwner.token });
      expect(res.status).toBe(200);
      return res.body.items.find((m: { id: string }) => m.id === solutionId) as { score: number; breakdown: Record<string, number> };
    };
    const before = { a: await scoreOf(a.solution.id), b: await scoreOf(b.solution.id) };
    expect(before.a.score).toBeCloseTo(before.b.score, 9);

    await attachAcceptanceEvidence(t, projectId, assessor.token);
    const accepted = await t.post(
      `/projects/${projectId}/acceptance`,
      acceptanceInput({ result: 'pass', levelAfter: 2, ...(await openMilestoneReasons(t, projectId, assessor.token)) }),
      {
        token: assessor.token,
      },
    );
    expect(accepted.status).toBe(201);
    await t.drain();

    // The case is on A's public page, its record changed, the enterprise reached level 2, the need closed.
    const cases = await t.get(`/providers/${a.provider.id}/cases`, { token: b.owner.token });
    expect(cases.body.items.map((x: { projectId?: string; id: string }) => x.projectId ?? x.id)).toContain(projectId);
    const record = (await t.get(`/providers/${a.provider.id}`, { token: b.owner.token })).body.record;
    expect(record).toMatchObject({ completedProjects: 1, acceptancePassRate: 1 });
    expect((await t.get(`/enterprises/${enterprise.id}`, { token: enterpriseOwner.token })).body.digitalLevel).toBe(2);
    expect((await t.get(`/needs/${need.id}`, { token: enterpriseOwner.token })).body.status).toBe('closed');

    // A now ranks above B for the same solution text.
    const after = { a: await scoreOf(a.solution.id), b: await scoreOf(b.solution.id) };
    expect(after.a.score).toBeGreaterThan(before.a.score);
    expect(after.a.score).toBeGreaterThan(after.b.score);
    const ranked = (await t.get(`/needs/${other.id}/matches`, { token: enterpriseOwner.token })).body.items.map(
      (m: { id: string }) => m.id,
    );
    expect(ranked.indexOf(a.solution.id)).toBeLessThan(ranked.indexOf(b.solution.id));
  });
});
