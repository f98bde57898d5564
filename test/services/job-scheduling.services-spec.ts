import { jest } from '@jest/globals';
import { In, LessThanOrEqual, MoreThan } from 'typeorm';
import { BullmqJobConsumer, JOB_BUS, JobRunner, OutboxMessage, OutboxRelay } from '@smedx/platform';
import type { JobBus } from '@smedx/platform';
import { MatchingService, REMATCH_NEED_JOB, StrongMatch } from '@smedx/matching';
import { MailMessage, Notification } from '@smedx/notifications';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { waitFor } from '../support/redis-server.js';
import { registerUser } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { approvedProvider, createEnterprise } from '../factories/directory.js';
import { publishedSolution, solutionInput } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';
import { notify, notifyInput } from '../factories/notifications.js';

const OPEN = In(['pending', 'processing', 'dispatched']);

/** A 数控 shop's need and a solution answering it on every factor (as in the matching e2e spec): a strong match. */
const NEED = {
  title: '数控车间设备联网及生产数据采集',
  description:
    '我司现有数控车床、加工中心共42台，品牌包括沈阳机床、大连机床及FANUC系统，目前设备状态靠人工巡检记录。' +
    '希望实现设备联网，实时采集开机、停机、报警数据，并在车间大屏展示设备利用率。',
  scenarios: ['device_networking', 'data_collection', 'equipment'],
  budgetFen: 35_000_000,
  expectedDays: 90,
};
const FITTING = {
  title: '数控机床设备联网与数据采集轻量化方案',
  summary: '免布线网关接入数控车床、加工中心，实时采集开机、停机、报警数据，车间大屏展示设备利用率。',
  description:
    '支持FANUC、西门子、华中数控等主流系统，通过边缘网关采集设备状态与加工节拍，生成设备综合效率（OEE）看板和停机原因分析，按设备数订阅，两天内上线。',
  scenarios: ['device_networking', 'data_collection', 'equipment'],
  industries: ['machine_tool'],
  priceMinFen: 3_000_000,
  priceMaxFen: 12_000_000,
  deployDays: 15,
  deliveryMode: 'saas',
  levels: [1, 2],
};

describe('job scheduling on BullMQ: collapsed re-matches, prompt re-matches, urgent notifications', () => {
  let t: TestApp;
  let owner: TestUser;
  let enterprise: { id: string };
  let provider: { owner: TestUser; provider: { id: string } };
  let fittingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t, 'enterprise');
    enterprise = await createEnterprise(t, owner, { industry: 'machine_tool', district: 'tiexi' });
    provider = await approvedProvider(t, { districts: ['tiexi'] });
    fittingId = (await publishedSolution(t, provider.owner, provider.provider.id, FITTING)).id;
    await t.drain();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Stops this app's consumer: what the writes cause waits in BullMQ. Returns the outbox id before them. */
  async function pauseWorker(): Promise<number> {
    await t.app.get(BullmqJobConsumer).beforeApplicationShutdown();
    return (await t.dataSource.getRepository(OutboxMessage).maximum('id')) ?? 0;
  }

  async function untilDispatched(after: number, expected: (rows: OutboxMessage[]) => boolean): Promise<OutboxMessage[]> {
    return waitFor('the jobs to be handed to BullMQ', async () => {
      const rows = await t.dataSource.getRepository(OutboxMessage).find({ where: { id: MoreThan(after) }, order: { id: 'ASC' } });
      const due = rows.filter((r) => r.availableAt <= new Date());
      return due.every((r) => r.status === 'dispatched') && expected(due) ? due : undefined;
    });
  }

  /** One job at a time, so the order and the number of runs are the queue's, not a race's. */
  async function resumeWorker(after: number): Promise<void> {
    t.app.get(BullmqJobConsumer).start({ concurrency: 1, lockDurationMs: 5000, stalledIntervalMs: 1000 });
    // Due ones: a need's bidding close waits for its deadline, weeks away.
    const due = async () =>
      t.dataSource.getRepository(OutboxMessage).countBy({ id: MoreThan(after), status: OPEN, availableAt: LessThanOrEqual(new Date()) });
    await waitFor('every due job to finish', async () => (await due()) === 0, 60_000);
  }

  /** Resumes the worker and returns the jobs in the order it ran them. */
  async function runOrder(after: number): Promise<string[]> {
    const order: string[] = [];
    const runner = t.app.get(JobRunner);
    const original = runner.run.bind(runner);
    const run = jest.spyOn(runner, 'run').mockImplementation(async (message, attempt) => {
      order.push(message.job);
      return original(message, attempt);
    });
    try {
      await resumeWorker(after);
    } finally {
      run.mockRestore();
    }
    return order;
  }

  /** The strong-match notifications of a user for the need and the fitting solution. */
  async function strongNotices(user: TestUser, needId: string): Promise<Notification[]> {
    const rows = await t.dataSource.getRepository(Notification).find({ where: { userId: user.id, kind: 'match.strong' } });
    return rows.filter((n) => {
      const data = n.data as { needId?: string; solutionId?: string } | null;
      return data?.needId === needId && data.solutionId === fittingId;
    });
  }

  it('ten edits of a need while the worker is busy elsewhere: one re-match, which sees the last edit; each side told once', async () => {
    const mark = await pauseWorker();
    const need = await publishedNeed(t, owner, enterprise.id, NEED);
    for (let i = 1; i <= 10; i++) {
      const edited = await t.patch(`/needs/${need.id}`, { title: `${NEED.title}（第${i}次修改）` }, { token: owner.token });
      expect(edited.status).toBe(200);
    }
    const forNeed = (rows: OutboxMessage[]) =>
      rows.filter((r) => r.job === REMATCH_NEED_JOB && (r.payload as { needId: string }).needId === need.id);
    // The publication and each edit wrote a re-match job, each handed to BullMQ on its own.
    await untilDispatched(mark, (rows) => forNeed(rows).length === 11);

    const rematch = jest.spyOn(t.app.get(MatchingService), 'rematchNeed');
    try {
      await resumeWorker(mark);
      expect(rematch.mock.calls.filter(([id]) => id === need.id)).toHaveLength(1);
    } finally {
      rematch.mockRestore();
    }

    const rows = forNeed(await t.dataSource.getRepository(OutboxMessage).find({ where: { id: MoreThan(mark) } }));
    expect(rows.map((r) => r.status)).toEqual(Array(11).fill('done'));
    // One ran; the ten it stood for are done without an attempt of their own.
    expect(rows.filter((r) => r.attempts === 0)).toHaveLength(10);

    for (const user of [owner, provider.owner]) {
      const notices = await strongNotices(user, need.id);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toContain('（第10次修改）');
      expect(await t.dataSource.getRepository(MailMessage).countBy({ notificationId: notices[0]!.id })).toBe(1);
    }
  });

  it('an edit made while the re-match runs is matched again, not collapsed into the run that could not see it', async () => {
    const mark = await pauseWorker();
    const need = await publishedNeed(t, owner, enterprise.id, { ...NEED, title: '数控车间设备联网改造' });
    await untilDispatched(mark, (rows) => rows.some((r) => r.job === REMATCH_NEED_JOB));
    const matching = t.app.get(MatchingService);
    const original = matching.rematchNeed.bind(matching);
    let edited = false;
    const rematch = jest.spyOn(matching, 'rematchNeed').mockImplementation(async (id) => {
      // The first run is under way (it marked the other waiting jobs already) when the need is edited again.
      if (id === need.id && !edited) {
        edited = true;
        const res = await t.patch(`/needs/${need.id}`, { title: '数控车间设备联网改造（运行中修改）' }, { token: owner.token });
        expect(res.status).toBe(200);
      }
      return original(id);
    });
    try {
      await resumeWorker(mark);
      expect(rematch.mock.calls.filter(([id]) => id === need.id)).toHaveLength(2);
    } finally {
      rematch.mockRestore();
    }
  });

  it('a notification runs before the jobs queued ahead of it', async () => {
    const mark = await pauseWorker();
    for (let i = 0; i < 3; i++) await publishedSolution(t, provider.owner, provider.provider.id, solutionInput());
    const input = notifyInput({ userIds: [owner.id] });
    await notify(t, input);
    const queued = await untilDispatched(mark, (rows) => rows.some((r) => r.job === 'notifications.deliver'));
    // The notification was the last job written.
    expect(queued.filter((r) => r.job !== 'notifications.deliver').length).toBeGreaterThanOrEqual(6);
    expect(queued.at(-1)!.job).toBe('notifications.deliver');

    const order = await runOrder(mark);
    expect(order[0]).toBe('notifications.deliver');
    expect(await t.dataSource.getRepository(Notification).countBy({ userId: owner.id, dedupeKey: input.dedupeKey })).toBe(1);
  });
  it('a re-match runs before the index, audit and schedule jobs queued ahead of it', async () => {
    const mark = await pauseWorker();
    for (let i = 0; i < 3; i++) await publishedSolution(t, provider.owner, provider.provider.id, solutionInput());
    await publishedNeed(t, owner, enterprise.id, { ...NEED, title: '数控车间设备联网（排队）' });
    const queued = await untilDispatched(mark, (rows) => rows.some((r) => r.job === REMATCH_NEED_JOB));
    // The need's re-match was written after the solutions' other jobs.
    expect(queued.findIndex((r) => r.job === REMATCH_NEED_JOB)).toBeGreaterThan(queued.findIndex((r) => r.job === 'search.index-solution'));

    const order = await runOrder(mark);
    const rematches = order.flatMap((job, i) => (job.startsWith('matching.rematch-') ? [i] : []));
    const firstOther = order.findIndex((job) => !job.startsWith('matching.rematch-') && !job.startsWith('notifications.'));
    expect(rematches).toHaveLength(4);
    expect(firstOther).toBeGreaterThan(Math.max(...rematches));
  });

  describe('a re-match with several strong pairs', () => {
    let second: { owner: TestUser; provider: { id: string } };
    let secondId: string;

    beforeAll(async () => {
      second = await approvedProvider(t, { districts: ['tiexi'] });
      secondId = (await publishedSolution(t, second.owner, second.provider.id, { ...FITTING, title: '数控设备联网与OEE看板方案' })).id;
      await t.drain();
    });

    /** Every strong-match notification (and its mail count) about the need, by user. */
    async function noticesOf(needId: string): Promise<{ userId: string; dedupeKey: string; mails: number }[]> {
      const rows = (await t.dataSource.getRepository(Notification).find({ where: { kind: 'match.strong' } })).filter(
        (n) => (n.data as { needId?: string } | null)?.needId === needId,
      );
      const mails = await t.dataSource.getRepository(MailMessage).find({ where: { notificationId: In(rows.map((r) => r.id)) } });
      return rows
        .map((n) => ({ userId: n.userId, dedupeKey: n.dedupeKey, mails: mails.filter((m) => m.notificationId === n.id).length }))
        .sort((a, b) => `${a.userId}${a.dedupeKey}`.localeCompare(`${b.userId}${b.dedupeKey}`));
    }

    it("records them and notifies both sides in the re-match's own transaction, each once, with no delivery job", async () => {
      const mark = await pauseWorker();
      const need = await publishedNeed(t, owner, enterprise.id, { ...NEED, title: '数控车间设备联网（两家方案）' });
      await untilDispatched(mark, (rows) => rows.some((r) => r.job === REMATCH_NEED_JOB));
      await resumeWorker(mark);

      const jobs = await t.dataSource.getRepository(OutboxMessage).find({ where: { id: MoreThan(mark) } });
      // The notices were written with the pairs: no delivery or mail job followed the re-match (no SMTP here).
      expect(jobs.filter((r) => r.job.startsWith('notifications.')).map((r) => r.job)).toEqual([]);
      // Solutions published by the tests above may match too: the pairs are whatever the re-match recorded.
      const recorded = await t.dataSource.getRepository(StrongMatch).findBy({ needId: need.id });
      const pairs = recorded.map((p) => p.solutionId);
      expect(pairs).toEqual(expect.arrayContaining([fittingId, secondId]));

      const notices = await noticesOf(need.id);
      const keys = (solutionId: string) => [`match:${need.id}:${solutionId}:enterprise`, `match:${need.id}:${solutionId}:provider`];
      // Each organisation has one member: each notice reaches one user, once.
      expect(notices.map((n) => n.dedupeKey).sort()).toEqual(pairs.flatMap(keys).sort());
      expect(notices.filter((n) => n.userId === owner.id)).toHaveLength(pairs.length);
      expect(notices.filter((n) => n.userId === provider.owner.id).map((n) => n.dedupeKey)).toContain(keys(fittingId)[1]);
      expect(notices.filter((n) => n.userId === second.owner.id).map((n) => n.dedupeKey)).toEqual([keys(secondId)[1]]);
      expect(notices.every((n) => n.mails === 1)).toBe(true);

      // The re-match again: the pairs are recorded, so it writes nothing and notifies no one.
      expect(await t.app.get(MatchingService).rematchNeed(need.id)).toBe(0);
      expect(await noticesOf(need.id)).toEqual(notices);
    });

    it('a re-match Redis lost after it ran is dispatched and run again by the outbox: still each notification and mail once', async () => {
      const mark = await pauseWorker();
      const need = await publishedNeed(t, owner, enterprise.id, { ...NEED, title: '数控车间设备联网（重发）' });
      await untilDispatched(mark, (rows) => rows.some((r) => r.job === REMATCH_NEED_JOB));
      await resumeWorker(mark);
      const before = await noticesOf(need.id);
      expect(before.length).toBeGreaterThanOrEqual(4);
      expect(before.every((n) => n.mails === 1)).toBe(true);
      const rematch = await t.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ id: MoreThan(mark), job: REMATCH_NEED_JOB, status: 'done' });

      // As after Redis restarted empty: the queue forgot the job and the row is offered again (what the reconciler does).
      await t.app.get<JobBus>(JOB_BUS).forget(rematch.id);
      await t.dataSource
        .getRepository(OutboxMessage)
        .update({ id: rematch.id }, { status: 'pending', availableAt: new Date(), lockedUntil: null });
      const runs: number[] = [];
      const runner = t.app.get(JobRunner);
      const original = runner.run.bind(runner);
      const run = jest.spyOn(runner, 'run').mockImplementation(async (message, attempt) => {
        runs.push(message.id);
        return original(message, attempt);
      });
      try {
        t.app.get(OutboxRelay).nudge();
        await waitFor(
          'the re-match to run again',
          async () => (await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: rematch.id })).status === 'done',
        );
        expect(runs.filter((id) => id === rematch.id)).toHaveLength(1);
      } finally {
        run.mockRestore();
      }
      expect(await noticesOf(need.id)).toEqual(before);
    });
  });
});
