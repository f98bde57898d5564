import { GoneError, StateConflictError } from '../errors.js';
import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const CHAIN_POSITIONS = ['upstream', 'downstream'] as const;
export type ChainPosition = (typeof CHAIN_POSITIONS)[number];

/** Chinese labels as people write them in uploaded rosters and read them in the UI. */
export const CHAIN_POSITION_NAMES: Readonly<Record<ChainPosition, string>> = Object.freeze({ upstream: '上游', downstream: '下游' });

export const INVITATION_STATUSES = ['pending', 'accepted_pending_enterprise', 'accepted', 'declined', 'superseded'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * What can happen to an invitation: `claim` (someone registers an account through it and
 * has no enterprise yet), `accept`, `decline`, and `supersede` (the leader invited the same
 * enterprise or address again: only the newest token stays usable).
 */
export const INVITATION_ACTIONS = ['claim', 'accept', 'decline', 'supersede'] as const;
export type InvitationAction = (typeof INVITATION_ACTIONS)[number];

/**
 * The invitation life cycle, state × action → state; a missing cell is a forbidden
 * transition (409 naming the current state). A token is single use: once accepted,
 * declined or superseded it opens nothing. `accepted_pending_enterprise` is a token spent
 * by a registration: only the user who registered may finish it, once their enterprise is
 * on the platform.
 */
export const INVITATION_TRANSITIONS: TransitionTable<InvitationStatus, InvitationAction> = Object.freeze({
  pending: { claim: 'accepted_pending_enterprise', accept: 'accepted', decline: 'declined', supersede: 'superseded' },
  accepted_pending_enterprise: { accept: 'accepted', decline: 'declined' },
  accepted: {},
  declined: {},
  superseded: {},
});

/**
 * Statuses in which the expiry applies: an unanswered token runs out; a token a
 * registration already spent does not (the new user may take days to register the
 * enterprise).
 */
const EXPIRING: readonly InvitationStatus[] = ['pending'];

/** What the expiry rule needs besides the status: the invitation's expiry and the time of asking. */
export interface InvitationClock {
  expiresAt: Date;
  now: Date;
}

/**
 * `next(status, action, { expiresAt, now })`: 409 naming the state if the table
 * forbids the action, 410 if the token ran out (a used token stays 409: the
 * state wins over the clock; superseding an expired token is allowed).
 */
export const INVITATION_STATE_MACHINE = stateMachine<InvitationStatus, InvitationAction, InvitationClock>(
  'chain_invitation',
  INVITATION_STATUSES,
  INVITATION_TRANSITIONS,
  {
    guard: (status, action, { expiresAt, now }) => {
      if (action !== 'supersede' && isExpired({ status, expiresAt }, now)) {
        throw new GoneError('chain_invitation_expired', `the invitation expired at ${expiresAt.toISOString()}`);
      }
    },
  },
);

export function isExpired(invitation: { status: InvitationStatus; expiresAt: Date }, now: Date): boolean {
  return EXPIRING.includes(invitation.status) && invitation.expiresAt.getTime() <= now.getTime();
}

/** The status as people see it: a pending invitation past its expiry reads `expired`. */
export function shownInvitationStatus(invitation: { status: InvitationStatus; expiresAt: Date }, now: Date): InvitationStatus | 'expired' {
  return isExpired(invitation, now) ? 'expired' : invitation.status;
}

export const JOINT_NEED_CONSENTS = ['opted_out', 'opted_in'] as const;
export type JointNeedConsent = (typeof JOINT_NEED_CONSENTS)[number];
export type JointNeedAction = 'opt_in' | 'opt_out';

/** A member's standing consent to be named as a site of the chain's joint needs. */
export const JOINT_NEED_TRANSITIONS: TransitionTable<JointNeedConsent, JointNeedAction> = Object.freeze({
  opted_out: { opt_in: 'opted_in' },
  opted_in: { opt_out: 'opted_out' },
});

/** Refusals name the action as the route does (`opt-in`, `opt-out`). */
export const JOINT_NEED_STATE_MACHINE = stateMachine('chain_member', JOINT_NEED_CONSENTS, JOINT_NEED_TRANSITIONS, {
  conflict: (state, action) => new StateConflictError('chain_member', state, action.replace('_', '-')),
});

/** A chain case starts nominated; review and award are the nominations capability's. */
export const CHAIN_CASE_STATUSES = ['nominated'] as const;
export type ChainCaseStatus = (typeof CHAIN_CASE_STATUSES)[number];
