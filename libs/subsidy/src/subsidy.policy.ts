import { hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { isDistrictOfficerFor } from '@smedx/directory';

/**
 * Who reads an application (its figures are the enterprise's finances): the
 * enterprise's members, the officer of its district, city officers and
 * admins. For everyone else it does not exist (404).
 */
export function mayReadApplication(principal: Principal, application: { enterpriseId: string; district: string }): boolean {
  return (
    isMember(principal, application.enterpriseId) ||
    hasRole(principal, 'city_officer', 'admin') ||
    isDistrictOfficerFor(principal, application.district)
  );
}

/**
 * Whether a caller who may not act on an application learns that it exists
 * (403) or not (404): those who read it, and every district officer, who is
 * told which district's officer reviews it.
 */
export function mayKnowOfApplication(principal: Principal, application: { enterpriseId: string; district: string }): boolean {
  return mayReadApplication(principal, application) || hasRole(principal, 'district_officer');
}

/** The districts whose preliminary review (初审) the caller runs. */
export function reviewedDistricts(principal: Principal): string[] {
  return principal.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
}

/**
 * The review stage the caller acts in on this application, or null when they
 * review none of it. 初审 belongs to the officer of the enterprise's district,
 * 复核 to city officers; someone holding both acts in the stage the status is at.
 */
export function reviewStage(principal: Principal, application: { district: string; status: string }): 'district' | 'city' | null {
  const district = isDistrictOfficerFor(principal, application.district);
  const city = hasRole(principal, 'city_officer');
  if (district && city) return application.status === 'submitted' ? 'district' : 'city';
  if (district) return 'district';
  if (city) return 'city';
  return null;
}
