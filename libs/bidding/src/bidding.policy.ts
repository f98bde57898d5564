import { ConflictError, ForbiddenError, InvalidInputError, hasRole, isMember } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import type { Need } from '@smedx/demand';
import type { BidAudience } from './bid-views.js';
import type { Bid } from './entities/bid.entity.js';

/** How the caller stands to a need's bids. */
export type BidParty = { kind: 'buyer' } | { kind: 'officer' } | { kind: 'bidder'; providerIds: string[] } | { kind: 'none' };

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

/** The providers the caller is a member of. */
function providersOf(actor: Principal): string[] {
  return actor.memberships.filter((m) => m.kind === 'provider').map((m) => m.organisationId);
}

/** The providers whose bids or invitations the caller reads: the one named (403 unless they are its member), else all of theirs. */
export function readableProviders(actor: Principal, providerId: string | undefined, what: 'bids' | 'invitations'): string[] {
  const providers = providersOf(actor);
  if (providerId && !providers.includes(providerId)) {
    throw new ForbiddenError(`only members of the provider read its ${what}`, 'not_provider_member');
  }
  return providerId ? [providerId] : providers;
}

export function bidPartyOf(actor: Principal, need: Pick<Need, 'enterpriseId' | 'district'>): BidParty {
  if (isMember(actor, need.enterpriseId)) return { kind: 'buyer' };
  if (isNeedOverseer(actor, need)) {
    return { kind: 'officer' };
  }
  const providerIds = providersOf(actor);
  return providerIds.length ? { kind: 'bidder', providerIds } : { kind: 'none' };
}

/** The need's enterprise and officers see the subsidy estimate (it rests on the enterprise's private flags); bidders do not. */
export function bidAudienceOf(actor: Principal, need: Pick<Need, 'enterpriseId' | 'district'>): BidAudience {
  const kind = bidPartyOf(actor, need).kind;
  return kind === 'buyer' || kind === 'officer' ? 'need_side' : 'bidder';
}

export function maySeeBid(actor: Principal, need: Pick<Need, 'enterpriseId' | 'district'>, bid: Pick<Bid, 'providerId'>): boolean {
  const party = bidPartyOf(actor, need);
  return party.kind === 'buyer' || party.kind === 'officer' || (party.kind === 'bidder' && party.providerIds.includes(bid.providerId));
}

/** The provider the caller bids for: the one named, or their only one. */
export function biddingProvider(actor: Principal, providerId: string | undefined): string {
  const mine = providersOf(actor);
  if (providerId) {
    if (!mine.includes(providerId)) throw new ForbiddenError('only members of the provider may bid for it', 'not_provider_member');
    return providerId;
  }
  if (mine.length === 0) throw new ForbiddenError('only members of a provider may bid', 'not_provider_member');
  if (mine.length > 1) {
    throw new InvalidInputError([
      { field: 'providerId', reason: `is required: you belong to ${mine.length} providers (${mine.join(', ')})` },
    ]);
  }
  return mine[0]!;
}
