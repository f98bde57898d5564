import { StateConflictError } from '../errors.js';
import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const SUBSIDY_STATUSES = ['submitted', 'returned', 'district_approved', 'approved', 'disbursed', 'rejected', 'revoked'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];

/**
 * What can happen to an application. The review actions carry their stage:
 * `district_*` is the preliminary review (初审) by the officer of the
 * enterprise's district, `city_*` the re-review (复核) by a city officer.
 * `resubmit` is the enterprise's answer to a return, `disburse` the city
 * recording the payment, `revoke` the city's answer to fraud.
 * `request_change` and `decide_change` (a major change, 第九条) keep the state.
 */
export const SUBSIDY_ACTIONS = [
  'district_approve',
  'district_return',
  'district_reject',
  'city_approve',
  'city_return',
  'city_reject',
  'resubmit',
  'disburse',
  'revoke',
  'request_change',
  'decide_change',
] as const;
export type SubsidyAction = (typeof SUBSIDY_ACTIONS)[number];

/**
 * The application life cycle, state × action → state; a missing cell is a
 * forbidden transition (409 naming the current state).
 *
 * A return from either stage sends the application back to the enterprise;
 * its resubmission starts again at the district's preliminary review, so the
 * city never re-reviews what the district has not seen. `rejected` ends the
 * application (the project may be applied for again); fraud may still be
 * found afterwards, so only `revoked` is entirely final.
 */
export const SUBSIDY_TRANSITIONS: TransitionTable<SubsidyStatus, SubsidyAction> = Object.freeze({
  submitted: {
    district_approve: 'district_approved',
    district_return: 'returned',
    district_reject: 'rejected',
    revoke: 'revoked',
    request_change: 'submitted',
    decide_change: 'submitted',
  },
  returned: {
    resubmit: 'submitted',
    revoke: 'revoked',
    request_change: 'returned',
    decide_change: 'returned',
  },
  district_approved: {
    city_approve: 'approved',
    city_return: 'returned',
    city_reject: 'rejected',
    revoke: 'revoked',
    request_change: 'district_approved',
    decide_change: 'district_approved',
  },
  approved: {
    disburse: 'disbursed',
    revoke: 'revoked',
    request_change: 'approved',
    decide_change: 'approved',
  },
  disbursed: { revoke: 'revoked' },
  rejected: { revoke: 'revoked' },
  revoked: {},
});

/** How a refused action reads in the 409 message ("cannot … a subsidy application that is approved"). */
const ACTION_PHRASES: Readonly<Record<SubsidyAction, string>> = {
  district_approve: 'approve in preliminary review (初审)',
  district_return: 'return in preliminary review (初审)',
  district_reject: 'reject in preliminary review (初审)',
  city_approve: 'approve in re-review (复核)',
  city_return: 'return in re-review (复核)',
  city_reject: 'reject in re-review (复核)',
  resubmit: 'resubmit',
  disburse: 'record a disbursement of',
  revoke: 'revoke',
  request_change: 'request a change of',
  decide_change: 'decide a change request of',
};

/** {@link StateConflictError} for applications, reading "cannot … a subsidy application that is <state>". */
export class SubsidyStateConflictError extends StateConflictError {
  constructor(state: SubsidyStatus, action: SubsidyAction) {
    super('subsidy_application', state, ACTION_PHRASES[action]);
    this.message = `cannot ${ACTION_PHRASES[action]} a subsidy application that is ${state}`;
  }
}

export const SUBSIDY_STATE_MACHINE = stateMachine('subsidy_application', SUBSIDY_STATUSES, SUBSIDY_TRANSITIONS, {
  conflict: (state, action) => new SubsidyStateConflictError(state, action),
});

/**
 * Whether the application still holds its project: one live application per
 * project, so a rejected or revoked one frees the project for a new one.
 */
export function isLive(status: SubsidyStatus): boolean {
  return status !== 'rejected' && status !== 'revoked';
}
