import { Module } from '@nestjs/common';
import { ProjectsModule } from '@smedx/projects';
import { BlacklistService } from './blacklist.service.js';
import { SubsidyApplicationQueriesService } from './subsidy-application-queries.service.js';
import { SubsidyApplicationSteps } from './subsidy-application-steps.js';
import { SubsidyApplicationsService } from './subsidy-applications.service.js';
import { SubsidyChangeRequestsService } from './subsidy-change-requests.service.js';
import { SubsidyDocumentOwner } from './subsidy-documents.js';

/** The programme subsidy (专项资金): applications, their review, payment and revocation, and the blacklist. */
@Module({
  imports: [ProjectsModule],
  providers: [
    SubsidyApplicationsService,
    SubsidyApplicationQueriesService,
    SubsidyChangeRequestsService,
    SubsidyApplicationSteps,
    BlacklistService,
    SubsidyDocumentOwner,
  ],
  exports: [SubsidyApplicationsService, SubsidyApplicationQueriesService, SubsidyChangeRequestsService, BlacklistService],
})
export class SubsidyModule {}
