import { Module } from '@nestjs/common';
import { DirectoryModule } from '@smedx/directory';
import { NeedQueriesService } from './need-queries.service.js';
import { NeedsService } from './needs.service.js';

/** Transformation needs (需求) and their life cycle; bidding builds on it. */
@Module({
  imports: [DirectoryModule],
  providers: [NeedsService, NeedQueriesService],
  exports: [NeedsService, NeedQueriesService],
})
export class DemandModule {}
