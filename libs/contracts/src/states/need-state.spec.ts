import { StateConflictError } from '../errors.js';
import { NEED_ACTIONS, NEED_STATE_MACHINE, NEED_STATUSES } from './need-state.js';
import type { NeedAction, NeedStatus } from './need-state.js';

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<NeedStatus, Record<NeedAction, NeedStatus | null>> = {
  draft: { edit: 'draft', publish: 'published', cancel: 'cancelled', extend: null, award: null, close: null },
  published: { edit: 'published', publish: null, cancel: 'cancelled', extend: 'published', award: 'awarded', close: null },
  awarded: { edit: null, publish: null, cancel: null, extend: null, award: null, close: 'closed' },
  closed: { edit: null, publish: null, cancel: null, extend: null, award: null, close: null },
  cancelled: { edit: null, publish: null, cancel: null, extend: null, award: null, close: null },
};

describe('need state machine', () => {
  const cells = NEED_STATUSES.flatMap((state) => NEED_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(NEED_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => NEED_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => NEED_STATE_MACHINE.next(state, action)).toThrow(`cannot ${action} a need that is ${state}`);
    }
  });

  it('uses a stable code naming the entity', () => {
    expect(() => NEED_STATE_MACHINE.next('cancelled', 'publish')).toThrow(
      expect.objectContaining({ code: 'need_invalid_transition', state: 'cancelled' }),
    );
  });

  it('lists the states an action may start from', () => {
    expect(NEED_STATE_MACHINE.statesAllowing('edit')).toEqual(['draft', 'published']);
    expect(NEED_STATE_MACHINE.statesAllowing('cancel')).toEqual(['draft', 'published']);
    expect(NEED_STATE_MACHINE.statesAllowing('extend')).toEqual(['published']);
    expect(NEED_STATE_MACHINE.statesAllowing('award')).toEqual(['published']);
    expect(NEED_STATE_MACHINE.statesAllowing('close')).toEqual(['awarded']);
  });
});
