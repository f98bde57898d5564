import { Module } from '@nestjs/common';
import { CatalogueModule } from '@smedx/catalogue';
import { DemandModule } from '@smedx/demand';
import { DirectoryModule } from '@smedx/directory';
import { SearchModule } from '@smedx/search';
import { RematchEnterpriseJob } from './jobs/rematch-enterprise.job.js';
import { RematchNeedJob } from './jobs/rematch-need.job.js';
import { RematchProviderJob } from './jobs/rematch-provider.job.js';
import { RematchSolutionJob } from './jobs/rematch-solution.job.js';
import { MatchingService } from './matching.service.js';

/** Matching (SPEC capability 8): scores, explanations, re-matching jobs and strong-match notifications. */
@Module({
  imports: [DirectoryModule, CatalogueModule, DemandModule, SearchModule],
  providers: [MatchingService, RematchNeedJob, RematchSolutionJob, RematchProviderJob, RematchEnterpriseJob],
  exports: [MatchingService],
})
export class MatchingModule {}
