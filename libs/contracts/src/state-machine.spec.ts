import { ConflictError, GoneError, StateConflictError } from './errors.js';
import { stateMachine } from './state-machine.js';
import type { TransitionTable } from './state-machine.js';

type DoorState = 'open' | 'closed' | 'locked';
type DoorAction = 'open' | 'close' | 'lock' | 'unlock';

const DOOR_STATES = ['open', 'closed', 'locked'] as const satisfies readonly DoorState[];
const DOOR: TransitionTable<DoorState, DoorAction> = {
  open: { close: 'closed' },
  closed: { open: 'open', lock: 'locked' },
  locked: { unlock: 'closed' },
};

describe('stateMachine', () => {
  // A door's life cycle under a subject the error registry knows (the 409's code must be an ErrorCode).
  const door = stateMachine('meeting', DOOR_STATES, DOOR);

  it('reads the next state from the table cell', () => {
    expect(door.next('closed', 'lock')).toBe('locked');
    expect(door.next('locked', 'unlock')).toBe('closed');
    expect(door.next('open', 'close')).toBe('closed');
  });

  it('answers a missing cell with a 409 naming the subject, the state and the action', () => {
    expect(() => door.next('locked', 'open')).toThrow(StateConflictError);
    expect(() => door.next('locked', 'open')).toThrow(
      expect.objectContaining({
        kind: 'conflict',
        code: 'meeting_invalid_transition',
        state: 'locked',
        message: 'cannot open a meeting that is locked',
        details: { state: 'locked', action: 'open' },
      }),
    );
  });

  it('can, statesAllowing and actionsFrom read the same table: a cell, a column, a row', () => {
    expect(door.can('closed', 'open')).toBe(true);
    expect(door.can('open', 'open')).toBe(false);
    // Columns come back in the order of the states list, rows in the order of the table.
    expect(door.statesAllowing('open')).toEqual(['closed']);
    expect(door.statesAllowing('lock')).toEqual(['closed']);
    expect(stateMachine('meeting', ['locked', 'closed', 'open'] as const, DOOR).statesAllowing('close')).toEqual(['open']);
    expect(door.actionsFrom('closed')).toEqual(['open', 'lock']);
    expect(door.actionsFrom('locked')).toEqual(['unlock']);
    for (const state of DOOR_STATES) {
      for (const action of ['open', 'close', 'lock', 'unlock'] as const) {
        expect(door.can(state, action)).toBe(door.statesAllowing(action).includes(state));
        expect(door.can(state, action)).toBe(door.actionsFrom(state).includes(action));
      }
    }
  });

  it('lets a machine phrase its own refusal', () => {
    const phrased = stateMachine('meeting', DOOR_STATES, DOOR, {
      conflict: (state, action) => new ConflictError('table_taken', `the ${state} door will not ${action}`),
    });
    expect(() => phrased.next('open', 'lock')).toThrow(
      expect.objectContaining({ code: 'table_taken', message: 'the open door will not lock' }),
    );
    expect(phrased.next('closed', 'open')).toBe('open');
  });

  describe('with a guard', () => {
    const asked: string[] = [];
    const timed = stateMachine<DoorState, DoorAction, { now: number; closesAt: number }>('meeting', DOOR_STATES, DOOR, {
      guard: (state, action, { now, closesAt }) => {
        asked.push(`${state}/${action}`);
        if (action === 'unlock' && now >= closesAt) throw new GoneError('chain_invitation_expired', 'too late');
      },
    });

    beforeEach(() => asked.splice(0));

    it('passes what the guard needs and lets it refuse an allowed transition', () => {
      expect(timed.next('locked', 'unlock', { now: 1, closesAt: 2 })).toBe('closed');
      expect(() => timed.next('locked', 'unlock', { now: 2, closesAt: 2 })).toThrow(GoneError);
      expect(asked).toEqual(['locked/unlock', 'locked/unlock']);
    });

    it('asks the table first: a forbidden cell is a 409 and the guard is not asked', () => {
      expect(() => timed.next('open', 'unlock', { now: 5, closesAt: 2 })).toThrow(StateConflictError);
      expect(asked).toEqual([]);
    });

    it('leaves can to the table alone', () => {
      expect(timed.can('locked', 'unlock')).toBe(true);
      expect(asked).toEqual([]);
    });
  });

  it('is frozen: the shared machine cannot be patched by a caller', () => {
    expect(Object.isFrozen(door)).toBe(true);
    expect(door.subject).toBe('meeting');
    expect(door.transitions).toBe(DOOR);
  });
});
