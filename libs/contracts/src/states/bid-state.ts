import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const BID_STATUSES = ['submitted', 'shortlisted', 'withdrawn', 'awarded', 'not_awarded'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

export const BID_ACTIONS = ['revise', 'withdraw', 'shortlist', 'award', 'reject'] as const;
export type BidAction = (typeof BID_ACTIONS)[number];

/**
 * The bid life cycle, state × action → state; a missing cell is a forbidden
 * transition (409 naming the current state). `revise` keeps the state: a
 * shortlisted bid is frozen, so the enterprise compares what it shortlisted.
 * `reject` is what the award does to every other active bid (and a cancelled
 * need to all of them): not awarded.
 */
export const BID_TRANSITIONS: TransitionTable<BidStatus, BidAction> = Object.freeze({
  submitted: { revise: 'submitted', withdraw: 'withdrawn', shortlist: 'shortlisted', award: 'awarded', reject: 'not_awarded' },
  shortlisted: { withdraw: 'withdrawn', award: 'awarded', reject: 'not_awarded' },
  withdrawn: {},
  awarded: {},
  not_awarded: {},
});

export const BID_STATE_MACHINE = stateMachine('bid', BID_STATUSES, BID_TRANSITIONS);

/** Bids still in the running: they count as the provider's one bid on the need and block an extension. */
export const ACTIVE_BID_STATUSES: readonly BidStatus[] = BID_STATE_MACHINE.statesAllowing('withdraw');
