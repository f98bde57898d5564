import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const PROVIDER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export const SELECTION_DECISIONS = ['approve', 'reject', 'suspend', 'reinstate'] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];

/**
 * Provider selection (遴选) and dynamic management as a table: status × decision → status.
 * A rejected provider may re-apply and is reviewed again (approve); only an approved provider
 * publishes and bids, so suspension takes it out until a city officer reinstates it.
 */
export const PROVIDER_SELECTION: TransitionTable<ProviderStatus, SelectionDecision> = Object.freeze({
  pending: { approve: 'approved', reject: 'rejected' },
  rejected: { approve: 'approved' },
  approved: { suspend: 'suspended' },
  suspended: { reinstate: 'approved' },
});

/** `next` answers a decision the table forbids with a 409 naming the current status. */
export const PROVIDER_STATE_MACHINE = stateMachine('provider', PROVIDER_STATUSES, PROVIDER_SELECTION);
