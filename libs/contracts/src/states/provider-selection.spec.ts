import { DomainError } from '../errors.js';
import { PROVIDER_STATE_MACHINE, PROVIDER_STATUSES, SELECTION_DECISIONS } from './provider-selection.js';
import type { ProviderStatus, SelectionDecision } from './provider-selection.js';

/** Every cell of status × decision: the allowed ones with their result, null for a 409. */
const EXPECTED: Record<ProviderStatus, Record<SelectionDecision, ProviderStatus | null>> = {
  pending: { approve: 'approved', reject: 'rejected', suspend: null, reinstate: null },
  rejected: { approve: 'approved', reject: null, suspend: null, reinstate: null },
  approved: { approve: null, reject: null, suspend: 'suspended', reinstate: null },
  suspended: { approve: null, reject: null, suspend: null, reinstate: 'approved' },
};

describe('provider selection table', () => {
  const cells = PROVIDER_STATUSES.flatMap((from) =>
    SELECTION_DECISIONS.map((decision) => [from, decision, EXPECTED[from][decision]] as const),
  );

  it.each(cells)('%s + %s → %s', (from, decision, expected) => {
    if (expected) {
      expect(PROVIDER_STATE_MACHINE.next(from, decision)).toBe(expected);
      return;
    }
    let error: unknown;
    try {
      PROVIDER_STATE_MACHINE.next(from, decision);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'conflict', details: { state: from, action: decision } });
    expect((error as Error).message).toContain(from);
  });
});
