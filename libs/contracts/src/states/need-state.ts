import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

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
export const NEED_TRANSITIONS: TransitionTable<NeedStatus, NeedAction> = Object.freeze({
  draft: { edit: 'draft', publish: 'published', cancel: 'cancelled' },
  published: { edit: 'published', cancel: 'cancelled', extend: 'published', award: 'awarded' },
  awarded: { close: 'closed' },
  closed: {},
  cancelled: {},
});

/** `next` answers a refused action with a 409 naming the current state; `statesAllowing` feeds conditional updates. */
export const NEED_STATE_MACHINE = stateMachine('need', NEED_STATUSES, NEED_TRANSITIONS);
