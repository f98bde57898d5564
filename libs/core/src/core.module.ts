import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@smedx/platform';
import type { AppConfig, Clock } from '@smedx/platform';
import { AuditModule } from '@smedx/audit';
import { IdentityModule } from '@smedx/identity';
import { ENTITIES } from './entities.js';

export interface CoreOptions {
  config?: AppConfig;
  clock?: Clock;
}

/**
 * Every bounded context and the platform beneath them: the one list of
 * services that both the api and the worker run (the worker minus HTTP).
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [PlatformModule.forRoot({ ...options, entities: ENTITIES }), AuditModule, IdentityModule],
      exports: [AuditModule, IdentityModule],
    };
  }
}
