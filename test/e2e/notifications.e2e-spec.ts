import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { SMTPServer } from 'smtp-server';
import { MailMessage, Notification, NotificationDelivery, NotificationsDeliverJob, NotificationStreams } from '@smedx/notifications';
import type { NotificationDeliveryPayload } from '@smedx/notifications';
import { OutboxMessage, UnitOfWork } from '@smedx/platform';
import { NotificationsService } from '@smedx/notifications';
import { IdentityService } from '@smedx/identity';
import { startTestApp, TestApp } from '../support/test-app.js';
import { login, registerUser } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';
import { createEnterprise } from '../factories/directory.js';
import { notify, notifyInput, openNotificationStream } from '../factories/notifications.js';
import type { EventStream } from '../factories/notifications.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The deliver jobs in the outbox, oldest first. */
async function deliverJobs(t: TestApp): Promise<OutboxMessage[]> {
  return t.dataSource.getRepository(OutboxMessage).find({ where: { job: NotificationsDeliverJob.name }, order: { id: 'ASC' } });
}

async function inbox(t: TestApp, user: TestUser, query: Record<string, string | number> = {}) {
  const res = await t.get('/notifications', { token: user.token, query });
  expect(res.status).toBe(200);
  return res.body;
}

describe('notifications', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    alice = await registerUser(t, 'alice');
    bob = await registerUser(t, 'bob');
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('notify → notifications.deliver → inbox', () => {
    it('writes one deliver job in the caller’s transaction, and nothing when it rolls back', async () => {
      const before = (await deliverJobs(t)).length;
      await expect(
        t.app.get(UnitOfWork).run(async (tx) => {
          await t.app.get(NotificationsService).notify(tx, notifyInput({ userIds: [alice.id] }));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await deliverJobs(t)).toHaveLength(before);

      const input = notifyInput({ userIds: [alice.id, alice.id] });
      await notify(t, input);
      const jobs = await deliverJobs(t);
      expect(jobs).toHaveLength(before + 1);
      expect(jobs.at(-1)!.payload).toMatchObject({
        recipients: { userIds: [alice.id], organisationIds: [] },
        kind: 'match.strong',
        dedupeKey: input.dedupeKey,
        at: expect.any(String),
      });
      await t.drain();
    });

    it('lists the delivered notification in the recipient’s inbox only, newest first', async () => {
      const first = notifyInput(
        { userIds: [alice.id] },
        { title: '您的需求收到新的投标', kind: 'bid.received', data: { priceFen: 1_280_000 } },
      );
      const second = notifyInput({ userIds: [alice.id] }, { title: '发现新的强匹配方案', link: null, data: null });
      await notify(t, first);
      await t.drain();
      await notify(t, second);
      await t.drain();

      const page = await inbox(t, alice);
      expect(page).toMatchObject({ page: 1, pageSize: 20 });
      const [newest, older] = page.items;
      expect(newest).toEqual({
        id: expect.any(String),
        kind: 'match.strong',
        title: '发现新的强匹配方案',
        body: second.body,
        link: null,
        data: null,
        readAt: null,
        createdAt: expect.any(String),
      });
      expect(older).toMatchObject({ kind: 'bid.received', title: '您的需求收到新的投标', link: first.link, data: { priceFen: 1_280_000 } });
      expect(page.unread).toBe(page.total);

      const others = await inbox(t, bob);
      expect(others.items.map((n: { title: string }) => n.title)).not.toContain('您的需求收到新的投标');
    });

    it('reaches every member of a recipient organisation, once each', async () => {
      const owner = await registerUser(t, 'owner');
      const colleague = await registerUser(t, 'colleague');
      const enterprise = await createEnterprise(t, owner);
      const added = await t.post(
        `/organisations/${enterprise.id}/members`,
        { email: colleague.email, role: 'member' },
        { token: owner.token },
      );
      expect(added.status).toBe(201);
      // Joining revoked the colleague's earlier tokens.
      colleague.token = await login(t, colleague);

      const input = notifyInput({ organisationIds: [enterprise.id], userIds: [owner.id] }, { kind: 'match.strong' });
      await notify(t, input);
      await t.drain();
      for (const user of [owner, colleague]) {
        const page = await inbox(t, user);
        expect(page.items.filter((n: { title: string }) => n.title === input.title)).toHaveLength(1);
      }
      const rows = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
      expect(rows.map((r) => r.userId).sort()).toEqual([owner.id, colleague.id].sort());
    });

    it('delivers a batch to each audience as one notification would reach it, looked up together', async () => {
      const [owner, colleague, outsider] = [
        await registerUser(t, 'owner'),
        await registerUser(t, 'colleague'),
        await registerUser(t, 'outsider'),
      ];
      const first = await createEnterprise(t, owner);
      const second = await createEnterprise(t, colleague);
      const joined = await t.post(`/organisations/${first.id}/members`, { email: colleague.email, role: 'member' }, { token: owner.token });
      expect(joined.status).toBe(201);
      const audiences = [
        { organisationIds: [first.id], userIds: [] },
        { organisationIds: [second.id], userIds: [outsider.id] },
        { organisationIds: [first.id, second.id], userIds: [owner.id] },
        { organisationIds: [], userIds: [outsider.id, UNKNOWN_ID] },
        { organisationIds: [UNKNOWN_ID], userIds: [] },
      ];
      const identity = t.app.get(IdentityService);
      const each = await identity.contactsOfEach(audiences);
      for (const [i, a] of audiences.entries()) expect(each[i]).toEqual(await identity.contacts(a.userIds, a.organisationIds));
      expect(each.map((c) => c.map((u) => u.userId).sort())).toEqual([
        [owner.id, colleague.id].sort(),
        [colleague.id, outsider.id].sort(),
        [owner.id, colleague.id].sort(),
        [outsider.id],
        [],
      ]);

      const inputs = audiences.map((recipients) => notifyInput(recipients));
      await t.app.get(UnitOfWork).run((tx) => t.app.get(NotificationsService).notifyAll(tx, inputs));
      await t.drain();
      for (const [i, input] of inputs.entries()) {
        const rows = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
        expect(rows.map((r) => r.userId).sort()).toEqual(each[i]!.map((u) => u.userId).sort());
      }
    });

    it("delivers in the caller's own transaction: visible with its commit, gone with its rollback, once per key, no job", async () => {
      const input = notifyInput({ userIds: [bob.id] }, { title: '新的高匹配方案：设备联网' });
      const notifications = t.app.get(NotificationsService);
      const uow = t.app.get(UnitOfWork);
      const jobsBefore = (await deliverJobs(t)).length;

      await expect(
        uow.run(async (tx) => {
          await notifications.deliverNow(tx, [input]);
          // Inside the transaction the row is there already…
          expect(await tx.countBy(Notification, { dedupeKey: input.dedupeKey })).toBe(1);
          throw new Error('the job failed after delivering');
        }),
      ).rejects.toThrow('the job failed after delivering');
      // …and a rolled-back job told no one.
      expect(await t.dataSource.getRepository(Notification).countBy({ dedupeKey: input.dedupeKey })).toBe(0);

      await uow.run((tx) => notifications.deliverNow(tx, [input]));
      // A retried job delivers again: the dedupe key keeps it once, with one mail.
      await uow.run((tx) => notifications.deliverNow(tx, [{ ...input, title: '重复的通知' }]));
      const rows = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
      expect(rows.map((r) => [r.userId, r.title])).toEqual([[bob.id, input.title]]);
      const mails = await t.dataSource.getRepository(MailMessage).findBy({ notificationId: rows[0]!.id });
      expect(mails.map((m) => [m.to, m.status])).toEqual([[bob.email, 'kept']]);
      // Without SMTP the kept mail is the whole delivery: no job was queued for it.
      expect(await deliverJobs(t)).toHaveLength(jobsBefore);
      expect(await t.dataSource.getRepository(OutboxMessage).countBy({ job: 'notifications.send-mail' })).toBe(0);
    });

    it('keeps the e-mail in the database when SMTP is not configured', async () => {
      const input = notifyInput({ userIds: [bob.id] }, { title: '投标截止提醒' });
      await notify(t, input);
      await t.drain();
      const [row] = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
      const mail = await t.dataSource.getRepository(MailMessage).findOneByOrFail({ notificationId: row.id });
      expect(mail).toMatchObject({ to: bob.email, subject: '投标截止提醒', status: 'kept', attempts: 1, sentAt: null });
      expect(mail.body).toContain(input.body);
      expect(mail.body).toContain(`查看详情：${input.link}`);
    });

    it('notifies a user once per dedupe key: a repeated notify and a re-run job add nothing', async () => {
      const input = notifyInput({ userIds: [bob.id] }, { dedupeKey: 'match.strong:need-1:solution-1' });
      await notify(t, input);
      await t.drain();
      await notify(t, { ...input, title: '重复的通知' });
      await t.drain();
      const [job] = (await deliverJobs(t)).slice(-1);
      // The worker crashed after the handler ran and BullMQ runs it again.
      await t.app.get(NotificationDelivery).deliver(job.payload as NotificationDeliveryPayload, { jobId: job.id, attempt: 2 });

      const rows = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
      expect(rows).toHaveLength(1);
      expect(rows[0].title).toBe(input.title);
      expect(await t.dataSource.getRepository(MailMessage).countBy({ notificationId: rows[0].id })).toBe(1);
    });

    it('skips recipients that do not exist', async () => {
      const input = notifyInput({ userIds: [UNKNOWN_ID], organisationIds: [UNKNOWN_ID] });
      await notify(t, input);
      await t.drain();
      expect(await t.dataSource.getRepository(Notification).countBy({ dedupeKey: input.dedupeKey })).toBe(0);
      const [job] = (await deliverJobs(t)).slice(-1);
      expect(job.status).toBe('done');
    });

    it('refuses an invalid notification from a caller as a programming error', async () => {
      const notifications = t.app.get(NotificationsService);
      const uow = t.app.get(UnitOfWork);
      await expect(uow.run((tx) => notifications.notify(tx, notifyInput({ userIds: ['not-a-uuid'] })))).rejects.toThrow(
        /recipients\.userIds\.0: must be a UUID/,
      );
      await expect(uow.run((tx) => notifications.notify(tx, notifyInput({ userIds: [alice.id] }, { dedupeKey: '' })))).rejects.toThrow(
        /dedupeKey/,
      );
    });
  });

  describe('GET /notifications', () => {
    let carol: TestUser;
    beforeAll(async () => {
      carol = await registerUser(t, 'carol');
      for (const title of ['第一条', '第二条', '第三条']) {
        await notify(t, notifyInput({ userIds: [carol.id] }, { title }));
        await t.drain();
      }
    });

    it('pages newest first', async () => {
      const first = await inbox(t, carol, { page: 1, pageSize: 2 });
      expect(first).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
      expect(first.items.map((n: { title: string }) => n.title)).toEqual(['第三条', '第二条']);
      const second = await inbox(t, carol, { page: 2, pageSize: 2 });
      expect(second.items.map((n: { title: string }) => n.title)).toEqual(['第一条']);
    });

    it.each([
      [{ unread: 'maybe' }, /^unread: must be true or false/],
      [{ pageSize: 101 }, /^pageSize: /],
      [{ page: 0 }, /^page: /],
    ])('answers 400 naming the field for %j', async (query, message) => {
      const res = await t.get('/notifications', { token: carol.token, query });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(message);
    });

    it('answers 401 without a valid token', async () => {
      expect((await t.get('/notifications')).status).toBe(401);
      expect((await t.get('/notifications', { token: 'garbage' })).status).toBe(401);
    });
  });

  describe('POST /notifications/:id/read and /notifications/read-all', () => {
    let dave: TestUser;
    let ids: string[];
    beforeAll(async () => {
      dave = await registerUser(t, 'dave');
      for (const title of ['甲', '乙', '丙']) {
        await notify(t, notifyInput({ userIds: [dave.id] }, { title }));
        await t.drain();
      }
      ids = (await inbox(t, dave)).items.map((n: { id: string }) => n.id);
    });

    it('marks one read, keeps the first read time when read again, and filters unread', async () => {
      const read = await t.post(`/notifications/${ids[0]}/read`, undefined, { token: dave.token });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: ids[0], title: '丙', readAt: expect.any(String) });
      t.clock.advance(60_000);
      const again = await t.post(`/notifications/${ids[0]}/read`, undefined, { token: dave.token });
      expect(again.status).toBe(200);
      expect(again.body.readAt).toBe(read.body.readAt);

      const unread = await inbox(t, dave, { unread: 'true' });
      expect(unread).toMatchObject({ total: 2, unread: 2 });
      expect(unread.items.map((n: { id: string }) => n.id)).toEqual(ids.slice(1));
      expect(await inbox(t, dave, { unread: 'false' })).toMatchObject({ total: 3, unread: 2 });
    });

    it('answers 404 for another user’s notification and an unknown id, 400 for a malformed id', async () => {
      const others = await t.post(`/notifications/${ids[1]}/read`, undefined, { token: alice.token });
      expect(others.status).toBe(404);
      expect(others.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect((await inbox(t, dave, { unread: 'true' })).total).toBe(2);
      expect((await t.post(`/notifications/${UNKNOWN_ID}/read`, undefined, { token: dave.token })).status).toBe(404);
      const malformed = await t.post('/notifications/42/read', undefined, { token: dave.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/^id: must be a UUID/);
    });

    it('marks all read', async () => {
      const res = await t.post('/notifications/read-all', undefined, { token: dave.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ updated: 2, unread: 0 });
      expect(await inbox(t, dave, { unread: 'true' })).toMatchObject({ total: 0, unread: 0 });
      expect((await t.post('/notifications/read-all', undefined, { token: dave.token })).body).toEqual({ updated: 0, unread: 0 });
      // Nobody else's inbox changed.
      expect((await inbox(t, alice)).unread).toBeGreaterThan(0);
    });

    it('answers 401 without a token', async () => {
      expect((await t.post(`/notifications/${ids[0]}/read`)).status).toBe(401);
      expect((await t.post('/notifications/read-all')).status).toBe(401);
    });
  });

  it('documents the routes in OpenAPI, the stream with its access_token parameter', async () => {
    const docs = await t.get('/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths as Record<string, any>;
    const find = (suffix: string) => Object.entries(paths).find(([p]) => p.endsWith(suffix))?.[1];
    expect(find('/notifications')?.get).toBeDefined();
    expect(find('/notifications/{id}/read')?.post).toBeDefined();
    expect(find('/notifications/read-all')?.post).toBeDefined();
    const stream = find('/notifications/stream')?.get;
    expect(stream.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['access_token', 'lastEventId', 'Last-Event-ID']),
    );
    expect(stream.description).toContain('access_token');
  });

  describe('GET /notifications/stream', () => {
    async function open(options: Parameters<typeof openNotificationStream>[1]) {
      const stream = await openNotificationStream(t, options);
      streams.push(stream);
      return stream;
    }

    it('pushes the user’s new notifications as server-sent events (token in the query)', async () => {
      const stream = await open({ token: alice.token });
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('cache-control')).toContain('no-cache');

      await notify(t, notifyInput({ userIds: [bob.id] }, { title: '给别人的' }));
      const input = notifyInput({ userIds: [alice.id] }, { title: '实时推送的通知' });
      await notify(t, input);
      await t.drain();
      const event = await stream.next(5000);
      expect(event.event).toBe('notification');
      expect(event.id).toMatch(/^\d+$/);
      expect(event.data).toMatchObject({
        id: expect.any(String),
        kind: 'match.strong',
        title: '实时推送的通知',
        body: input.body,
        readAt: null,
      });
      expect((await inbox(t, alice)).items[0].id).toBe(event.data.id);
      expect(stream.comments).toContain('connected');
    });

    it('accepts the token as a bearer header and fans out to every open stream of the user', async () => {
      const one = await open({ token: bob.token, via: 'header' });
      const two = await open({ token: bob.token });
      expect(one.status).toBe(200);
      await notify(t, notifyInput({ userIds: [bob.id] }, { title: '两个标签页都收到' }));
      await t.drain();
      expect((await one.next()).data.title).toBe('两个标签页都收到');
      expect((await two.next()).data.title).toBe('两个标签页都收到');
    });

    it('replays what was missed after Last-Event-ID on reconnect', async () => {
      const first = await open({ token: alice.token });
      await notify(t, notifyInput({ userIds: [alice.id] }, { title: '断线前' }));
      await t.drain();
      const seen = await first.next();
      first.close();
      await notify(t, notifyInput({ userIds: [alice.id] }, { title: '断线期间一' }));
      await t.drain();
      await notify(t, notifyInput({ userIds: [alice.id] }, { title: '断线期间二' }));
      await t.drain();

      const again = await open({ token: alice.token, lastEventId: seen.id! });
      const replayed = [await again.next(), await again.next()];
      expect(replayed.map((e) => e.data.title)).toEqual(['断线期间一', '断线期间二']);
      expect(Number(replayed[0].id)).toBeGreaterThan(Number(seen.id));
      await notify(t, notifyInput({ userIds: [alice.id] }, { title: '重连之后' }));
      await t.drain();
      expect((await again.next()).data.title).toBe('重连之后');
      expect(again.buffered()).toEqual([]);

      const viaQuery = await open({ token: alice.token, query: { lastEventId: seen.id! } });
      expect((await viaQuery.next()).data.title).toBe('断线期间一');
    });

    it('answers 401 without a valid token and 400 for a malformed Last-Event-ID', async () => {
      expect((await open({})).status).toBe(401);
      const garbage = await open({ token: 'garbage' });
      expect(garbage.status).toBe(401);
      expect(garbage.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect((await open({ token: 'garbage', via: 'header' })).status).toBe(401);
      const bad = await open({ token: alice.token, lastEventId: 'yesterday' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^Last-Event-ID: /);
      const badQuery = await open({ token: alice.token, query: { lastEventId: '-1' } });
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.message).toMatch(/^lastEventId: /);
    });

    it('ends the stream when the token expires, then refuses the token', async () => {
      const shortLived = await t.app.get(JwtService).signAsync({ sub: alice.id }, { expiresIn: 1 });
      const stream = await open({ token: shortLived });
      expect(stream.status).toBe(200);
      const ended = await Promise.race([stream.ended.then(() => true), new Promise((r) => setTimeout(() => r(false), 4000))]);
      expect(ended).toBe(true);
      expect((await open({ token: shortLived })).status).toBe(401);
    });

    it('forgets closed streams', async () => {
      const hub = t.app.get(NotificationStreams);
      const before = hub.openStreams;
      const stream = await open({ token: bob.token });
      expect(hub.openStreams).toBe(before + 1);
      stream.close();
      const deadline = Date.now() + 3000;
      while (hub.openStreams !== before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(hub.openStreams).toBe(before);
    });
  });
});

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port; `failNext` makes it refuse that many messages first. */
async function startSmtpServer(): Promise<{
  port: number;
  received: ReceivedMail[];
  failNext: (n: number) => void;
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          return callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    failNext: (n) => (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes `=?UTF-8?B|Q?…?=` words and quoted-printable/base64 bodies, enough to read what nodemailer wrote. */
function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? qpDecode(body.replace(/=\r\n/g, ''))
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n').trim() };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qpDecode(text.replace(/_/g, ' ')),
    );
}

function qpDecode(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('notifications: e-mail through SMTP (SMTP_URL set)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let erin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: '沈阳中小企业数字化转型平台 <noreply@smedx.test>' });
    erin = await registerUser(t, 'erin');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends one e-mail per notification, once, even when the job runs again', async () => {
    const input = notifyInput(
      { userIds: [erin.id] },
      { title: '您的需求收到新的投标', body: '辽宁某数字科技有限公司对“数控车间设备联网”投标，报价 12,800 元。' },
    );
    await notify(t, input);
    await notify(t, input);
    await t.drain();
    const [job] = (await deliverJobs(t)).slice(-1);
    await t.app.get(NotificationDelivery).deliver(job.payload as NotificationDeliveryPayload, { jobId: job.id, attempt: 2 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual([erin.email]);
    expect(mail.from).toBe('noreply@smedx.test');
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.subject).toBe('您的需求收到新的投标');
    expect(parsed.headers.from).toContain('沈阳中小企业数字化转型平台');
    expect(parsed.text).toContain('辽宁某数字科技有限公司对“数控车间设备联网”投标，报价 12,800 元。');
    expect(parsed.text).toContain('您好');

    const [row] = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
    const stored = await t.dataSource.getRepository(MailMessage).findOneByOrFail({ notificationId: row.id });
    expect(stored).toMatchObject({ status: 'sent', to: erin.email, attempts: 1, lastError: null, sentAt: expect.any(Date) });
  });

  it('retries a refused e-mail with the job, without repeating the notification', async () => {
    smtp.received.length = 0;
    smtp.failNext(1);
    const input = notifyInput({ userIds: [erin.id] }, { title: '投标截止提醒' });
    await notify(t, input);
    await t.drain();

    expect(smtp.received).toHaveLength(1);
    expect(parseMail(smtp.received[0].raw).headers.subject).toBe('投标截止提醒');
    const rows = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
    expect(rows).toHaveLength(1);
    const stored = await t.dataSource.getRepository(MailMessage).findOneByOrFail({ notificationId: rows[0].id });
    expect(stored).toMatchObject({ status: 'sent', attempts: 2 });
    const [job] = (await deliverJobs(t)).slice(-1);
    expect(job.status).toBe('done');
  });

  it('sends the mail of a delivery written in a job’s own transaction by a send-mail job, once', async () => {
    smtp.received.length = 0;
    const input = notifyInput({ userIds: [erin.id] }, { title: '新的高匹配需求：设备联网' });
    const notifications = t.app.get(NotificationsService);
    await t.app.get(UnitOfWork).run((tx) => notifications.deliverNow(tx, [input]));
    const [row] = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: input.dedupeKey });
    // The inbox row is there at the commit; its mail waits for the job, pending.
    expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ notificationId: row!.id })).toMatchObject({ status: 'pending' });
    await t.drain();

    expect(smtp.received.map((m) => parseMail(m.raw).headers.subject)).toEqual(['新的高匹配需求：设备联网']);
    const [job] = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { job: 'notifications.send-mail' }, order: { id: 'DESC' }, take: 1 });
    expect(job).toMatchObject({ status: 'done', payload: { notificationIds: [row!.id] } });
    // The job run again (a worker crashed after sending): the mail is sent, so nothing goes out twice.
    await t.app.get(NotificationDelivery).sendMailOf(job!.payload as { notificationIds: string[] }, { jobId: job!.id + 1, attempt: 2 });
    expect(smtp.received).toHaveLength(1);
    expect(await t.dataSource.getRepository(MailMessage).findOneByOrFail({ notificationId: row!.id })).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });
});

describe('notifications: shutdown', () => {
  it('ends open streams so that closing the application does not hang', async () => {
    const t = await startTestApp();
    const user = await registerUser(t, 'frank');
    const stream = await openNotificationStream(t, { token: user.token });
    expect(stream.status).toBe(200);
    const started = Date.now();
    await t.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
