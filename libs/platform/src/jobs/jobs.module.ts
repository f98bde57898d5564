import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { BullmqJobBus } from './bullmq.job-bus.js';
import { BullmqJobConsumer } from './bullmq.worker.js';
import { InlineJobBus } from './inline.job-bus.js';
import { JOB_BUS, JobBus } from './job-bus.port.js';
import { JobRegistry } from './job-registry.js';
import { JobRunner } from './job-runner.js';
import { JobsAdminService } from './jobs-admin.service.js';
import { OutboxReconciler } from './outbox-reconciler.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxService } from './outbox.service.js';

/** Picks the job bus from configuration: Redis set → BullMQ, else inline. */
export function createJobBus(config: AppConfig, runner: JobRunner): JobBus {
  if (config.redis) {
    return new BullmqJobBus({
      url: config.redis.url,
      prefix: config.redis.prefix,
      attempts: config.jobs.attempts,
      backoffMs: config.jobs.backoffMs,
    });
  }
  return new InlineJobBus(runner);
}

@Global()
@Module({})
export class JobsModule {
  /**
   * The relay runs in api processes (and so in the embedded single process);
   * the BullMQ consumer is provided for `apps/worker` to start.
   */
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [
        OutboxService,
        JobRegistry,
        JobRunner,
        JobsAdminService,
        OutboxRelay,
        OutboxReconciler,
        BullmqJobConsumer,
        { provide: JOB_BUS, inject: [APP_CONFIG, JobRunner], useFactory: createJobBus },
      ],
      exports: [OutboxService, OutboxRelay, OutboxReconciler, JobsAdminService, BullmqJobConsumer, JobRegistry, JOB_BUS],
    };
  }
}
