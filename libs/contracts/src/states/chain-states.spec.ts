import { GoneError, StateConflictError } from '../errors.js';
import {
  INVITATION_ACTIONS,
  INVITATION_STATE_MACHINE,
  INVITATION_STATUSES,
  JOINT_NEED_CONSENTS,
  JOINT_NEED_STATE_MACHINE,
  isExpired,
  shownInvitationStatus,
} from './chain-states.js';
import type { InvitationAction, InvitationStatus, JointNeedAction, JointNeedConsent } from './chain-states.js';

const NOW = new Date('2025-03-01T02:00:00Z');
const LATER = new Date('2025-03-15T02:00:00Z');
const EARLIER = new Date('2025-02-15T02:00:00Z');

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<InvitationStatus, Record<InvitationAction, InvitationStatus | null>> = {
  pending: { claim: 'accepted_pending_enterprise', accept: 'accepted', decline: 'declined', supersede: 'superseded' },
  accepted_pending_enterprise: { claim: null, accept: 'accepted', decline: 'declined', supersede: null },
  accepted: { claim: null, accept: null, decline: null, supersede: null },
  declined: { claim: null, accept: null, decline: null, supersede: null },
  superseded: { claim: null, accept: null, decline: null, supersede: null },
};

describe('chain invitation state machine', () => {
  const cells = INVITATION_STATUSES.flatMap((s) => INVITATION_ACTIONS.map((a) => [s, a, EXPECTED[s][a]] as const));

  it.each(cells)('%s + %s → %s (before expiry)', (status, action, expected) => {
    const clock = { expiresAt: LATER, now: NOW };
    if (expected) expect(INVITATION_STATE_MACHINE.next(status, action, clock)).toBe(expected);
    else {
      expect(() => INVITATION_STATE_MACHINE.next(status, action, clock)).toThrow(StateConflictError);
      expect(() => INVITATION_STATE_MACHINE.next(status, action, clock)).toThrow(`cannot ${action} a chain_invitation that is ${status}`);
    }
  });

  it.each(INVITATION_ACTIONS.filter((a) => a !== 'supersede'))('an expired pending invitation answers %s with 410', (action) => {
    expect(() => INVITATION_STATE_MACHINE.next('pending', action, { expiresAt: EARLIER, now: NOW })).toThrow(GoneError);
    // Expiry is exact to the millisecond: at the instant itself the token is gone.
    expect(() => INVITATION_STATE_MACHINE.next('pending', action, { expiresAt: NOW, now: NOW })).toThrow(GoneError);
  });

  it('a used token stays 409 after its expiry (the state wins over the clock)', () => {
    expect(() => INVITATION_STATE_MACHINE.next('accepted', 'accept', { expiresAt: EARLIER, now: NOW })).toThrow(StateConflictError);
    expect(() => INVITATION_STATE_MACHINE.next('declined', 'accept', { expiresAt: EARLIER, now: NOW })).toThrow(StateConflictError);
  });

  it('a token spent on registration does not expire; a newer invitation supersedes an expired one', () => {
    expect(INVITATION_STATE_MACHINE.next('accepted_pending_enterprise', 'accept', { expiresAt: EARLIER, now: NOW })).toBe('accepted');
    expect(INVITATION_STATE_MACHINE.next('pending', 'supersede', { expiresAt: EARLIER, now: NOW })).toBe('superseded');
  });

  it('shows an expired pending invitation as expired', () => {
    expect(shownInvitationStatus({ status: 'pending', expiresAt: EARLIER }, NOW)).toBe('expired');
    expect(shownInvitationStatus({ status: 'pending', expiresAt: LATER }, NOW)).toBe('pending');
    expect(shownInvitationStatus({ status: 'accepted', expiresAt: EARLIER }, NOW)).toBe('accepted');
    expect(isExpired({ status: 'accepted_pending_enterprise', expiresAt: EARLIER }, NOW)).toBe(false);
  });
});

const CONSENT: Record<JointNeedConsent, Record<JointNeedAction, JointNeedConsent | null>> = {
  opted_out: { opt_in: 'opted_in', opt_out: null },
  opted_in: { opt_in: null, opt_out: 'opted_out' },
};

describe('joint-need consent of a member', () => {
  const cells = JOINT_NEED_CONSENTS.flatMap((s) => (['opt_in', 'opt_out'] as const).map((a) => [s, a, CONSENT[s][a]] as const));

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) expect(JOINT_NEED_STATE_MACHINE.next(state, action)).toBe(expected);
    else
      expect(() => JOINT_NEED_STATE_MACHINE.next(state, action)).toThrow(
        `cannot ${action.replace('_', '-')} a chain_member that is ${state}`,
      );
  });
});
