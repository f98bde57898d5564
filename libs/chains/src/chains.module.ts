import { Module } from '@nestjs/common';
import { DemandModule } from '@smedx/demand';
import { MatchingModule } from '@smedx/matching';
import { ProjectsModule } from '@smedx/projects';
import { SearchModule } from '@smedx/search';
import { ChainCasesService } from './chain-cases.service.js';
import { ChainDashboardService } from './chain-dashboard.service.js';
import { ChainInvitationQueriesService } from './chain-invitation-queries.service.js';
import { ChainInvitationsService } from './chain-invitations.service.js';
import { ChainJointNeedsService } from './chain-joint-needs.service.js';
import { ChainsService } from './chains.service.js';

/** Chains (链式转型): chain leaders, their chains, invitations, the dashboard, joint needs and chain cases. */
@Module({
  imports: [DemandModule, ProjectsModule, SearchModule, MatchingModule],
  providers: [
    ChainsService,
    ChainInvitationsService,
    ChainInvitationQueriesService,
    ChainDashboardService,
    ChainJointNeedsService,
    ChainCasesService,
  ],
  exports: [
    ChainsService,
    ChainInvitationsService,
    ChainInvitationQueriesService,
    ChainDashboardService,
    ChainJointNeedsService,
    ChainCasesService,
  ],
})
export class ChainsModule {}
