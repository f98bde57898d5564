import { Module } from '@nestjs/common';
import { ProjectsModule } from '@smedx/projects';
import { RatingsService } from './ratings.service.js';

/** Ratings and reviews of transformation projects, with replies and appeals; they feed the provider's record. */
@Module({
  imports: [ProjectsModule],
  providers: [RatingsService],
  exports: [RatingsService],
})
export class RatingsModule {}
