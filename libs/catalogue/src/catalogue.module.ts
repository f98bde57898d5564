import { Module } from '@nestjs/common';
import { DirectoryModule } from '@smedx/directory';
import { SolutionsService } from './solutions.service.js';

/** The solution catalogue (小快轻准): solutions and their life cycle. */
@Module({
  imports: [DirectoryModule],
  providers: [SolutionsService],
  exports: [SolutionsService],
})
export class CatalogueModule {}
