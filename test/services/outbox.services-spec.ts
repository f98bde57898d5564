import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JobRunner, OutboxMessage, QUEUE_NAME, UnitOfWork, OutboxService } from '@smedx/platform';
import type { QueuedJobData } from '@smedx/platform';
import { AuditEntry, AuditRecordJob } from '@smedx/audit';
import { startTestApp } from '../support/test-app.js';
import { loginAdmin, registerUser } from '../factories/users.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

describe('outbox and BullMQ against real PostgreSQL and Redis', () => {
  it('a rolled-back transaction leaves no job', async () => {
    const t = await startTestApp();
    try {
      const uow = t.app.get(UnitOfWork);
      const outbox = t.app.get(OutboxService);
      // A marker only this transaction writes: other rows (scheduled jobs, the
      // admin bootstrap's audit entry) may appear meanwhile and must not matter.
      const marker = `rolled-back-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const rowsWithMarker = async () =>
        (await t.dataSource.getRepository(OutboxMessage).find({ where: { job: AuditRecordJob.name } })).filter(
          (row) => (row.payload as { entityId?: string }).entityId === marker,
        ).length;
      await expect(
        uow.run(async (tx) => {
          await outbox.add(tx, AuditRecordJob, {
            actorId: null,
            action: 'test',
            entityType: 'test',
            entityId: marker,
            at: new Date().toISOString(),
          });
          expect(await tx.getRepository(OutboxMessage).count({ where: { job: AuditRecordJob.name } })).toBeGreaterThan(0);
          throw new Error('change refused after the outbox row was written');
        }),
      ).rejects.toThrow('change refused');
      expect(await rowsWithMarker()).toBe(0);
      // The same write, committed, is visible: the check above can fail.
      await uow.run((tx) =>
        outbox.add(tx, AuditRecordJob, {
          actorId: null,
          action: 'test',
          entityType: 'test',
          entityId: marker,
          at: new Date().toISOString(),
        }),
      );
      expect(await rowsWithMarker()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('re-runs a job whose worker died mid-job, and its effect happens once', async () => {
    const t = await startTestApp();
    const admin = await loginAdmin(t);
    const user = await registerUser(t);
    await t.drain();
    const redis = new Redis(t.config.redis!.url, { maxRetriesPerRequest: null });
    // The app's own consumer is running; stop it so the dying worker takes the job first.
    const { BullmqJobConsumer } = await import('@smedx/platform');
    await t.app.get(BullmqJobConsumer).beforeApplicationShutdown();
    const runner = t.app.get(JobRunner);
    let started!: () => void;
    const tookJob = new Promise<void>((r) => (started = r));
    const dying = new Worker<QueuedJobData>(
      QUEUE_NAME,
      async (job) => {
        // Does the work, then "crashes" before acknowledging it.
        await runner.run({ id: job.data.outboxId, job: job.name, payload: job.data.payload }, job.attemptsMade + 1);
        started();
        await new Promise(() => undefined);
      },
      { connection: redis, prefix: t.config.redis!.prefix, lockDuration: 1500, stalledInterval: 500, autorun: true },
    );
    dying.on('error', () => undefined);
    try {
      expect((await t.post(`/admin/users/${user.id}/roles`, { role: 'assessor' }, { token: admin.token })).status).toBe(201);
      await tookJob;
      // The process dies: its Redis connection drops and the lock is never renewed.
      redis.disconnect();
      // The relay marks the row dispatched once BullMQ took it, which may be after the job already ran.
      const job = await waitFor(
        'the row to be marked dispatched',
        async () => (await t.dataSource.getRepository(OutboxMessage).findOneBy({ job: 'audit.record', status: 'dispatched' })) ?? undefined,
      );
      // A fresh worker finds the stalled job and runs it again.
      t.app.get(BullmqJobConsumer).start({ lockDurationMs: 1500, stalledIntervalMs: 500 });
      const done = await waitFor('the job to finish on the second worker', async () => {
        const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: job.id });
        return row.status === 'done' ? row : undefined;
      });
      expect(done.attempts).toBeGreaterThanOrEqual(1);
      const entries = await t.dataSource.getRepository(AuditEntry).findBy({ jobId: job.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'role.granted', entityId: user.id });
    } finally {
      await dying.close(true).catch(() => undefined);
      await t.close();
    }
  });

  it('keeps writes while Redis is down and runs their jobs once it is back', async () => {
    const port = await freePort();
    let redis = startRedis(port);
    await waitFor('redis to start', async () => {
      const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    });
    const t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      const admin = await loginAdmin(t);
      const user = await registerUser(t);
      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));

      const granted = await t.post(`/admin/users/${user.id}/roles`, { role: 'organizer' }, { token: admin.token });
      expect(granted.status).toBe(201);
      const health = await t.get('/health');
      expect(health.status).toBe(200);
      expect(health.body.info.redis.status).toBe('degraded');

      // The relay does not hand work to a queue that is away: the row waits in the outbox.
      await new Promise((r) => setTimeout(r, 1000));
      const rows = await t.dataSource.getRepository(OutboxMessage).findBy({ job: 'audit.record', status: 'pending' });
      const pending = rows.find((r) => (r.payload as { entityId?: string; action?: string }).entityId === user.id)!;
      expect(pending).toBeDefined();
      expect(await t.dataSource.getRepository(AuditEntry).countBy({ jobId: pending.id })).toBe(0);

      redis = startRedis(port);
      await waitFor(
        'the job to run after Redis came back',
        async () => {
          const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: pending.id });
          return row.status === 'done';
        },
        60_000,
      );
      const entries = await t.dataSource.getRepository(AuditEntry).findBy({ jobId: pending.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'role.granted', entityId: user.id, data: { role: 'organizer', district: null } });
    } finally {
      await t.close();
      redis.kill('SIGKILL');
    }
  });
});
