import { ConflictError, hasRole } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import type { Need } from '@smedx/demand';

/** City officers and admins, and the officer of the need's district: they oversee its bidding. */
export function isNeedOverseer(actor: Principal, need: Pick<Need, 'district'>): boolean {
  return hasRole(actor, 'city_officer', 'admin') || actor.roles.some((g) => g.role === 'district_officer' && g.district === need.district);
}

/** 409 `bidding_closed` once the clock has reached the need's deadline, whether or not the deadline job has run. */
export function assertBiddingOpen(need: Pick<Need, 'bidDeadline'>, now: Date): void {
  if (now.getTime() >= need.bidDeadline.getTime()) {
    throw new ConflictError('bidding_closed', `bidding on this need closed at its deadline ${need.bidDeadline.toISOString()}`, {
      state: 'bidding_closed',
      bidDeadline: need.bidDeadline.toISOString(),
    });
  }
}
