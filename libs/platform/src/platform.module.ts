import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { CLOCK, Clock, SystemClock } from './clock/clock.js';
import { APP_CONFIG, ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { loadConfig } from './config/load-config.js';
import { DatabaseModule } from './database/database.module.js';
import type { EntityList } from './database/data-source-options.js';
import { JobsModule } from './jobs/jobs.module.js';
import { createFileStore } from './files/create-file-store.js';
import { FILE_STORE } from './files/file-store.port.js';

export interface PlatformOptions {
  config?: AppConfig;
  clock?: Clock;
  entities: EntityList;
}

/** Configuration, clock, database, outbox and job bus, JWT, the file store: what every context stands on. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const config = options.config ?? loadConfig();
    const entities = options.entities;
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(entities),
        JobsModule.forRoot(),
        JwtModule.registerAsync({
          global: true,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => ({ secret: c.auth.jwtSecret, signOptions: { expiresIn: c.auth.expiresInSeconds } }),
        }),
      ],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? new SystemClock() },
        { provide: FILE_STORE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createFileStore(c) },
      ],
      exports: [CLOCK, FILE_STORE, ConfigModule, DatabaseModule, JobsModule],
    };
  }
}
