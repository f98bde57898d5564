import { Module } from '@nestjs/common';
import { CatalogueModule } from '@smedx/catalogue';
import { DemandModule } from '@smedx/demand';
import { DirectoryModule } from '@smedx/directory';
import { ProjectsModule } from '@smedx/projects';
import { SubsidyModule } from '@smedx/subsidy';
import { BidInvitationsService } from './bid-invitations.service.js';
import { BidViews } from './bid-views.js';
import { BiddingDeadlines } from './bidding-deadlines.service.js';
import { BiddingService } from './bids.service.js';

/** Sealed bidding on needs (投标): bids, their revisions, deadlines and the award that starts a project. */
@Module({
  imports: [DirectoryModule, CatalogueModule, DemandModule, ProjectsModule, SubsidyModule],
  providers: [BiddingService, BidViews, BiddingDeadlines, BidInvitationsService],
  exports: [BiddingService, BidInvitationsService],
})
export class BiddingModule {}
