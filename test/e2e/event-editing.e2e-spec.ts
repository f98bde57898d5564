import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { approvedRegistration, createEvent, enterpriseParticipant, openEvent, providerParticipant } from '../factories/events.js';
import type { Participant } from '../factories/events.js';
import { registerUser, userWithRole } from '../factories/users.js';
import type { TestUser } from '../factories/users.js';

const DAY = 24 * 3600_000;

/** `PATCH /events/:id`: the organiser changes an event until its schedule is drawn. */
describe('editing a matchmaking event (PATCH /events/:id)', () => {
  let t: TestApp;
  let organiser: TestUser;
  let otherOrganiser: TestUser;
  let outsider: TestUser;
  let enterprise: Participant;
  let provider: Participant;

  const notices = async (user: TestUser, eventId: string) =>
    (await t.get('/notifications', { token: user.token, query: { pageSize: 100 } })).body.items.filter(
      (n: { kind: string; data: { eventId?: string } | null }) => n.kind === 'event.changed' && n.data?.eventId === eventId,
    );

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await userWithRole(t, 'organizer');
    otherOrganiser = await userWithRole(t, 'organizer');
    outsider = await registerUser(t, 'outsider');
    enterprise = await enterpriseParticipant(t);
    provider = await providerParticipant(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('changes any field of a draft, recording before and after in the audit trail', async () => {
    const event = await createEvent(t, organiser);
    const res = await t.patch(
      `/events/${event.id}`,
      { title: '浑南区传动设备供需对接会', district: 'hunnan', industry: 'transmission', slots: 6, slotMinutes: 30, tables: 3 },
      { token: organiser.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: event.id,
      status: 'draft',
      title: '浑南区传动设备供需对接会',
      district: 'hunnan',
      slots: 6,
      tables: 3,
    });
    expect((await t.get(`/events/${event.id}`, { token: organiser.token })).body).toMatchObject({
      slotMinutes: 30,
      industry: 'transmission',
    });
    const officer = await userWithRole(t, 'city_officer');
    const audit = await t.get('/audit', { token: officer.token, query: { entityId: event.id, pageSize: 50 } });
    const entry = audit.body.items.find((a: { action: string }) => a.action === 'event.updated');
    expect(entry.data).toMatchObject({ before: { title: event.title, slots: 4 }, after: { title: '浑南区传动设备供需对接会', slots: 6 } });
  });

  it('answers 400 naming the field for bad values, or for values that clash with the stored event', async () => {
    const event = await createEvent(t, organiser);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /must change at least one field/],
      [{ slots: 0 }, /^slots: must be at least 1/],
      [{ startsAt: 'tomorrow' }, /^startsAt: must be an ISO 8601/],
      [{ startsAt: new Date(t.clock.now().getTime() - DAY).toISOString() }, /^startsAt: must be in the future/],
      // The stored event has 4 slots.
      [{ minMeetingsPerEnterprise: 5 }, /^minMeetingsPerEnterprise: must be at most slots \(4\)/],
      // The stored event has a venue; going offline without one is refused.
      [{ venue: null }, /^venue: is required unless the event is online/],
      [{ industry: 'shipbuilding' }, /^industry: must be an industry code/],
    ];
    for (const [body, message] of cases) {
      const res = await t.patch(`/events/${event.id}`, body, { token: organiser.token });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toMatch(message);
    }
    expect((await t.get(`/events/${event.id}`, { token: organiser.token })).body).toMatchObject({ slots: 4, venue: event.venue });
    expect((await t.patch(`/events/${event.id}`, { online: true, venue: null }, { token: organiser.token })).status).toBe(200);
  });

  it("is for the event's own organiser: 401, 403 and 404 otherwise", async () => {
    const draft = await createEvent(t, organiser);
    expect((await t.patch(`/events/${draft.id}`, { title: '改名' })).status).toBe(401);
    // A draft is invisible to everyone but its organiser (and officers).
    expect((await t.patch(`/events/${draft.id}`, { title: '改名' }, { token: otherOrganiser.token })).status).toBe(404);
    expect((await t.patch(`/events/${draft.id}`, { title: '改名' }, { token: outsider.token })).status).toBe(404);
    const open = await openEvent(t, organiser);
    expect((await t.patch(`/events/${open.id}`, { title: '改名' }, { token: otherOrganiser.token })).status).toBe(403);
    expect((await t.patch(`/events/${open.id}`, { title: '改名' }, { token: outsider.token })).status).toBe(403);
    expect((await t.patch('/events/not-a-uuid', { title: '改名' }, { token: organiser.token })).status).toBe(400);
    expect((await t.get(`/events/${open.id}`, { token: organiser.token })).body.title).toBe(open.title);
  });

  it('once registration opened, keeps the grid and what registrants signed up for, and tells them when the time moves', async () => {
    const event = await openEvent(t, organiser, { capacityEnterprises: 5 });
    await approvedRegistration(t, organiser, event.id, enterprise);
    await approvedRegistration(t, organiser, event.id, provider);

    for (const body of [{ slots: 8 }, { district: 'hunnan' }, { industry: 'air_cooling' }, { slotMinutes: 30 }]) {
      const res = await t.patch(`/events/${event.id}`, body, { token: organiser.token });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/an event that is registration_open$/);
    }
    const tooSmall = await t.patch(`/events/${event.id}`, { capacityProviders: 0 }, { token: organiser.token });
    expect(tooSmall.status).toBe(400);
    const atApproved = await t.patch(`/events/${event.id}`, { capacityEnterprises: 1, capacityProviders: 1 }, { token: organiser.token });
    expect(atApproved.status).toBe(200);

    const later = new Date(new Date(event.startsAt).getTime() + DAY).toISOString();
    const moved = await t.patch(`/events/${event.id}`, { startsAt: later, tables: 4, title: '改期后的对接会' }, { token: organiser.token });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'registration_open', tables: 4, title: '改期后的对接会' });
    expect(new Date(moved.body.startsAt).toISOString()).toBe(later);
    await t.drain();
    expect(await notices(enterprise.owner, event.id)).toHaveLength(1);
    expect(await notices(provider.owner, event.id)).toHaveLength(1);
    // A change of title alone moves nothing in anyone's calendar: no new notice.
    expect((await t.patch(`/events/${event.id}`, { title: '供需对接会（终版）' }, { token: organiser.token })).status).toBe(200);
    await t.drain();
    expect(await notices(enterprise.owner, event.id)).toHaveLength(1);
  });

  it('refuses a capacity below the registrations already approved (409)', async () => {
    const event = await openEvent(t, organiser);
    const a = await enterpriseParticipant(t);
    const b = await enterpriseParticipant(t);
    await approvedRegistration(t, organiser, event.id, a);
    await approvedRegistration(t, organiser, event.id, b);
    const res = await t.patch(`/events/${event.id}`, { capacityEnterprises: 1 }, { token: organiser.token });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/capacityEnterprises must be at least the 2 enterprise registrations already approved/);
    expect((await t.patch(`/events/${event.id}`, { capacityEnterprises: 2 }, { token: organiser.token })).status).toBe(200);
  });

  it('refuses any change once a schedule is drawn (409 naming the state)', async () => {
    const event = await openEvent(t, organiser);
    await approvedRegistration(t, organiser, event.id, await enterpriseParticipant(t));
    await approvedRegistration(t, organiser, event.id, await providerParticipant(t));
    expect((await t.post(`/events/${event.id}/close-registration`, undefined, { token: organiser.token })).status).toBe(200);
    expect((await t.patch(`/events/${event.id}`, { title: '关闭报名后改名' }, { token: organiser.token })).status).toBe(200);
    expect((await t.post(`/events/${event.id}/schedule`, undefined, { token: organiser.token })).status).toBe(200);
    const res = await t.patch(`/events/${event.id}`, { title: '排期后改名' }, { token: organiser.token });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('cannot edit an event that is scheduled');
  });
});
