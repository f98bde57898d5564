import { StateConflictError } from '../errors.js';

export const NEED_STATUSES = ['draft', 'published', 'awarded', 'closed', 'cancelled'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_ACTIONS = ['edit', 'publish', 'cancel', 'extend', 'award', 'close'] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

/**
 * The need life cycle, state × action → state; a missing cell is a forbidden
 * transition. `edit` keeps the state; `extend` (a later bid deadline, for a
 * need that drew no bids) too. `award` (bidding) and `close` (projects) are
 * driven by other contexts, but live in this one table so every context asks
 * the same question.
 */
export const NEED_TRANSITIONS: Readonly<Record<NeedStatus, Partial<Record<NeedAction, NeedStatus>>>> = Object.freeze({
  draft: { edit: 'draft', publish: 'published', cancel: 'cancelled' },
  published: { edit: 'published', cancel: 'cancelled', extend: 'published', award: 'awarded' },
  awarded: { close: 'closed' },
  closed: {},
  cancelled: {},
});

/** The state after `action`, or a 409 naming the current state. */
export function nextNeedStatus(current: NeedStatus, action: NeedAction): NeedStatus {
  const next = NEED_TRANSITIONS[current][action];
  if (!next) throw new StateConflictError('need', current, action);
  return next;
}

/** The states from which `action` is allowed (for conditional updates). */
export function needStatusesAllowing(action: NeedAction): NeedStatus[] {
  return NEED_STATUSES.filter((s) => NEED_TRANSITIONS[s][action] !== undefined);
}
