import { eventBody } from '../fixtures/event-body.mjs';
import type { TestApp } from '../support/test-app.js';
import { approvedProvider, createEnterprise } from './directory.js';
import { registerUser } from './users.js';
import type { TestUser } from './users.js';

/** A valid event body: a week from the test clock's now, 4 slots of 20 minutes at 2 tables in Tiexi; overrides replace fields. */
export function eventInput(t: TestApp, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return eventBody(t.clock.now(), overrides);
}

/** An event created by `organiser` (draft); returns the response body. */
export async function createEvent(t: TestApp, organiser: TestUser, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await t.post('/events', eventInput(t, overrides), { token: organiser.token });
  if (res.status !== 201) throw new Error(`create event failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An event with registration open. */
export async function openEvent(t: TestApp, organiser: TestUser, overrides: Record<string, unknown> = {}): Promise<any> {
  const event = await createEvent(t, organiser, overrides);
  const res = await t.post(`/events/${event.id}/open-registration`, undefined, { token: organiser.token });
  if (res.status !== 200) throw new Error(`open registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Participant {
  owner: TestUser;
  organisation: any;
}

/** A new user owning a new enterprise. */
export async function enterpriseParticipant(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Participant> {
  const owner = await registerUser(t, 'enterprise');
  return { owner, organisation: await createEnterprise(t, owner, overrides) };
}

/** A new user owning a provider that passed selection. */
export async function providerParticipant(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Participant> {
  const { owner, provider } = await approvedProvider(t, overrides);
  return { owner, organisation: provider };
}

/** Registers the participant's organisation (201 expected); returns the registration. */
export async function registerFor(
  t: TestApp,
  eventId: string,
  who: Participant,
  body: { availableSlots?: number[]; wants?: string[] } = {},
): Promise<any> {
  const res = await t.post(
    `/events/${eventId}/registrations`,
    { organisationId: who.organisation.id, ...body },
    { token: who.owner.token },
  );
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Registers and has the organiser approve; returns the approved registration. */
export async function approvedRegistration(
  t: TestApp,
  organiser: TestUser,
  eventId: string,
  who: Participant,
  body: { availableSlots?: number[]; wants?: string[] } = {},
): Promise<any> {
  const registration = await registerFor(t, eventId, who, body);
  const res = await t.post(`/events/${eventId}/registrations/${registration.id}/approve`, undefined, { token: organiser.token });
  if (res.status !== 200) throw new Error(`approve failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
