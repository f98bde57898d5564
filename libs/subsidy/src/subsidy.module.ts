import { Module } from '@nestjs/common';
import { ProjectsModule } from '@smedx/projects';
import { BlacklistService } from './blacklist.service.js';
import { SubsidyApplicationsService } from './subsidy-applications.service.js';
import { SubsidyDocumentOwner } from './subsidy-documents.js';

/** The programme subsidy (专项资金): applications, their review, payment and revocation, and the blacklist. */
@Module({
  imports: [ProjectsModule],
  providers: [SubsidyApplicationsService, BlacklistService, SubsidyDocumentOwner],
  exports: [SubsidyApplicationsService, BlacklistService],
})
export class SubsidyModule {}
