import { StateConflictError } from '../errors.js';
import { NEED_ACTIONS, NEED_STATUSES, needStatusesAllowing, nextNeedStatus } from './need-state.js';
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
      expect(nextNeedStatus(state, action)).toBe(expected);
    } else {
      expect(() => nextNeedStatus(state, action)).toThrow(StateConflictError);
      expect(() => nextNeedStatus(state, action)).toThrow(`cannot ${action} a need that is ${state}`);
    }
  });

  it('uses a stable code naming the entity', () => {
    expect(() => nextNeedStatus('cancelled', 'publish')).toThrow(
      expect.objectContaining({ code: 'need_invalid_transition', state: 'cancelled' }),
    );
  });

  it('lists the states an action may start from', () => {
    expect(needStatusesAllowing('edit')).toEqual(['draft', 'published']);
    expect(needStatusesAllowing('cancel')).toEqual(['draft', 'published']);
    expect(needStatusesAllowing('extend')).toEqual(['published']);
    expect(needStatusesAllowing('award')).toEqual(['published']);
    expect(needStatusesAllowing('close')).toEqual(['awarded']);
  });
});
