import { Module } from '@nestjs/common';
import { CatalogueModule } from '@smedx/catalogue';
import { DemandModule } from '@smedx/demand';
import { DirectoryModule } from '@smedx/directory';
import { ProjectsModule } from '@smedx/projects';
import { SubsidyModule } from '@smedx/subsidy';
import { BidAwardService } from './bid-award.service.js';
import { BidInvitationsService } from './bid-invitations.service.js';
import { BidQueriesService } from './bid-queries.service.js';
import { BidViews } from './bid-views.js';
import { BiddingDeadlines } from './bidding-deadlines.service.js';
import { BiddingService } from './bids.service.js';

/** Sealed bidding on needs (投标): bids, their revisions, deadlines and the award that starts a project. */
@Module({
  imports: [DirectoryModule, CatalogueModule, DemandModule, ProjectsModule, SubsidyModule],
  providers: [BiddingService, BidQueriesService, BidAwardService, BidViews, BiddingDeadlines, BidInvitationsService],
  exports: [BiddingService, BidQueriesService, BidAwardService, BidInvitationsService],
})
export class BiddingModule {}
