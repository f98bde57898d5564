import { StateConflictError } from '@smedx/platform';

/**
 * Where a nomination stands: nominated by the enterprise, provider or chain leader →
 * recommended by its district (区县推荐) → scored by the city's expert assessors (市级评审) →
 * on public notice (公示, 7 days) → awarded; or rejected at any step before the award.
 */
export const NOMINATION_STATUSES = ['nominated', 'recommended', 'in_review', 'on_notice', 'awarded', 'rejected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

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
export const NOMINATION_TRANSITIONS: Readonly<Record<NominationStatus, Partial<Record<NominationAction, NominationStatus>>>> =
  Object.freeze({
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

/** The state after `action`, or a 409 naming the current state. */
export function nextNominationStatus(current: NominationStatus, action: NominationAction): NominationStatus {
  const next = NOMINATION_TRANSITIONS[current][action];
  if (!next) throw new NominationStateConflictError(current, action);
  return next;
}

/** The states from which `action` is allowed. */
export function nominationStatusesAllowing(action: NominationAction): NominationStatus[] {
  return NOMINATION_STATUSES.filter((s) => NOMINATION_TRANSITIONS[s][action] !== undefined);
}
