import type { PlatformRole, Principal } from '@smedx/platform';
import { isProviderOverseer, mayManagePilot, maySeeEnterpriseDetails } from './directory.policy.js';

const ENTERPRISE = { id: 'e-1', district: 'tiexi' };

function principal(roles: { role: PlatformRole; district?: string }[] = [], memberOf: string[] = []): Principal {
  return {
    userId: 'u-1',
    email: 'u@test.cn',
    displayName: 'u',
    roles,
    memberships: memberOf.map((organisationId) => ({ organisationId, kind: 'enterprise' as const, role: 'member' as const })),
  };
}

describe('directory policy', () => {
  it.each([
    ['a member', principal([], ['e-1']), true, false],
    ['a member of another enterprise', principal([], ['e-2']), false, false],
    ['a city officer', principal([{ role: 'city_officer' }]), true, true],
    ['the district officer', principal([{ role: 'district_officer', district: 'tiexi' }]), true, true],
    ["another district's officer", principal([{ role: 'district_officer', district: 'hunnan' }]), false, false],
    ['an assessor', principal([{ role: 'assessor' }]), true, false],
    ['an admin', principal([{ role: 'admin' }]), true, false],
    ['an organiser', principal([{ role: 'organizer' }]), false, false],
  ])('%s: sees details %s, manages the pilot pool %s', (_who, p, details, pilot) => {
    expect(maySeeEnterpriseDetails(p, ENTERPRISE)).toBe(details);
    expect(mayManagePilot(p, ENTERPRISE)).toBe(pilot);
  });

  it('lets officers and admins oversee providers in every state', () => {
    expect(isProviderOverseer(principal([{ role: 'district_officer', district: 'faku' }]))).toBe(true);
    expect(isProviderOverseer(principal([{ role: 'admin' }]))).toBe(true);
    expect(isProviderOverseer(principal([{ role: 'assessor' }]))).toBe(false);
    expect(isProviderOverseer(principal())).toBe(false);
  });
});
