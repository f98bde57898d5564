import { Module } from '@nestjs/common';
import { IndicatorsService } from './indicators.service.js';

/** Programme indicators (指标体系): a read model over the directory, the catalogue and the chains; no tables of its own. */
@Module({
  providers: [IndicatorsService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
