import { Module } from '@nestjs/common';
import { CatalogueModule } from '@smedx/catalogue';
import { ChainsModule } from '@smedx/chains';
import { NominationDocumentOwner } from './nomination-documents.js';
import { NominationReviewService } from './nomination-review.service.js';
import { NominationStore } from './nomination-store.js';
import { NominationsService } from './nominations.service.js';

/** Nominations and awards (SPEC capability 17): 示范标杆, 数字化车间/智能工厂, chain cases and excellent products. */
@Module({
  imports: [CatalogueModule, ChainsModule],
  providers: [NominationStore, NominationsService, NominationReviewService, NominationDocumentOwner],
  exports: [NominationsService, NominationReviewService],
})
export class AwardsModule {}
