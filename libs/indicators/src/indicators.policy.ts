import { ForbiddenError, hasRole } from '@smedx/platform';
import type { Principal } from '@smedx/platform';

/** What a caller's indicators cover: the whole city, or one district. */
export interface IndicatorScope {
  level: 'city' | 'district';
  /** The district the figures are limited to: the one asked for, or a district officer's own. */
  district: string | null;
}

/**
 * Who sees which figures: city officers and admins see the city (and any district they ask
 * for); a district officer (区县工信部门) sees their own district, by default and when asking
 * for it, and gets a 403 for any other; everyone else gets a 403.
 */
export function indicatorScope(principal: Principal, requestedDistrict?: string): IndicatorScope {
  if (hasRole(principal, 'city_officer', 'admin')) return { level: 'city', district: requestedDistrict ?? null };
  const own = principal.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
  if (!own.length) {
    throw new ForbiddenError('only city officers, district officers and admins see the programme indicators', 'role_required');
  }
  if (requestedDistrict && !own.includes(requestedDistrict)) {
    throw new ForbiddenError(`district: a district officer sees only their own district (${own.join(', ')})`, 'district_out_of_scope');
  }
  return { level: 'district', district: requestedDistrict ?? own[0]! };
}
