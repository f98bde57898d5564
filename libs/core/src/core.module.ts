import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@smedx/platform';
import type { AppConfig, Clock } from '@smedx/platform';
import { AuditModule } from '@smedx/audit';
import { AwardsModule } from '@smedx/awards';
import { BiddingModule } from '@smedx/bidding';
import { CatalogueModule } from '@smedx/catalogue';
import { ChainsModule } from '@smedx/chains';
import { DemandModule } from '@smedx/demand';
import { DiagnosisModule } from '@smedx/diagnosis';
import { DirectoryModule } from '@smedx/directory';
import { DocumentsModule } from '@smedx/documents';
import { EventsModule } from '@smedx/events';
import { FeesModule } from '@smedx/fees';
import { ExchangeModule } from '@smedx/exchange';
import { IdentityModule } from '@smedx/identity';
import { IndicatorsModule } from '@smedx/indicators';
import { MatchingModule } from '@smedx/matching';
import { NotificationsModule } from '@smedx/notifications';
import { ProjectsModule } from '@smedx/projects';
import { RatingsModule } from '@smedx/ratings';
import { SearchModule } from '@smedx/search';
import { SubsidyModule } from '@smedx/subsidy';
import { DemoModule } from '@smedx/demo';
import { ENTITIES } from './entities.js';

export interface CoreOptions {
  config?: AppConfig;
  clock?: Clock;
}

/** The bounded contexts, in dependency order: imported, and exported to the api and the worker. */
const CONTEXTS = [
  AuditModule,
  IdentityModule,
  NotificationsModule,
  DocumentsModule,
  DirectoryModule,
  CatalogueModule,
  DemandModule,
  BiddingModule,
  ProjectsModule,
  RatingsModule,
  SubsidyModule,
  EventsModule,
  ChainsModule,
  AwardsModule,
  FeesModule,
  IndicatorsModule,
  ExchangeModule,
  DiagnosisModule,
  SearchModule,
  MatchingModule,
  DemoModule,
];

/**
 * Every bounded context and the platform beneath them: the one list of
 * services that both the api and the worker run (the worker minus HTTP).
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [PlatformModule.forRoot({ ...options, entities: ENTITIES }), ...CONTEXTS],
      exports: [...CONTEXTS],
    };
  }
}
