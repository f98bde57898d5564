import { hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';

/** A district officer (区县工信部门) whose scope covers `district`. */
export function isDistrictOfficerFor(principal: Principal, district: string): boolean {
  return principal.roles.some((g) => g.role === 'district_officer' && g.district === district);
}

/**
 * Who reads an enterprise's private fields (USCC, employees, revenue, eligibility flags):
 * its members, city officers, the officer of its district, assessors (they diagnose and
 * run acceptance) and admins.
 */
export function maySeeEnterpriseDetails(principal: Principal, enterprise: { id: string; district: string }): boolean {
  return (
    isMember(principal, enterprise.id) ||
    hasRole(principal, 'city_officer', 'assessor', 'admin') ||
    isDistrictOfficerFor(principal, enterprise.district)
  );
}

/** Who enrols an enterprise in (or withdraws it from) the pilot pool: city officers, or the officer of its district. */
export function mayManagePilot(principal: Principal, enterprise: { district: string }): boolean {
  return hasRole(principal, 'city_officer') || isDistrictOfficerFor(principal, enterprise.district);
}

/** Officers see providers in every selection state and their decision history. */
export function isProviderOverseer(principal: Principal): boolean {
  return hasRole(principal, 'city_officer', 'district_officer', 'admin');
}
