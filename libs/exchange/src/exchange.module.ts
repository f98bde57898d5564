import { Module } from '@nestjs/common';
import { IndicatorsModule } from '@smedx/indicators';
import { ExchangeService } from './exchange.service.js';

/** The national-platform export (数据交换): a read model over projects, cases and indicators; no tables of its own. */
@Module({
  imports: [IndicatorsModule],
  providers: [ExchangeService],
  exports: [ExchangeService],
})
export class ExchangeModule {}
