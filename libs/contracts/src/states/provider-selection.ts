import { StateConflictError } from '../errors.js';

export const PROVIDER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export const SELECTION_DECISIONS = ['approve', 'reject', 'suspend', 'reinstate'] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];

/**
 * Provider selection (遴选) and dynamic management as a table: status × decision → status.
 * A rejected provider may re-apply and is reviewed again (approve); only an approved provider
 * publishes and bids, so suspension takes it out until a city officer reinstates it.
 */
export const PROVIDER_SELECTION: Readonly<Record<ProviderStatus, Partial<Record<SelectionDecision, ProviderStatus>>>> = Object.freeze({
  pending: { approve: 'approved', reject: 'rejected' },
  rejected: { approve: 'approved' },
  approved: { suspend: 'suspended' },
  suspended: { reinstate: 'approved' },
});

/** The status after `decision`, or a 409 naming the current status when the table forbids it. */
export function nextProviderStatus(current: ProviderStatus, decision: SelectionDecision): ProviderStatus {
  const next = PROVIDER_SELECTION[current]?.[decision];
  if (!next) throw new StateConflictError('provider', current, decision);
  return next;
}
