import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { In, MoreThan, Not } from 'typeorm';
import { BullmqJobConsumer, JobRunner, OutboxMessage } from '@smedx/platform';
import { AuditEntry } from '@smedx/audit';
import { MailMessage, Notification } from '@smedx/notifications';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { RedisServer, freePort, waitFor } from '../support/redis-server.js';
import { loginAdmin, registerUser } from '../factories/users.js';
import { notify, notifyInput } from '../factories/notifications.js';

const OPEN = In(['pending', 'processing', 'dispatched']);

async function openRows(t: TestApp, after: number): Promise<OutboxMessage[]> {
  return t.dataSource.getRepository(OutboxMessage).find({ where: { id: MoreThan(after), status: OPEN }, order: { id: 'ASC' } });
}

describe('jobs Redis lost are enqueued again at once', () => {
  it('Redis killed and restarted empty: every dispatched-but-unfinished job runs within 30 s, its effect once; one warning per outage', async () => {
    const redis = new RedisServer(await freePort());
    await redis.start();
    // The ten-minute dispatch lease must play no part: only the reconciler can heal within the test.
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const t = await startTestApp({ REDIS_URL: redis.url, OUTBOX_RECONCILE_MS: '60000' });
    try {
      const admin = await loginAdmin(t);
      const users = await Promise.all([1, 2, 3].map(() => registerUser(t)));
      await t.drain();
      const mark = (await t.dataSource.getRepository(OutboxMessage).maximum('id')) ?? 0;

      // No worker: what the writes cause is handed to BullMQ and stays queued there.
      const consumer = t.app.get(BullmqJobConsumer);
      await consumer.beforeApplicationShutdown();
      const inputs = users.flatMap((u) => [1, 2, 3, 4].map(() => notifyInput({ userIds: [u.id] })));
      for (const input of inputs) await notify(t, input);
      for (const u of users) {
        expect((await t.post(`/admin/users/${u.id}/roles`, { role: 'assessor' }, { token: admin.token })).status).toBe(201);
      }
      const dispatched = await waitFor('every job to be handed to BullMQ', async () => {
        const open = await openRows(t, mark);
        return open.length >= inputs.length + users.length && open.every((r) => r.status === 'dispatched') ? open : undefined;
      });

      // A worker ran one notification and one audit record but died before acknowledging them.
      const runner = t.app.get(JobRunner);
      const halfDone = [dispatched.find((r) => r.job === 'notifications.deliver')!, dispatched.find((r) => r.job === 'audit.record')!];
      for (const row of halfDone) await runner.run(row, 1);

      await redis.kill();
      // Writes during the outage wait in the outbox, with one warning, not one per job.
      const during = users.map((u) => notifyInput({ userIds: [u.id] }));
      for (const input of during) await notify(t, input);
      await waitFor('the relay to notice the outage', async () =>
        warn.mock.calls.some(([message]) => String(message).includes('job queue is unavailable')),
      );
      await new Promise((r) => setTimeout(r, 1000));

      await redis.start();
      consumer.start({ concurrency: 4, lockDurationMs: 5000, stalledIntervalMs: 1000 });
      await waitFor('every job to finish after Redis came back empty', async () => (await openRows(t, mark)).length === 0, 30_000);

      const rows = await t.dataSource.getRepository(OutboxMessage).find({ where: { id: MoreThan(mark) } });
      expect(rows.filter((r) => r.status !== 'done')).toEqual([]);
      // Re-offered, not waiting out the lease: the reconciler marked them.
      const requeued = warn.mock.calls.filter(([message]) => String(message).includes('no longer known to the queue'));
      expect(requeued).toHaveLength(1);
      expect(Number(/^(\d+)/.exec(String(requeued[0]![0]))![1])).toBeGreaterThanOrEqual(dispatched.length);
      expect(warn.mock.calls.filter(([message]) => String(message).includes('job queue is unavailable'))).toHaveLength(1);
      expect(warn.mock.calls.filter(([message]) => String(message).includes('not enqueued'))).toEqual([]);

      // Each effect exactly once, the half-done ones included.
      for (const input of [...inputs, ...during]) {
        const userId = input.recipients.userIds![0]!;
        const notifications = await t.dataSource.getRepository(Notification).findBy({ userId, dedupeKey: input.dedupeKey });
        expect(notifications).toHaveLength(1);
        expect(await t.dataSource.getRepository(MailMessage).countBy({ notificationId: notifications[0]!.id })).toBe(1);
      }
      const auditRows = rows.filter((r) => r.job === 'audit.record');
      expect(auditRows.length).toBeGreaterThanOrEqual(users.length);
      for (const row of auditRows) expect(await t.dataSource.getRepository(AuditEntry).countBy({ jobId: row.id })).toBe(1);
      const granted = await t.dataSource.getRepository(AuditEntry).findBy({ action: 'role.granted', entityId: In(users.map((u) => u.id)) });
      expect(granted).toHaveLength(users.length);
      expect(await t.dataSource.getRepository(OutboxMessage).countBy({ id: MoreThan(mark), status: Not('done') })).toBe(0);
    } finally {
      warn.mockRestore();
      await t.close();
      await redis.kill();
    }
  });
});
