import { StateConflictError } from '../errors.js';
import { SUBSIDY_ACTIONS, SUBSIDY_STATE_MACHINE, SUBSIDY_STATUSES, isLive } from './subsidy-state.js';
import type { SubsidyAction, SubsidyStatus } from './subsidy-state.js';

const NONE: Record<SubsidyAction, null> = {
  district_approve: null,
  district_return: null,
  district_reject: null,
  city_approve: null,
  city_return: null,
  city_reject: null,
  resubmit: null,
  disburse: null,
  revoke: null,
  request_change: null,
  decide_change: null,
};

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<SubsidyStatus, Record<SubsidyAction, SubsidyStatus | null>> = {
  submitted: {
    ...NONE,
    district_approve: 'district_approved',
    district_return: 'returned',
    district_reject: 'rejected',
    revoke: 'revoked',
    request_change: 'submitted',
    decide_change: 'submitted',
  },
  returned: { ...NONE, resubmit: 'submitted', revoke: 'revoked', request_change: 'returned', decide_change: 'returned' },
  district_approved: {
    ...NONE,
    city_approve: 'approved',
    city_return: 'returned',
    city_reject: 'rejected',
    revoke: 'revoked',
    request_change: 'district_approved',
    decide_change: 'district_approved',
  },
  approved: { ...NONE, disburse: 'disbursed', revoke: 'revoked', request_change: 'approved', decide_change: 'approved' },
  disbursed: { ...NONE, revoke: 'revoked' },
  rejected: { ...NONE, revoke: 'revoked' },
  revoked: { ...NONE },
};

describe('subsidy application state machine', () => {
  const cells = SUBSIDY_STATUSES.flatMap((state) => SUBSIDY_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it('covers every status × action', () => {
    expect(cells).toHaveLength(SUBSIDY_STATUSES.length * SUBSIDY_ACTIONS.length);
  });

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(SUBSIDY_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => SUBSIDY_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => SUBSIDY_STATE_MACHINE.next(state, action)).toThrow(new RegExp(`a subsidy application that is ${state}$`));
    }
  });

  it('uses a stable code and names the state', () => {
    expect(() => SUBSIDY_STATE_MACHINE.next('submitted', 'city_approve')).toThrow(
      expect.objectContaining({
        code: 'subsidy_application_invalid_transition',
        state: 'submitted',
        message: 'cannot approve in re-review (复核) a subsidy application that is submitted',
      }),
    );
  });

  it('lists the states an action may start from', () => {
    expect(SUBSIDY_STATE_MACHINE.statesAllowing('district_approve')).toEqual(['submitted']);
    expect(SUBSIDY_STATE_MACHINE.statesAllowing('city_approve')).toEqual(['district_approved']);
    expect(SUBSIDY_STATE_MACHINE.statesAllowing('resubmit')).toEqual(['returned']);
    expect(SUBSIDY_STATE_MACHINE.statesAllowing('disburse')).toEqual(['approved']);
    expect(SUBSIDY_STATE_MACHINE.statesAllowing('revoke')).toEqual([
      'submitted',
      'returned',
      'district_approved',
      'approved',
      'disbursed',
      'rejected',
    ]);
  });

  it('frees the project only once rejected or revoked', () => {
    expect(SUBSIDY_STATUSES.filter((s) => !isLive(s))).toEqual(['rejected', 'revoked']);
  });
});
