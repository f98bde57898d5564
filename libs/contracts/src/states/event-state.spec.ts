import { StateConflictError } from '../errors.js';
import {
  EVENT_ACTIONS,
  EVENT_STATE_MACHINE,
  EVENT_STATUSES,
  REGISTRATION_STATE_MACHINE,
  REGISTRATION_STATUSES,
  agendaVisible,
} from './event-state.js';
import type { EventAction, EventStatus, RegistrationStatus } from './event-state.js';

const none = Object.fromEntries(EVENT_ACTIONS.map((a) => [a, null])) as Record<EventAction, null>;

/** The whole event table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<EventStatus, Record<EventAction, EventStatus | null>> = {
  draft: { ...none, edit: 'draft', open_registration: 'registration_open', cancel: 'cancelled' },
  registration_open: {
    ...none,
    edit: 'registration_open',
    register: 'registration_open',
    update_registration: 'registration_open',
    decide_registration: 'registration_open',
    close_registration: 'registration_closed',
    cancel: 'cancelled',
  },
  registration_closed: {
    ...none,
    edit: 'registration_closed',
    open_registration: 'registration_open',
    update_registration: 'registration_closed',
    decide_registration: 'registration_closed',
    schedule: 'scheduled',
    cancel: 'cancelled',
  },
  scheduled: { ...none, schedule: 'scheduled', edit_schedule: 'scheduled', publish: 'published', cancel: 'cancelled' },
  published: { ...none, check_in: 'published', record_outcome: 'published', complete: 'completed', cancel: 'cancelled' },
  completed: { ...none },
  cancelled: { ...none },
};

describe('event state machine', () => {
  const cells = EVENT_STATUSES.flatMap((state) => EVENT_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(EVENT_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => EVENT_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => EVENT_STATE_MACHINE.next(state, action)).toThrow(new RegExp(`an event that is ${state}$`));
    }
  });

  it('names the entity, the state and the action', () => {
    expect(() => EVENT_STATE_MACHINE.next('published', 'edit_schedule')).toThrow(
      expect.objectContaining({
        code: 'event_invalid_transition',
        state: 'published',
        message: 'cannot edit the schedule of an event that is published',
      }),
    );
  });

  it('lists the states an action may start from', () => {
    expect(EVENT_STATE_MACHINE.statesAllowing('schedule')).toEqual(['registration_closed', 'scheduled']);
    expect(EVENT_STATE_MACHINE.statesAllowing('update_registration')).toEqual(['registration_open', 'registration_closed']);
    expect(EVENT_STATE_MACHINE.statesAllowing('cancel')).toEqual([
      'draft',
      'registration_open',
      'registration_closed',
      'scheduled',
      'published',
    ]);
  });

  it('shows agendas once published', () => {
    expect(EVENT_STATUSES.filter(agendaVisible)).toEqual(['published', 'completed']);
  });
});

describe('registration state machine', () => {
  const expected: Record<RegistrationStatus, Record<'approve' | 'reject', RegistrationStatus | null>> = {
    pending: { approve: 'approved', reject: 'rejected' },
    approved: { approve: null, reject: null },
    rejected: { approve: null, reject: null },
  };
  const cells = REGISTRATION_STATUSES.flatMap((s) => (['approve', 'reject'] as const).map((a) => [s, a, expected[s][a]] as const));

  it.each(cells)('%s + %s → %s', (state, action, next) => {
    if (next) expect(REGISTRATION_STATE_MACHINE.next(state, action)).toBe(next);
    else expect(() => REGISTRATION_STATE_MACHINE.next(state, action)).toThrow(`cannot ${action} a registration that is ${state}`);
  });
});
