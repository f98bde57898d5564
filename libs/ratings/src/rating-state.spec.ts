import { StateConflictError } from '@smedx/platform';
import { COUNTED_RATING_STATUSES, RATING_ACTIONS, RATING_STATUSES, RATING_STATE_MACHINE } from './rating-state.js';
import type { RatingAction, RatingStatus } from './rating-state.js';

const NONE: Record<RatingAction, null> = { reply: null, appeal: null, uphold: null, remove: null };

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<RatingStatus, Record<RatingAction, RatingStatus | null>> = {
  published: { ...NONE, reply: 'published', appeal: 'appealed' },
  appealed: { ...NONE, reply: 'appealed', uphold: 'upheld', remove: 'removed' },
  upheld: { ...NONE, reply: 'upheld' },
  removed: { ...NONE },
};

describe('rating state machine', () => {
  const cells = RATING_STATUSES.flatMap((state) => RATING_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it('covers every status × action', () => {
    expect(cells).toHaveLength(RATING_STATUSES.length * RATING_ACTIONS.length);
  });

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(RATING_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => RATING_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => RATING_STATE_MACHINE.next(state, action)).toThrow(new RegExp(`a rating that is ${state}$`));
    }
  });

  it('counts every rating but a removed one', () => {
    expect(COUNTED_RATING_STATUSES).toEqual(['published', 'appealed', 'upheld']);
  });
});
