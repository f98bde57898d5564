import { StateConflictError } from '../errors.js';
import { ACTIVE_BID_STATUSES, BID_ACTIONS, BID_STATE_MACHINE, BID_STATUSES } from './bid-state.js';
import type { BidAction, BidStatus } from './bid-state.js';

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<BidStatus, Record<BidAction, BidStatus | null>> = {
  submitted: { revise: 'submitted', withdraw: 'withdrawn', shortlist: 'shortlisted', award: 'awarded', reject: 'not_awarded' },
  shortlisted: { revise: null, withdraw: 'withdrawn', shortlist: null, award: 'awarded', reject: 'not_awarded' },
  withdrawn: { revise: null, withdraw: null, shortlist: null, award: null, reject: null },
  awarded: { revise: null, withdraw: null, shortlist: null, award: null, reject: null },
  not_awarded: { revise: null, withdraw: null, shortlist: null, award: null, reject: null },
};

describe('bid state machine', () => {
  const cells = BID_STATUSES.flatMap((state) => BID_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(BID_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => BID_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => BID_STATE_MACHINE.next(state, action)).toThrow(`cannot ${action} a bid that is ${state}`);
    }
  });

  it('uses a stable code naming the entity and the state', () => {
    expect(() => BID_STATE_MACHINE.next('awarded', 'withdraw')).toThrow(
      expect.objectContaining({ code: 'bid_invalid_transition', state: 'awarded' }),
    );
  });

  it('lists the states an action may start from', () => {
    expect(BID_STATE_MACHINE.statesAllowing('revise')).toEqual(['submitted']);
    expect(BID_STATE_MACHINE.statesAllowing('shortlist')).toEqual(['submitted']);
    expect(BID_STATE_MACHINE.statesAllowing('award')).toEqual(['submitted', 'shortlisted']);
    expect(BID_STATE_MACHINE.statesAllowing('reject')).toEqual(['submitted', 'shortlisted']);
    expect(ACTIVE_BID_STATUSES).toEqual(['submitted', 'shortlisted']);
  });
});
