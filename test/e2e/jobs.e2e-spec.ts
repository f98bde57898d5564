import { OutboxMessage } from '@smedx/platform';
import { AuditEntry } from '@smedx/audit';
import { startTestApp, TestApp } from '../support/test-app.js';
import { loginAdmin, registerUser } from '../factories/users.js';

async function until(t: TestApp, id: number, status: string): Promise<OutboxMessage> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await t.drain().catch(() => undefined);
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
    if (row.status === status) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${row.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('background jobs: dead letters and recovery', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp();
    adminToken = (await loginAdmin(t)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  async function insertJob(payload: object, patch: Partial<OutboxMessage> = {}): Promise<number> {
    const result = await t.dataSource.getRepository(OutboxMessage).insert({
      job: 'audit.record',
      payload,
      status: 'pending',
      attempts: 0,
      availableAt: t.clock.now(),
      ...patch,
    });
    const id = Number(result.identifiers[0].id);
    await t.drain();
    return id;
  }

  it('moves a job that keeps failing to the dead letters, and an admin retries it', async () => {
    // No `action`: the handler's insert violates NOT NULL on every attempt.
    const id = await insertJob({ actorId: null, entityType: 'user', entityId: 'u-1', at: new Date().toISOString() });
    const dead = await until(t, id, 'dead');
    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toEqual(expect.any(String));

    const list = await t.get('/admin/jobs', { token: adminToken, query: { state: 'dead' } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((j: OutboxMessage) => j.id)).toContain(id);
    expect(list.body.counts.dead).toBeGreaterThanOrEqual(1);

    // The operator fixes the cause, then retries.
    await t.dataSource
      .getRepository(OutboxMessage)
      .update(
        { id },
        { payload: { actorId: null, action: 'user.fixed', entityType: 'user', entityId: 'u-1', at: new Date().toISOString() } },
      );
    const retried = await t.post(`/admin/jobs/${id}/retry`, undefined, { token: adminToken });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 0 });
    await until(t, id, 'done');
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ jobId: id, action: 'user.fixed' })).toBe(1);

    const again = await t.post(`/admin/jobs/${id}/retry`, undefined, { token: adminToken });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/done/);
  });

  it('takes back a job whose runner died mid-job once its lease ran out, and runs it once', async () => {
    const id = await insertJob(
      { actorId: null, action: 'lease.test', entityType: 'user', entityId: 'u-2', at: new Date().toISOString() },
      { status: 'processing', attempts: 1, lockedUntil: new Date(t.clock.now().getTime() - 1000) },
    );
    await until(t, id, 'done');
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ jobId: id })).toBe(1);
  });

  it('guards the admin routes', async () => {
    const user = await registerUser(t);
    expect((await t.get('/admin/jobs')).status).toBe(401);
    expect((await t.get('/admin/jobs', { token: user.token })).status).toBe(403);
    expect((await t.post('/admin/jobs/1/retry', undefined, { token: user.token })).status).toBe(403);
    expect((await t.get('/admin/jobs', { token: adminToken, query: { state: 'sleeping' } })).status).toBe(400);
    const bad = await t.post('/admin/jobs/abc/retry', undefined, { token: adminToken });
    expect(bad.status).toBe(400);
    expect((await t.post('/admin/jobs/999999/retry', undefined, { token: adminToken })).status).toBe(404);
  });
});
