import { NOMINATION_STATUSES, StateConflictError, stateMachine } from '@smedx/contracts';
import type { NominationStatus, TransitionTable } from '@smedx/contracts';

export { NOMINATION_STATUSES };
export type { NominationStatus };

/**
 * What can happen to a nomination. `score` is one assessor's expert score (the first moves
 * it into review, more keep it there); `object` and `answer` record an objection during the
 * notice and the city's answer to it and keep the state.
 */
export const NOMINATION_ACTIONS = ['recommend', 'score', 'publish', 'object', 'answer', 'award', 'reject'] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/**
 * The nomination life cycle, state × action → state; a missing cell is a forbidden transition
 * (409 naming the current state). The rules beyond the table (at least three scores before the
 * notice, the notice over and every objection answered before the award) are checked by the
 * service with their own 409 codes.
 */
export const NOMINATION_TRANSITIONS: TransitionTable<NominationStatus, NominationAction> = Object.freeze({
  nominated: { recommend: 'recommended', reject: 'rejected' },
  recommended: { score: 'in_review', reject: 'rejected' },
  in_review: { score: 'in_review', publish: 'on_notice', reject: 'rejected' },
  on_notice: { object: 'on_notice', answer: 'on_notice', award: 'awarded', reject: 'rejected' },
  awarded: {},
  rejected: {},
});

const ACTION_PHRASES: Readonly<Record<NominationAction, string>> = {
  recommend: 'recommend (区县推荐)',
  score: 'score (专家评审)',
  publish: 'put on public notice (公示)',
  object: 'object to',
  answer: 'answer an objection to',
  award: 'award',
  reject: 'reject',
};

/** {@link StateConflictError} for nominations, reading "cannot … a nomination that is <state>". */
export class NominationStateConflictError extends StateConflictError {
  constructor(state: NominationStatus, action: NominationAction) {
    super('nomination', state, ACTION_PHRASES[action]);
  }
}

/**
 * The nomination life cycle as a machine: `next` gives the state after an action or a 409
 * reading "cannot … a nomination that is <state>"; `statesAllowing` the states an action is
 * allowed from (conditional updates).
 */
export const NOMINATION_STATE_MACHINE = stateMachine('nomination', NOMINATION_STATUSES, NOMINATION_TRANSITIONS, {
  conflict: (state, action) => new NominationStateConflictError(state, action),
});
