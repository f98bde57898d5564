import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { CoreModule } from '@smedx/core';

/** The worker: the same core as the api, minus HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }), CoreModule.forRoot({ config })],
    };
  }
}
