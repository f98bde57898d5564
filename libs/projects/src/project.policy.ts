import { hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';

type ProjectParties = { enterpriseId: string; providerId: string; district: string };

/**
 * Who reads a project (and its contract): members of either party, assessors
 * (they monitor and accept), city officers, the officer of the enterprise's
 * district, admins. For everyone else the project does not exist (404): its
 * price and terms are private to the parties.
 */
export function mayReadProject(principal: Principal, project: ProjectParties): boolean {
  return (
    isMember(principal, project.enterpriseId) ||
    isMember(principal, project.providerId) ||
    hasRole(principal, 'assessor', 'city_officer', 'admin') ||
    principal.roles.some((g) => g.role === 'district_officer' && g.district === project.district)
  );
}

/**
 * The party a member acts for, or null for someone of neither. The parties
 * run the project (milestones, service log); a user in both writes as the
 * enterprise, the side that owns the project.
 */
export function projectSide(principal: Principal, project: ProjectParties): 'enterprise' | 'provider' | null {
  if (isMember(principal, project.enterpriseId)) return 'enterprise';
  if (isMember(principal, project.providerId)) return 'provider';
  return null;
}
