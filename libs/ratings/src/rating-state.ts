import { RATING_STATUSES, StateConflictError, stateMachine } from '@smedx/contracts';
import type { RatingStatus, TransitionTable } from '@smedx/contracts';

export { RATING_STATUSES };
export type { RatingStatus };

/** `reply`: the provider's one answer (a state-keeping action); `uphold`/`remove`: the district's decision on an appeal. */
export const RATING_ACTIONS = ['reply', 'appeal', 'uphold', 'remove'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/**
 * The rating life cycle, state × action → state; a missing cell is a 409 naming the state: published
 * once the enterprise rates the accepted (or failed) project; appealed by either side to the district
 * officer, who upholds or removes it. One appeal per rating: an upheld rating cannot be appealed
 * again. The provider may reply while the rating stands (once: the service checks that with its own 409).
 */
export const RATING_TRANSITIONS: TransitionTable<RatingStatus, RatingAction> = Object.freeze({
  published: { reply: 'published', appeal: 'appealed' },
  appealed: { reply: 'appealed', uphold: 'upheld', remove: 'removed' },
  upheld: { reply: 'upheld' },
  removed: {},
});

const ACTION_PHRASES: Readonly<Record<RatingAction, string>> = {
  reply: 'reply to',
  appeal: 'appeal',
  uphold: 'uphold',
  remove: 'remove',
};

/** The life cycle as a machine: `next` gives the state after `action`, or a 409 reading "cannot … a rating that is <state>". */
export const RATING_STATE_MACHINE = stateMachine('rating', RATING_STATUSES, RATING_TRANSITIONS, {
  conflict: (state, action) => new StateConflictError('rating', state, ACTION_PHRASES[action]),
});

/** The ratings that count in the provider's record: all but removed ones (an appealed rating counts until decided). */
export const COUNTED_RATING_STATUSES: readonly RatingStatus[] = ['published', 'appealed', 'upheld'];
