import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { BullmqJobConsumer, ConfigError, loadConfig } from '@smedx/platform';
import { WorkerModule } from './worker.module.js';

process.env.TZ = 'UTC';

/**
 * Services mode: consumes the BullMQ queue. Any number of replicas may run;
 * each also relays outbox rows, claiming them with SKIP LOCKED.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, SMEDX_ROLE: 'worker' });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (!config.redis) {
    console.error('Invalid configuration:\n  - REDIS_URL: required for the worker (without it the api runs jobs itself)');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(BullmqJobConsumer).start({ concurrency: config.jobs.workerConcurrency });
}

void main();
