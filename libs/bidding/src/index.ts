export * from './dto/bid.dto.js';
export * from './entities/bid.entity.js';
export * from './entities/bid-revision.entity.js';
export * from './entities/bid-invitation.entity.js';
export * from './bid-invitations.service.js';
export * from './bid-views.js';
export * from './bidding.jobs.js';
export * from './bids.service.js';
export * from './bid-queries.service.js';
export * from './bid-award.service.js';
export * from './bidding-deadlines.service.js';
export * from './bidding.module.js';

import { BidRevision } from './entities/bid-revision.entity.js';
import { Bid } from './entities/bid.entity.js';
import { BidInvitation } from './entities/bid-invitation.entity.js';
export const BIDDING_ENTITIES = [Bid, BidRevision, BidInvitation];
