import { Module } from '@nestjs/common';
import { ServiceFeesService } from './service-fees.service.js';

/** Service fees (diagnosis, acceptance monitoring) against their caps per enterprise. */
@Module({
  providers: [ServiceFeesService],
  exports: [ServiceFeesService],
})
export class FeesModule {}
