import type { EntityManager } from 'typeorm';
import { ConflictError } from '@smedx/platform';
import { BID_STATE_MACHINE } from '@smedx/contracts';
import type { BidAction } from '@smedx/contracts';
import { Bid } from './entities/bid.entity.js';

/**
 * Applies `action` with a conditional update on the status read, so two
 * concurrent requests cannot both pass the state check.
 */
export async function transitionBid(tx: EntityManager, bid: Bid, action: BidAction, changes: Partial<Bid>): Promise<void> {
  const status = BID_STATE_MACHINE.next(bid.status, action);
  const result = await tx.update(Bid, { id: bid.id, status: bid.status }, { ...changes, status });
  if (!result.affected) await bidChangedMeanwhile(tx, bid.id, action);
}

/** After a conditional update missed: a 409 naming the state now, or a plain conflict if the state still allows it. */
export async function bidChangedMeanwhile(tx: EntityManager, bidId: string, action: BidAction): Promise<never> {
  const current = await tx.findOneBy(Bid, { id: bidId });
  if (current) BID_STATE_MACHINE.next(current.status, action);
  throw new ConflictError('bid_changed', 'the bid changed meanwhile; reload and retry');
}
