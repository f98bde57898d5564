import { signCheckInToken } from '@smedx/events';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { cityOfficer } from '../factories/directory.js';
import { approvedRegistration, enterpriseParticipant, openEvent, providerParticipant, registerFor } from '../factories/events.js';
import type { Participant } from '../factories/events.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HOUR = 3600_000;

/**
 * Check-in at the desk of a matchmaking event: each approved participant's
 * agenda carries a signed, expiring token (its QR code) and a short code; the
 * organiser checks people in with either, once; the report counts arrivals by
 * quarter hour.
 */
describe('event check-in (扫码签到)', () => {
  let t: TestApp;
  let organiser: TestUser;
  let otherOrganiser: TestUser;
  let outsider: TestUser;
  let e1: Participant;
  let e2: Participant;
  let e3: Participant;
  let p1: Participant;
  let event: any;
  let rejected: any;
  const reg: Record<string, any> = {};

  const path = (suffix = '') => `/events/${event.id}${suffix}`;
  const as = (user: TestUser) => ({ token: user.token });
  const agendaOf = async (who: Participant) => {
    const res = await t.get(path('/agenda'), as(who.owner));
    expect(res.status).toBe(200);
    return res.body;
  };
  const checkIn = (body: unknown, user: TestUser = organiser) => t.post(path('/check-in'), body, as(user));

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await userWithRole(t, 'organizer');
    otherOrganiser = await userWithRole(t, 'organizer');
    outsider = await registerUser(t, 'outsider');
    [e1, e2, e3] = [
      await enterpriseParticipant(t, { name: '沈阳签到一号机床有限公司' }),
      await enterpriseParticipant(t, { name: '沈阳签到二号风冷设备有限公司' }),
      await enterpriseParticipant(t, { name: '沈阳签到三号零部件有限公司' }),
    ];
    p1 = await providerParticipant(t, { name: '辽宁签到数字科技有限公司' });
    event = await openEvent(t, organiser);
    reg.e1 = await approvedRegistration(t, organiser, event.id, e1, { wants: [p1.organisation.id] });
    reg.e2 = await approvedRegistration(t, organiser, event.id, e2, { wants: [p1.organisation.id] });
    reg.p1 = await approvedRegistration(t, organiser, event.id, p1);
    rejected = await registerFor(t, event.id, e3);
    await t.post(path(`/registrations/${rejected.id}/reject`), { reason: '行业不符' }, as(organiser));
    for (const step of ['/close-registration', '/schedule', '/publish']) {
      const res = await t.post(path(step), undefined, as(organiser));
      if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it("puts a QR code and a short code in each approved participant's agenda, the same at every read", async () => {
    const agenda = await agendaOf(e1);
    expect(agenda.items.length).toBeGreaterThan(0);
    const { checkIn: credentials } = agenda;
    expect(credentials.token).toMatch(/^SCI1\.[\w-]+\.[\w-]+$/);
    expect(credentials.shortCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(credentials.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(credentials.checkedInAt).toBeNull();
    const endsAt = new Date(event.startsAt).getTime() + event.slots * event.slotMinutes * 60_000;
    expect(new Date(credentials.expiresAt).getTime()).toBe(endsAt + 12 * HOUR);
    expect((await agendaOf(e1)).checkIn.shortCode).toBe(credentials.shortCode);
    const codes = [credentials.shortCode, (await agendaOf(e2)).checkIn.shortCode, (await agendaOf(p1)).checkIn.shortCode];
    expect(new Set(codes).size).toBe(3);
    const ics = await t.get(path('/agenda'), { ...as(e1.owner), query: { format: 'ics' } });
    expect(ics.status).toBe(200);
  });

  it('checks in by token once: a second scan answers 200 with the first time, and is audited once', async () => {
    const { token } = (await agendaOf(e1)).checkIn;
    const first = await checkIn({ token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: reg.e1.id, organisationId: e1.organisation.id, alreadyCheckedIn: false });
    expect(first.body.checkedInAt).toBeTruthy();
    const again = await checkIn({ token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    expect((await agendaOf(e1)).checkIn.checkedInAt).toBe(first.body.checkedInAt);
    await t.drain();
    const audit = await t.get('/audit', { ...as(await cityOfficer(t)), query: { action: 'event.checked_in', entityId: event.id } });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].data).toMatchObject({ registrationId: reg.e1.id, method: 'token' });
  });

  it('checks in by short code, typed in any case and with a dash; an unknown code is a 404, a malformed one a 400', async () => {
    const { shortCode } = (await agendaOf(e2)).checkIn;
    const typed = `${shortCode.slice(0, 3).toLowerCase()}-${shortCode.slice(3)}`;
    const res = await checkIn({ shortCode: typed });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: reg.e2.id, alreadyCheckedIn: false });
    expect((await checkIn({ shortCode })).body.alreadyCheckedIn).toBe(true);
    const unknown = await checkIn({ shortCode: shortCode === '222222' ? '333333' : '222222' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('check_in_code_unknown');
    const malformed = await checkIn({ shortCode: 'O0I1' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('shortCode: must be 6 letters or digits');
    expect(malformed.body.messageZh).toBe('签到码：应为 6 位字母或数字（不含 0、O、1、I）');
  });

  it('refuses forged (400), other events’ (409) and malformed tokens, and more than one way at once', async () => {
    const { token } = (await agendaOf(p1)).checkIn;
    const [prefix, payload, sig] = token.split('.');
    const forged = await checkIn({ token: `${prefix}.${payload}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}` });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('check_in_token_invalid');
    expect(forged.body.messageZh).toBe('签到二维码：二维码无效或已过期');
    expect((await checkIn({ token: 'https://example.com/not-ours' })).body.code).toBe('check_in_token_invalid');
    const secret = t.config.auth.jwtSecret;
    const otherEvent = signCheckInToken(secret, {
      eventId: UNKNOWN_ID,
      registrationId: reg.p1.id,
      expiresAt: new Date(Date.now() + 30 * 24 * HOUR),
    });
    const wrong = await checkIn({ token: otherEvent });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('check_in_wrong_event');
    expect((await checkIn({ token, shortCode: 'ABCDEF' })).status).toBe(400);
    expect((await checkIn({})).status).toBe(400);
    expect((await checkIn({ token: 42 })).status).toBe(400);
  });

  it('lets only the organiser (and admins) check in by token or code: others 403, no token 401', async () => {
    const { token, shortCode } = (await agendaOf(p1)).checkIn;
    for (const user of [otherOrganiser, outsider, p1.owner]) {
      const res = await checkIn({ token }, user);
      expect(res.status).toBe(403);
      expect((await checkIn({ shortCode }, user)).status).toBe(403);
    }
    expect((await t.post(path('/check-in'), { token })).status).toBe(401);
    expect((await t.post(`/events/${UNKNOWN_ID}/check-in`, { token }, as(organiser))).status).toBe(404);
  });

  it('refuses a rejected registration with 409 naming its state', async () => {
    const secret = t.config.auth.jwtSecret;
    const token = signCheckInToken(secret, {
      eventId: event.id,
      registrationId: rejected.id,
      expiresAt: new Date(Date.now() + 30 * 24 * HOUR),
    });
    const res = await checkIn({ token });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('cannot check in a registration that is rejected');
    expect(res.body.messageZh).toContain('未通过');
  });

  it('refuses a token after the event and its margin (410)', async () => {
    const { token } = (await agendaOf(p1)).checkIn;
    const shift = 9 * 24 * HOUR;
    t.clock.advance(shift);
    try {
      const res = await checkIn({ token });
      expect(res.status).toBe(410);
      expect(res.body.code).toBe('check_in_token_expired');
    } finally {
      t.clock.advance(-shift);
    }
  });

  it('counts arrivals by quarter hour in the report', async () => {
    expect((await checkIn({ token: (await agendaOf(p1)).checkIn.token })).status).toBe(200);
    const res = await t.get(path('/report'), as(organiser));
    expect(res.status).toBe(200);
    const { arrivals } = res.body;
    expect(arrivals).toMatchObject({ bucketMinutes: 15, total: 3 });
    expect(arrivals.buckets.reduce((sum: number, b: any) => sum + b.count, 0)).toBe(3);
    expect(arrivals.buckets.at(-1).cumulative).toBe(3);
    for (const b of arrivals.buckets) expect(new Date(b.from).getTime() % (15 * 60_000)).toBe(0);
    expect(res.body.registrations.enterprises.checkedIn).toBe(2);
    expect(res.body.registrations.providers.checkedIn).toBe(1);
  });
});
