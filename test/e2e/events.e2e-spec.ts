import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { publishedSolution } from '../factories/catalogue.js';
import { publishedNeed } from '../factories/demand.js';
import { cityOfficer, createProvider } from '../factories/directory.js';
import {
  approvedRegistration,
  createEvent,
  enterpriseParticipant,
  eventInput,
  openEvent,
  providerParticipant,
  registerFor,
} from '../factories/events.js';
import type { Participant } from '../factories/events.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The journey of a matchmaking event (供需对接活动): creation, registration,
 * the scheduler's proposal, the organiser's edits, publication, agendas (JSON
 * and .ics), check-in, outcomes, the provider's no-show record and the report.
 *
 * The cast: E1 wants P1 and P1 wants E1 (mutual); E2 wants P2; E3 wants both
 * providers; E4 asks for nobody but has a published need that P1's solution
 * matches (a recommendation). E4 can only come in slot 0, E1 in 0–1, E2 in
 * 1–2, E3 in 2–3; P2 not in slot 0. Every pair fits: five meetings.
 */
describe('matchmaking events (供需对接活动)', () => {
  let t: TestApp;
  let organiser: TestUser;
  let otherOrganiser: TestUser;
  let officer: TestUser;
  let outsider: TestUser;
  let e1: Participant;
  let e2: Participant;
  let e3: Participant;
  let e4: Participant;
  let e5: Participant;
  let p1: Participant;
  let p2: Participant;
  let pendingProvider: Participant;
  let event: any;
  const reg: Record<string, any> = {};
  let schedule: any;

  const path = (suffix = '') => `/events/${event.id}${suffix}`;
  const as = (user: TestUser) => ({ token: user.token });
  const meetingOf = (meetings: any[], e: Participant, p: Participant) =>
    meetings.find((m) => m.enterpriseId === e.organisation.id && m.providerId === p.organisation.id);
  const allMeetings = async () =>
    (await t.get(path('/meetings'), { token: organiser.token, query: { pageSize: 100 } })).body.items as any[];

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await userWithRole(t, 'organizer');
    otherOrganiser = await userWithRole(t, 'organizer');
    officer = await cityOfficer(t);
    outsider = await registerUser(t, 'outsider');
    [e1, e2, e3, e4, e5] = [
      await enterpriseParticipant(t, { name: '沈阳一号机床有限公司' }),
      await enterpriseParticipant(t, { name: '沈阳二号风冷设备有限公司' }),
      await enterpriseParticipant(t, { name: '沈阳三号传动设备有限公司' }),
      await enterpriseParticipant(t, { name: '沈阳四号精密机械有限公司' }),
      await enterpriseParticipant(t, { name: '沈阳五号零部件有限公司' }),
    ];
    p1 = await providerParticipant(t, { name: '辽宁一号数字科技有限公司' });
    p2 = await providerParticipant(t, { name: '辽宁二号软件有限公司' });
    const pendingOwner = await registerUser(t, 'provider');
    pendingProvider = { owner: pendingOwner, organisation: await createProvider(t, pendingOwner) };
    // E4's need and P1's solution are both about networking machine tools: a strong recommendation.
    await publishedNeed(t, e4.owner, e4.organisation.id, {
      title: '数控车间设备联网及生产数据采集',
      scenarios: ['device_networking', 'data_collection', 'equipment'],
    });
    await publishedSolution(t, p1.owner, p1.organisation.id, {
      title: '机床行业设备联网与OEE分析轻量化方案',
      scenarios: ['device_networking', 'data_collection', 'equipment'],
      industries: ['machine_tool'],
    });
    await publishedSolution(t, p2.owner, p2.organisation.id, {
      title: '传动设备企业能耗监测与双碳管理平台',
      scenarios: ['energy'],
      industries: ['transmission'],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('creating an event', () => {
    it('lets an organiser create a draft event with every field', async () => {
      const res = await t.post('/events', eventInput(t, { capacityEnterprises: 4, capacityProviders: 2 }), as(organiser));
      expect(res.status).toBe(201);
      event = res.body;
      expect(event).toMatchObject({
        title: '铁西区机床行业数字化转型供需对接会',
        industry: 'machine_tool',
        district: 'tiexi',
        venue: '沈阳国际展览中心 3 号馆',
        online: false,
        slotMinutes: 20,
        slots: 4,
        tables: 2,
        capacityEnterprises: 4,
        capacityProviders: 2,
        minMeetingsPerEnterprise: 1,
        maxMeetingsPerProvider: 3,
        status: 'draft',
        organizerId: organiser.id,
        registrations: { enterprises: { pending: 0, approved: 0, rejected: 0 }, providers: { pending: 0, approved: 0, rejected: 0 } },
      });
      expect(new Date(event.endsAt).getTime() - new Date(event.startsAt).getTime()).toBe(4 * 20 * 60_000);
    });

    it.each([
      [{ title: '' }, 'title: is required'],
      [{ industry: 'bakery' }, 'industry: must be an industry code'],
      [{ venue: null, online: false }, 'venue: is required unless the event is online'],
      [{ slots: 0 }, 'slots: must be at least 1'],
      [{ minMeetingsPerEnterprise: 5 }, 'minMeetingsPerEnterprise: must be at most slots (4)'],
      [{ tables: 1.5 }, 'tables: must be a whole number'],
      [{ startsAt: '2020-01-01T09:00:00+08:00' }, 'startsAt: must be in the future'],
      [{ startsAt: 'tomorrow' }, 'startsAt: must be an ISO 8601 date-time'],
    ])('refuses %j with 400 naming the field', async (override, message) => {
      const res = await t.post('/events', eventInput(t, override), as(organiser));
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(message);
    });

    it('accepts an online event without a venue', async () => {
      const res = await t.post('/events', eventInput(t, { venue: null, online: true }), as(organiser));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ online: true, venue: null });
    });

    it('needs a token (401) and the organizer role (403)', async () => {
      expect((await t.post('/events', eventInput(t))).status).toBe(401);
      const res = await t.post('/events', eventInput(t), as(e1.owner));
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('organizer');
    });

    it('shows a draft only to its organiser (404 for others, 400 for a malformed id)', async () => {
      expect((await t.get(path(), as(organiser))).status).toBe(200);
      expect((await t.get(path(), as(e1.owner))).status).toBe(404);
      expect((await t.get(path(), as(otherOrganiser))).status).toBe(404);
      expect((await t.get(path())).status).toBe(404);
      expect((await t.get(`/events/${UNKNOWN_ID}`, as(organiser))).status).toBe(404);
      const bad = await t.get('/events/not-a-uuid', as(organiser));
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('id: must be a UUID');
      const list = await t.get('/events', as(e1.owner));
      expect(list.status).toBe(200);
      expect(list.body.items.map((e: any) => e.id)).not.toContain(event.id);
      const own = await t.get('/events', { ...as(organiser), query: { status: 'draft' } });
      expect(own.body.items.map((e: any) => e.id)).toContain(event.id);
      expect((await t.get('/events', { ...as(organiser), query: { pageSize: 101 } })).status).toBe(400);
    });
  });

  describe('registration', () => {
    it('opens registration: only the event’s own organiser, once', async () => {
      expect((await t.post(path('/open-registration'), undefined, as(otherOrganiser))).status).toBe(404);
      const res = await t.post(path('/open-registration'), undefined, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('registration_open');
      const again = await t.post(path('/open-registration'), undefined, as(organiser));
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('cannot open registration for an event that is registration_open');
      const foreign = await t.post(path('/open-registration'), undefined, as(otherOrganiser));
      expect(foreign.status).toBe(403);
      expect(foreign.body.message).toContain('own organiser');
    });

    it('registers enterprises and providers with their wants and available slots', async () => {
      reg.e1 = await registerFor(t, event.id, e1, { availableSlots: [1, 0], wants: [p1.organisation.id] });
      expect(reg.e1).toMatchObject({
        organisationId: e1.organisation.id,
        organisationName: '沈阳一号机床有限公司',
        side: 'enterprise',
        status: 'pending',
        availableSlots: [0, 1],
        wants: [p1.organisation.id],
      });
      reg.e2 = await registerFor(t, event.id, e2, { availableSlots: [1, 2], wants: [p2.organisation.id] });
      reg.e3 = await registerFor(t, event.id, e3, { availableSlots: [2, 3], wants: [p1.organisation.id, p2.organisation.id] });
      reg.e4 = await registerFor(t, event.id, e4, { availableSlots: [0] });
      reg.e5 = await registerFor(t, event.id, e5);
      expect(reg.e5.availableSlots).toEqual([0, 1, 2, 3]);
      reg.p1 = await registerFor(t, event.id, p1, { wants: [e1.organisation.id] });
      reg.p2 = await registerFor(t, event.id, p2, { availableSlots: [1, 2, 3] });
      expect(reg.p1.side).toBe('provider');
    });

    it('refuses bad registrations: 400, 403, 404, 409', async () => {
      const body = (over: Record<string, unknown> = {}) => ({ organisationId: e1.organisation.id, ...over });
      const outOfRange = await t.post(path('/registrations'), body({ availableSlots: [4] }), as(e1.owner));
      expect(outOfRange.status).toBe(400);
      expect(outOfRange.body.message).toContain('availableSlots.0: must be a slot from 0 to 3');
      const wantsEnterprise = await t.post(path('/registrations'), body({ wants: [e2.organisation.id] }), as(e1.owner));
      expect(wantsEnterprise.status).toBe(400);
      expect(wantsEnterprise.body.message).toContain('wants.0: is not a registered provider');
      expect((await t.post(path('/registrations'), body({ organisationId: 'x' }), as(e1.owner))).status).toBe(400);
      const notMember = await t.post(path('/registrations'), body(), as(outsider));
      expect(notMember.status).toBe(403);
      expect((await t.post(path('/registrations'), body())).status).toBe(401);
      expect((await t.post(`/events/${UNKNOWN_ID}/registrations`, body(), as(e1.owner))).status).toBe(404);
      const twice = await t.post(path('/registrations'), body(), as(e1.owner));
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('already_registered');
      const unapproved = await t.post(
        path('/registrations'),
        { organisationId: pendingProvider.organisation.id },
        as(pendingProvider.owner),
      );
      expect(unapproved.status).toBe(409);
      expect(unapproved.body.message).toBe('cannot register a provider that is pending');
    });

    it('approves within capacity; a full side is a 409; rejection takes a reason', async () => {
      const approve = (r: any, user = organiser) => t.post(path(`/registrations/${r.id}/approve`), undefined, as(user));
      expect((await approve(reg.e1, e1.owner)).status).toBe(403);
      expect((await approve(reg.e1, otherOrganiser)).status).toBe(403);
      expect((await t.post(path(`/registrations/${UNKNOWN_ID}/approve`), undefined, as(organiser))).status).toBe(404);
      expect((await t.post(path('/registrations/nope/approve'), undefined, as(organiser))).body.message).toContain('rid: must be a UUID');
      for (const key of ['e1', 'e2', 'e3', 'e4', 'p1', 'p2']) {
        const res = await approve(reg[key]);
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('approved');
      }
      const full = await approve(reg.e5);
      expect(full.status).toBe(409);
      expect(full.body).toMatchObject({ code: 'event_full', message: 'the event has room for 4 enterprises and all of it is taken' });
      expect((await t.post(path(`/registrations/${reg.e5.id}/reject`), {}, as(organiser))).status).toBe(400);
      const rejected = await t.post(path(`/registrations/${reg.e5.id}/reject`), { reason: '名额已满' }, as(organiser));
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '名额已满' });
      const again = await approve(reg.e5);
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('cannot approve a registration that is rejected');
      await t.drain();
      const audit = await t.get('/audit', { ...as(officer), query: { entityType: 'event', entityId: event.id, pageSize: 100 } });
      expect(audit.status).toBe(200);
      expect(audit.body.items.map((a: any) => a.action)).toEqual(
        expect.arrayContaining(['event.registration_approved', 'event.registration_rejected']),
      );
    });

    it('shows registrations whole to the organiser, participants to each other, nothing to outsiders', async () => {
      const all = await t.get(path('/registrations'), { ...as(organiser), query: { pageSize: 100 } });
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(7);
      expect(all.body.items.every((r: any) => Array.isArray(r.wants))).toBe(true);
      const seen = await t.get(path('/registrations'), { ...as(e1.owner), query: { pageSize: 100 } });
      expect(seen.status).toBe(200);
      expect(seen.body.total).toBe(6);
      const own = seen.body.items.find((r: any) => r.organisationId === e1.organisation.id);
      const other = seen.body.items.find((r: any) => r.organisationId === e2.organisation.id);
      expect(own.wants).toEqual([p1.organisation.id]);
      expect(other).toEqual({
        id: reg.e2.id,
        eventId: event.id,
        organisationId: e2.organisation.id,
        organisationName: '沈阳二号风冷设备有限公司',
        side: 'enterprise',
        status: 'approved',
      });
      expect((await t.get(path('/registrations'), as(outsider))).status).toBe(403);
      expect((await t.get(path('/registrations'))).status).toBe(401);
    });

    it('lets a participant change its wants and slots (its members and the organiser only)', async () => {
      const url = path(`/registrations/${reg.e2.id}`);
      expect((await t.patch(url, {}, as(e2.owner))).status).toBe(400);
      expect((await t.patch(url, { wants: [p2.organisation.id] }, as(outsider))).status).toBe(403);
      expect((await t.patch(url, { wants: [p2.organisation.id] })).status).toBe(401);
      expect((await t.patch(path(`/registrations/${UNKNOWN_ID}`), { wants: [] }, as(e2.owner))).status).toBe(404);
      const res = await t.patch(url, { availableSlots: [2, 1], wants: [p2.organisation.id] }, as(e2.owner));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ availableSlots: [1, 2], wants: [p2.organisation.id] });
      const rejected = await t.patch(path(`/registrations/${reg.e5.id}`), { wants: [] }, as(e5.owner));
      expect(rejected.status).toBe(409);
      expect(rejected.body.message).toBe('cannot change a registration that is rejected');
    });

    it('closes registration; registering afterwards is a 409 naming the state', async () => {
      const early = await t.post(path('/schedule'), undefined, as(organiser));
      expect(early.status).toBe(409);
      expect(early.body.message).toBe('cannot schedule an event that is registration_open');
      expect((await t.post(path('/close-registration'), undefined, as(e1.owner))).status).toBe(403);
      const res = await t.post(path('/close-registration'), undefined, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'registration_closed',
        registrations: { enterprises: { approved: 4, rejected: 1, pending: 0 }, providers: { approved: 2, pending: 0, rejected: 0 } },
      });
      const late = await t.post(path('/registrations'), { organisationId: pendingProvider.organisation.id }, as(pendingProvider.owner));
      expect(late.status).toBe(409);
      expect(late.body.message).toBe('cannot register for an event that is registration_closed');
    });
  });

  describe('the schedule', () => {
    it('proposes a schedule from requests and match scores (the organiser only)', async () => {
      expect((await t.post(path('/schedule'), undefined, as(e1.owner))).status).toBe(403);
      expect((await t.post(path('/schedule'))).status).toBe(401);
      expect((await t.post(`/events/${UNKNOWN_ID}/schedule`, undefined, as(organiser))).status).toBe(404);
      const res = await t.post(path('/schedule'), undefined, as(organiser));
      expect(res.status).toBe(200);
      schedule = res.body;
      expect(schedule).toMatchObject({ eventId: event.id, status: 'scheduled', unmetMinimums: [] });
      const meetings: any[] = schedule.meetings;
      expect(meetings).toHaveLength(5);
      expect(meetingOf(meetings, e1, p1)).toMatchObject({ kind: 'mutual', slot: 1 });
      expect(meetingOf(meetings, e4, p1)).toMatchObject({ kind: 'recommended', slot: 0 });
      expect(meetingOf(meetings, e4, p1).score).toBeGreaterThan(0);
      expect(meetingOf(meetings, e2, p2).kind).toBe('requested');
      expect(meetingOf(meetings, e3, p1).kind).toBe('requested');
      expect(meetingOf(meetings, e3, p2).kind).toBe('requested');
      for (const m of meetings) {
        expect(m).toEqual(
          expect.objectContaining({ slot: expect.any(Number), table: expect.any(Number), value: expect.any(Number), source: 'scheduler' }),
        );
        expect(m.table).toBeLessThan(2);
        expect(new Date(m.startsAt).getTime()).toBe(new Date(event.startsAt).getTime() + m.slot * 20 * 60_000);
      }
      // The rules: no one twice in a slot, no table twice, each pair once.
      const keys = meetings.flatMap((m) => [`e${m.enterpriseId}@${m.slot}`, `p${m.providerId}@${m.slot}`, `t${m.table}@${m.slot}`]);
      expect(new Set(keys).size).toBe(keys.length);
      expect(meetings.find((m) => m.enterpriseId === e3.organisation.id && m.slot < 2)).toBeUndefined();
    });

    it('reports the enterprises it cannot bring to the minimum, with the reason', async () => {
      const second = await openEvent(t, organiser, { minMeetingsPerEnterprise: 1, slots: 2, maxMeetingsPerProvider: 2 });
      const url = `/events/${second.id}`;
      await approvedRegistration(t, organiser, second.id, e1, { availableSlots: [0], wants: [p1.organisation.id] });
      await approvedRegistration(t, organiser, second.id, e2, { availableSlots: [1] });
      await approvedRegistration(t, organiser, second.id, p1, { availableSlots: [0] });
      await t.post(`${url}/close-registration`, undefined, as(organiser));
      const res = await t.post(`${url}/schedule`, undefined, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body.meetings).toHaveLength(1);
      expect(res.body.unmetMinimums).toEqual([
        expect.objectContaining({ enterpriseId: e2.organisation.id, meetings: 0, required: 1, reason: 'no_common_slot' }),
      ]);
      expect(res.body.unmetMinimums[0].message).toContain('no approved provider is available');
      const empty = await openEvent(t, organiser);
      await t.post(`/events/${empty.id}/close-registration`, undefined, as(organiser));
      const none = await t.post(`/events/${empty.id}/schedule`, undefined, as(organiser));
      expect(none.status).toBe(409);
      expect(none.body.code).toBe('no_participants');
    });

    it('lists the schedule for the organiser, by slot and table', async () => {
      const res = await t.get(path('/meetings'), { ...as(organiser), query: { pageSize: 2 } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(res.body.items[0].enterpriseName).toBeTruthy();
      expect((await t.get(path('/meetings'), as(e1.owner))).status).toBe(403);
      expect((await t.get(path('/meetings'), as(officer))).status).toBe(200);
    });

    it('refuses an edit that would double-book, naming the reason', async () => {
      const meetings = await allMeetings();
      const [a, b] = meetings.filter((m) => m.enterpriseId === e3.organisation.id);
      // E3 can come in both slots 2 and 3; moving one of its meetings onto the other's slot double-books it.
      const res = await t.patch(path(`/meetings/${a.id}`), { slot: b.slot }, as(organiser));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('double_booked');
      expect(res.body.message).toBe(
        `沈阳三号传动设备有限公司 already meets ${b.providerName} in slot ${b.slot} (table ${b.table}): that would double-book it`,
      );
      expect(res.body.details).toEqual({ meetingId: b.id });
      const added = await t.post(
        path('/meetings'),
        { enterpriseId: e1.organisation.id, providerId: p2.organisation.id, slot: meetingOf(meetings, e1, p1).slot },
        as(organiser),
      );
      expect(added.status).toBe(409);
      expect(added.body.code).toBe('double_booked');
    });

    it('refuses the other broken rules with the reason: unavailable slot, taken table, out of range', async () => {
      const meetings = await allMeetings();
      const e4p1 = meetingOf(meetings, e4, p1);
      const unavailable = await t.patch(path(`/meetings/${e4p1.id}`), { slot: 3 }, as(organiser));
      expect(unavailable.status).toBe(409);
      expect(unavailable.body).toMatchObject({ code: 'slot_unavailable', message: '沈阳四号精密机械有限公司 is not available in slot 3' });
      const pairs = [0, 1, 2, 3].map((s) => meetings.filter((m) => m.slot === s)).find((list) => list.length === 2)!;
      const taken = await t.patch(path(`/meetings/${pairs[0].id}`), { table: pairs[1].table }, as(organiser));
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('table_taken');
      expect(taken.body.message).toContain(`table ${pairs[1].table} in slot ${pairs[1].slot} is taken by`);
      const range = await t.patch(path(`/meetings/${e4p1.id}`), { table: 7 }, as(organiser));
      expect(range.status).toBe(400);
      expect(range.body.message).toBe('table: must be a table from 0 to 1');
      expect((await t.patch(path(`/meetings/${e4p1.id}`), {}, as(organiser))).status).toBe(400);
      expect((await t.patch(path(`/meetings/${UNKNOWN_ID}`), { slot: 0 }, as(organiser))).status).toBe(404);
      expect((await t.patch(path('/meetings/zzz'), { slot: 0 }, as(organiser))).body.message).toContain('mid: must be a UUID');
      expect((await t.patch(path(`/meetings/${e4p1.id}`), { slot: 0 }, as(e4.owner))).status).toBe(403);
      expect((await t.patch(path(`/meetings/${e4p1.id}`), { slot: 0 })).status).toBe(401);
      const stranger = await t.post(
        path('/meetings'),
        { enterpriseId: e5.organisation.id, providerId: p1.organisation.id, slot: 2 },
        as(organiser),
      );
      expect(stranger.status).toBe(400);
      expect(stranger.body.message).toBe('enterpriseId: is not an approved enterprise of this event');
    });

    it('swaps two meetings, refusing a swap that breaks a rule', async () => {
      const meetings = await allMeetings();
      const pairs = [0, 1, 2, 3].map((s) => meetings.filter((m) => m.slot === s)).find((list) => list.length === 2)!;
      const res = await t.post(path('/meetings/swap'), { a: pairs[0].id, b: pairs[1].id }, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body.map((m: any) => m.table)).toEqual([pairs[1].table, pairs[0].table]);
      const e4p1 = meetingOf(meetings, e4, p1);
      const e1p1 = meetingOf(meetings, e1, p1);
      const bad = await t.post(path('/meetings/swap'), { a: e4p1.id, b: e1p1.id }, as(organiser));
      expect(bad.status).toBe(409);
      expect(bad.body.code).toBe('slot_unavailable');
      expect((await t.post(path('/meetings/swap'), { a: e4p1.id, b: e4p1.id }, as(organiser))).status).toBe(400);
      expect((await t.post(path('/meetings/swap'), { a: e4p1.id, b: UNKNOWN_ID }, as(organiser))).status).toBe(404);
    });

    it('removes and adds meetings by hand', async () => {
      const e4p1 = meetingOf(await allMeetings(), e4, p1);
      const removed = await t.call('DELETE', path(`/meetings/${e4p1.id}`), as(organiser));
      expect(removed.status).toBe(204);
      expect((await t.call('DELETE', path(`/meetings/${e4p1.id}`), as(organiser))).status).toBe(404);
      const added = await t.post(
        path('/meetings'),
        { enterpriseId: e4.organisation.id, providerId: p1.organisation.id, slot: 0 },
        as(organiser),
      );
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ kind: 'recommended', source: 'organiser', slot: 0, table: 0 });
      expect(added.body.score).toBeGreaterThan(0);
      const dup = await t.post(
        path('/meetings'),
        { enterpriseId: e4.organisation.id, providerId: p1.organisation.id, slot: 0 },
        as(organiser),
      );
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('double_booked');
    });

    it('keeps the agenda from participants until it is published', async () => {
      const res = await t.get(path('/agenda'), as(e1.owner));
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('cannot read the agenda of an event that is scheduled');
    });

    it('publishes; the schedule no longer changes', async () => {
      expect((await t.post(path('/publish'), undefined, as(e1.owner))).status).toBe(403);
      const res = await t.post(path('/publish'), undefined, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('published');
      const again = await t.post(path('/publish'), undefined, as(organiser));
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('cannot publish an event that is published');
      const meetings = await allMeetings();
      const edit = await t.patch(path(`/meetings/${meetings[0].id}`), { table: 1 }, as(organiser));
      expect(edit.status).toBe(409);
      expect(edit.body.message).toBe('cannot edit the schedule of an event that is published');
      const rerun = await t.post(path('/schedule'), undefined, as(organiser));
      expect(rerun.status).toBe(409);
      await t.drain();
      const inbox = await t.get('/notifications', { ...as(e3.owner), query: { pageSize: 100 } });
      expect(inbox.body.items.map((n: any) => n.kind)).toContain('event.schedule-published');
    });
  });

  describe('agendas', () => {
    it('gives a participant its own meetings, by slot', async () => {
      const res = await t.get(path('/agenda'), as(e3.owner));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        eventId: event.id,
        organisationId: e3.organisation.id,
        organisationName: '沈阳三号传动设备有限公司',
      });
      expect(res.body.items.map((i: any) => i.slot)).toEqual([2, 3]);
      expect(res.body.items.map((i: any) => i.counterpart.id).sort()).toEqual([p1.organisation.id, p2.organisation.id].sort());
      const provider = await t.get(path('/agenda'), as(p1.owner));
      expect(provider.body.items.map((i: any) => i.counterpart.side)).toEqual(['enterprise', 'enterprise', 'enterprise']);
      const byOrganiser = await t.get(path('/agenda'), { ...as(organiser), query: { organisationId: e1.organisation.id } });
      expect(byOrganiser.body.items).toHaveLength(1);
    });

    it('serves the agenda as an RFC 5545 calendar (Accept: text/calendar or ?format=ics)', async () => {
      const res = await t.get(path('/agenda'), { ...as(e3.owner), headers: { accept: 'text/calendar' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const ics: string = res.body;
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      const start = new Date(new Date(event.startsAt).getTime() + 2 * 20 * 60_000);
      expect(ics).toContain(
        `DTSTART:${start
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '')}`,
      );
      expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:供需对接：辽宁');
      expect(ics).toContain('X-WR-TIMEZONE:Asia/Shanghai');
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const query = await t.get(path('/agenda'), { ...as(e3.owner), query: { format: 'ics' } });
      expect(query.headers.get('content-type')).toContain('text/calendar');
      expect((await t.get(path('/agenda'), { ...as(e3.owner), query: { format: 'pdf' } })).status).toBe(400);
    });

    it('refuses agendas to outsiders and for organisations that do not take part', async () => {
      expect((await t.get(path('/agenda'), as(outsider))).status).toBe(403);
      expect((await t.get(path('/agenda'), { ...as(e1.owner), query: { organisationId: e2.organisation.id } })).status).toBe(403);
      expect((await t.get(path('/agenda'), { ...as(organiser), query: { organisationId: e5.organisation.id } })).status).toBe(404);
      expect((await t.get(path('/agenda'))).status).toBe(401);
    });
  });

  describe('the day', () => {
    it('checks participants in (the organiser or their own members)', async () => {
      const self = await t.post(path('/check-in'), { organisationId: e1.organisation.id }, as(e1.owner));
      expect(self.status).toBe(200);
      expect(self.body.checkedInAt).toBeTruthy();
      const again = await t.post(path('/check-in'), { organisationId: e1.organisation.id }, as(organiser));
      expect(again.body.checkedInAt).toBe(self.body.checkedInAt);
      expect((await t.post(path('/check-in'), { organisationId: p1.organisation.id }, as(organiser))).status).toBe(200);
      expect((await t.post(path('/check-in'), { organisationId: e2.organisation.id }, as(outsider))).status).toBe(403);
      expect((await t.post(path('/check-in'), { organisationId: 'x' }, as(organiser))).status).toBe(400);
      expect((await t.post(path('/check-in'), { organisationId: UNKNOWN_ID }, as(organiser))).status).toBe(404);
      const rejected = await t.post(path('/check-in'), { organisationId: e5.organisation.id }, as(e5.owner));
      expect(rejected.status).toBe(409);
      expect(rejected.body.message).toBe('cannot check in a registration that is rejected');
      expect((await t.post(path('/check-in'), { organisationId: e1.organisation.id })).status).toBe(401);
    });

    it('records outcomes; a provider no-show lands on its record', async () => {
      const meetings = await allMeetings();
      const outcome = (m: any, body: Record<string, unknown>, user = organiser) =>
        t.post(path(`/meetings/${m.id}/outcome`), body, as(user));
      const held = await outcome(meetingOf(meetings, e1, p1), { held: true, intent: true, contract: true });
      expect(held.status).toBe(200);
      expect(held.body).toMatchObject({ held: true, intent: true, contract: true, noShowBy: null });
      expect((await outcome(meetingOf(meetings, e4, p1), { held: true, intent: true })).status).toBe(200);
      expect((await outcome(meetingOf(meetings, e3, p1), { held: true })).status).toBe(200);
      const missed = await outcome(meetingOf(meetings, e2, p2), { held: false, noShowBy: 'provider' });
      expect(missed.status).toBe(200);
      expect(missed.body).toMatchObject({ held: false, intent: false, contract: false, noShowBy: 'provider' });
      const record = await t.get(`/providers/${p2.organisation.id}`, as(p2.owner));
      expect(record.body.record.noShows).toBe(1);
      // Recording the same no-show again does not count it twice.
      await outcome(meetingOf(meetings, e2, p2), { held: false, noShowBy: 'provider' });
      expect((await t.get(`/providers/${p2.organisation.id}`, as(p2.owner))).body.record.noShows).toBe(1);

      const noReason = await outcome(meetingOf(meetings, e3, p2), { held: false });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toContain('noShowBy: is required when the meeting was not held');
      const impossible = await outcome(meetingOf(meetings, e3, p2), { held: false, noShowBy: 'enterprise', intent: true });
      expect(impossible.status).toBe(400);
      expect(impossible.body.message).toContain('intent: cannot be true for a meeting that was not held');
      expect((await outcome(meetingOf(meetings, e3, p2), { held: true }, e3.owner)).status).toBe(403);
      expect((await t.post(path(`/meetings/${UNKNOWN_ID}/outcome`), { held: true }, as(organiser))).status).toBe(404);
      expect((await t.post(path(`/meetings/${meetings[0].id}/outcome`), { held: true })).status).toBe(401);
    });

    it('reports the funnel, the figures per kind and how good the recommendations were', async () => {
      expect((await t.get(path('/report'), as(e1.owner))).status).toBe(403);
      expect((await t.get(path('/report'))).status).toBe(401);
      expect((await t.get(`/events/${UNKNOWN_ID}/report`, as(organiser))).status).toBe(404);
      const res = await t.get(path('/report'), as(organiser));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        eventId: event.id,
        status: 'published',
        registrations: {
          enterprises: { approved: 4, rejected: 1, pending: 0, checkedIn: 1 },
          providers: { approved: 2, pending: 0, rejected: 0, checkedIn: 1 },
        },
        meetings: {
          proposed: 5,
          scheduled: 5,
          recorded: 4,
          held: 3,
          noShows: 1,
          noShowsByProvider: 1,
          noShowsByEnterprise: 0,
          intents: 2,
          contracts: 1,
          pending: 1,
        },
        byKind: {
          mutual: { meetings: 1, held: 1, intents: 1, contracts: 1, intentRate: 1 },
          requested: { meetings: 3, held: 1, noShows: 1, intents: 0, intentRate: 0 },
          recommended: { meetings: 1, held: 1, intents: 1, intentRate: 1 },
        },
        recommendations: { meetings: 1, held: 1, intents: 1, intentRate: 1, intentRateOfHeld: 1 },
        funnel: [
          { stage: 'proposed', count: 5 },
          { stage: 'scheduled', count: 5 },
          { stage: 'held', count: 3 },
          { stage: 'intent', count: 2 },
          { stage: 'contract', count: 1 },
        ],
        unmetMinimums: [],
        providerNoShows: [{ providerId: p2.organisation.id, providerName: '辽宁二号软件有限公司', noShows: 1 }],
      });
      expect((await t.get(path('/report'), as(officer))).status).toBe(200);
    });

    it('completes the event; then nothing more is recorded', async () => {
      const res = await t.post(path('/complete'), undefined, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('completed');
      const meetings = await allMeetings();
      const late = await t.post(path(`/meetings/${meetings[0].id}/outcome`), { held: true }, as(organiser));
      expect(late.status).toBe(409);
      expect(late.body.message).toBe('cannot record a meeting outcome of an event that is completed');
      const cancel = await t.post(path('/cancel'), undefined, as(organiser));
      expect(cancel.status).toBe(409);
      expect(cancel.body.message).toBe('cannot cancel an event that is completed');
      expect((await t.get(path('/agenda'), as(e1.owner))).status).toBe(200);
    });

    it('cancels an event before it happens, telling the participants', async () => {
      const other = await createEvent(t, organiser);
      const res = await t.post(`/events/${other.id}/cancel`, undefined, as(organiser));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
    });
  });
});
