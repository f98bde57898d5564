import { Module } from '@nestjs/common';
import { IndicatorsService } from './indicators.service.js';
import { IndustryMapService } from './industry-map.service.js';

/** Programme indicators (指标体系) and the industry map (产业云图): a read model over the directory, the catalogue and the chains; no tables of its own. */
@Module({
  providers: [IndicatorsService, IndustryMapService],
  exports: [IndicatorsService, IndustryMapService],
})
export class IndicatorsModule {}
