import { hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { isDistrictOfficerFor } from '@smedx/directory';
import type { ExpertScore, Nomination } from './entities/nomination.entity.js';
import type { NominationStatus } from './nomination-state.js';

/** On public notice (公示) or awarded: what the city announces, readable by every signed-in user. */
export const PUBLIC_NOMINATION_STATUSES: readonly NominationStatus[] = ['on_notice', 'awarded'];

/** The states in which assessors see a nomination: from the district's recommendation on. */
export const ASSESSOR_NOMINATION_STATUSES: readonly NominationStatus[] = ['recommended', 'in_review', 'on_notice', 'awarded'];

type Readable = Pick<Nomination, 'nomineeId' | 'nominatedBy' | 'district' | 'status'>;

/** Whether the caller may read the nomination; for everyone else it does not exist (404). */
export function mayReadNomination(principal: Principal, n: Readable): boolean {
  return (
    PUBLIC_NOMINATION_STATUSES.includes(n.status) ||
    isMember(principal, n.nomineeId) ||
    n.nominatedBy === principal.userId ||
    hasRole(principal, 'city_officer', 'admin') ||
    isDistrictOfficerFor(principal, n.district) ||
    (hasRole(principal, 'assessor') && ASSESSOR_NOMINATION_STATUSES.includes(n.status))
  );
}

/**
 * The expert scores the caller sees: all of them for officers; an assessor its own (so that
 * the experts score independently); the nominee and the public only the review's mean.
 */
export function visibleScores(principal: Principal, n: Pick<Nomination, 'scores' | 'district'>): ExpertScore[] {
  if (hasRole(principal, 'city_officer', 'admin') || isDistrictOfficerFor(principal, n.district)) return n.scores;
  return n.scores.filter((s) => s.assessorId === principal.userId);
}
