import { StateConflictError } from '../errors.js';
import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const EVENT_STATUSES = [
  'draft',
  'registration_open',
  'registration_closed',
  'scheduled',
  'published',
  'completed',
  'cancelled',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * What can happen to an event. `register` (a participant signs up),
 * `update_registration` (wants and availability), `decide_registration`
 * (the organiser approves or rejects), `edit` (the event's own fields,
 * until a schedule is drawn), `schedule` (run the scheduler; again
 * replaces the draft), `edit_schedule` (the organiser's moves, swaps, adds,
 * removals), `check_in` and `record_outcome` (on the day).
 */
export const EVENT_ACTIONS = [
  'edit',
  'open_registration',
  'register',
  'update_registration',
  'decide_registration',
  'close_registration',
  'schedule',
  'edit_schedule',
  'publish',
  'check_in',
  'record_outcome',
  'complete',
  'cancel',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/**
 * The event life cycle, state × action → state; a missing cell is a
 * forbidden transition (409 naming the current state).
 *
 * Participants mark whom they want to meet once they can see who else
 * registered, so wants and availability stay open after registration closes,
 * until the schedule is drawn. A closed registration can reopen while no
 * schedule exists. Once published, the schedule is what participants hold in
 * their calendars: it no longer changes, and the day's check-in and outcomes
 * are recorded against it. `completed` and `cancelled` are final.
 */
export const EVENT_TRANSITIONS: TransitionTable<EventStatus, EventAction> = Object.freeze({
  draft: {
    edit: 'draft',
    open_registration: 'registration_open',
    cancel: 'cancelled',
  },
  registration_open: {
    edit: 'registration_open',
    register: 'registration_open',
    update_registration: 'registration_open',
    decide_registration: 'registration_open',
    close_registration: 'registration_closed',
    cancel: 'cancelled',
  },
  registration_closed: {
    edit: 'registration_closed',
    open_registration: 'registration_open',
    update_registration: 'registration_closed',
    decide_registration: 'registration_closed',
    schedule: 'scheduled',
    cancel: 'cancelled',
  },
  scheduled: {
    schedule: 'scheduled',
    edit_schedule: 'scheduled',
    publish: 'published',
    cancel: 'cancelled',
  },
  published: {
    check_in: 'published',
    record_outcome: 'published',
    complete: 'completed',
    cancel: 'cancelled',
  },
  completed: {},
  cancelled: {},
});

/** How a refused action reads in the 409 message ("cannot … an event that is published"). */
const ACTION_PHRASES: Readonly<Record<EventAction, string>> = {
  edit: 'edit',
  open_registration: 'open registration for',
  register: 'register for',
  update_registration: 'change a registration for',
  decide_registration: 'decide a registration for',
  close_registration: 'close registration for',
  schedule: 'schedule',
  edit_schedule: 'edit the schedule of',
  publish: 'publish',
  check_in: 'check in to',
  record_outcome: 'record a meeting outcome of',
  complete: 'complete',
  cancel: 'cancel',
};

/**
 * {@link StateConflictError} for events, with the article English wants
 * ("cannot publish an event that is draft"); `phrase` is what was refused.
 */
export class EventStateConflictError extends StateConflictError {
  constructor(state: EventStatus, phrase: string) {
    super('event', state, phrase);
    this.message = `cannot ${phrase} an event that is ${state}`;
  }
}

export const EVENT_STATE_MACHINE = stateMachine('event', EVENT_STATUSES, EVENT_TRANSITIONS, {
  conflict: (state, action) => new EventStateConflictError(state, ACTION_PHRASES[action]),
});

/** Limits of one event: a long day of 5-minute slots; a large exhibition hall. */
export const EVENT_LIMITS = Object.freeze({
  slots: 96,
  tables: 500,
  slotMinutes: { min: 5, max: 240 },
  capacity: 5000,
  wants: 200,
});

/** Fields that shape the schedule grid and availability: changed only while the event is a draft. */
export const DRAFT_ONLY_EVENT_FIELDS = ['industry', 'district', 'slotMinutes', 'slots'] as const;

/** Whether the published agenda exists (participants see their meetings from then on). */
export function agendaVisible(status: EventStatus): boolean {
  return status === 'published' || status === 'completed';
}

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type RegistrationDecision = 'approve' | 'reject';

/** A registration is decided once: pending → approved or rejected. */
export const REGISTRATION_TRANSITIONS: TransitionTable<RegistrationStatus, RegistrationDecision> = Object.freeze({
  pending: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
});

export const REGISTRATION_STATE_MACHINE = stateMachine('registration', REGISTRATION_STATUSES, REGISTRATION_TRANSITIONS);
