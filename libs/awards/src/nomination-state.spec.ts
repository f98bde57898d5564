import { StateConflictError } from '@smedx/platform';
import { NOMINATION_ACTIONS, NOMINATION_STATUSES, NOMINATION_STATE_MACHINE } from './nomination-state.js';
import type { NominationAction, NominationStatus } from './nomination-state.js';

const NONE: Record<NominationAction, null> = {
  recommend: null,
  score: null,
  publish: null,
  object: null,
  answer: null,
  award: null,
  reject: null,
};

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<NominationStatus, Record<NominationAction, NominationStatus | null>> = {
  nominated: { ...NONE, recommend: 'recommended', reject: 'rejected' },
  recommended: { ...NONE, score: 'in_review', reject: 'rejected' },
  in_review: { ...NONE, score: 'in_review', publish: 'on_notice', reject: 'rejected' },
  on_notice: { ...NONE, object: 'on_notice', answer: 'on_notice', award: 'awarded', reject: 'rejected' },
  awarded: { ...NONE },
  rejected: { ...NONE },
};

describe('nomination state machine', () => {
  const cells = NOMINATION_STATUSES.flatMap((state) =>
    NOMINATION_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const),
  );

  it('covers every status × action', () => {
    expect(cells).toHaveLength(NOMINATION_STATUSES.length * NOMINATION_ACTIONS.length);
  });

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(NOMINATION_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => NOMINATION_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => NOMINATION_STATE_MACHINE.next(state, action)).toThrow(new RegExp(`a nomination that is ${state}$`));
    }
  });

  it('uses a stable code and names the state', () => {
    expect(() => NOMINATION_STATE_MACHINE.next('nominated', 'award')).toThrow(
      expect.objectContaining({
        code: 'nomination_invalid_transition',
        state: 'nominated',
        message: 'cannot award a nomination that is nominated',
      }),
    );
  });

  it('awards only from the public notice, and nothing changes an award', () => {
    expect(NOMINATION_STATE_MACHINE.statesAllowing('award')).toEqual(['on_notice']);
    expect(NOMINATION_STATE_MACHINE.statesAllowing('reject')).toEqual(['nominated', 'recommended', 'in_review', 'on_notice']);
  });
});
