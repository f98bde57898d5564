import { StateConflictError } from '@smedx/platform';

/**
 * A rating's life: published once the enterprise rates the accepted (or failed) project;
 * appealed by either side to the district officer, who upholds or removes it. A removed rating
 * no longer counts in the provider's record.
 */
export const RATING_STATUSES = ['published', 'appealed', 'upheld', 'removed'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

/** `reply`: the provider's one answer (a state-keeping action); `uphold`/`remove`: the district's decision on an appeal. */
export const RATING_ACTIONS = ['reply', 'appeal', 'uphold', 'remove'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/**
 * state × action → state; a missing cell is a 409 naming the state. One appeal per rating: an
 * upheld rating cannot be appealed again. The provider may reply while the rating stands
 * (once: the service checks that with its own 409).
 */
export const RATING_TRANSITIONS: Readonly<Record<RatingStatus, Partial<Record<RatingAction, RatingStatus>>>> = Object.freeze({
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

/** The state after `action`, or a 409 reading "cannot … a rating that is <state>". */
export function nextRatingStatus(current: RatingStatus, action: RatingAction): RatingStatus {
  const next = RATING_TRANSITIONS[current][action];
  if (!next) throw new StateConflictError('rating', current, ACTION_PHRASES[action]);
  return next;
}

/** The ratings that count in the provider's record: all but removed ones (an appealed rating counts until decided). */
export const COUNTED_RATING_STATUSES: readonly RatingStatus[] = ['published', 'appealed', 'upheld'];
