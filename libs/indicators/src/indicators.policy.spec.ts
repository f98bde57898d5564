import { ForbiddenError } from '@smedx/platform';
import type { Principal, RoleGrant } from '@smedx/platform';
import { indicatorScope } from './indicators.policy.js';

const principal = (...roles: RoleGrant[]): Principal => ({ userId: 'u', email: 'u@test', displayName: 'u', roles, memberships: [] });

function refusal(run: () => unknown): ForbiddenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return error as ForbiddenError;
  }
  throw new Error('expected a ForbiddenError');
}

describe('indicatorScope', () => {
  it('gives city officers and admins the city, or the district they ask for', () => {
    for (const role of ['city_officer', 'admin'] as const) {
      expect(indicatorScope(principal({ role }))).toEqual({ level: 'city', district: null });
      expect(indicatorScope(principal({ role }), 'hunnan')).toEqual({ level: 'city', district: 'hunnan' });
    }
  });

  it('gives a district officer their own district, by default and when asked', () => {
    const officer = principal({ role: 'district_officer', district: 'tiexi' });
    expect(indicatorScope(officer)).toEqual({ level: 'district', district: 'tiexi' });
    expect(indicatorScope(officer, 'tiexi')).toEqual({ level: 'district', district: 'tiexi' });
  });

  it('refuses a district officer another district', () => {
    expect(refusal(() => indicatorScope(principal({ role: 'district_officer', district: 'tiexi' }), 'hunnan')).code).toBe(
      'district_out_of_scope',
    );
  });

  it('lets an officer of several districts choose among them (the first by default)', () => {
    const officer = principal({ role: 'district_officer', district: 'tiexi' }, { role: 'district_officer', district: 'hunnan' });
    expect(indicatorScope(officer).district).toBe('tiexi');
    expect(indicatorScope(officer, 'hunnan').district).toBe('hunnan');
  });

  it('prefers the city scope of a city officer who is also a district officer', () => {
    const both = principal({ role: 'district_officer', district: 'tiexi' }, { role: 'city_officer' });
    expect(indicatorScope(both, 'hunnan')).toEqual({ level: 'city', district: 'hunnan' });
  });

  it('refuses everyone else', () => {
    for (const role of ['assessor', 'organizer'] as const)
      expect(refusal(() => indicatorScope(principal({ role }))).code).toBe('role_required');
    expect(refusal(() => indicatorScope(principal())).code).toBe('role_required');
  });
});
