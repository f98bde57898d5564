import { Inject, Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CLOCK } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { QUEUE_NAME, QueuedJobData } from './bullmq.job-bus.js';
import { JobRunner } from './job-runner.js';
import { OutboxMessage } from './outbox-message.entity.js';

export interface WorkerTuning {
  concurrency?: number;
  /** Lock time of a running job; a job whose worker died runs again after it. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * Consumes the BullMQ queue in `apps/worker`: runs the handler, then marks the
 * outbox row done; after the last failed attempt marks it dead.
 */
@Injectable()
export class BullmqJobConsumer implements BeforeApplicationShutdown {
  private readonly logger = new Logger('BullmqJobConsumer');
  private worker: Worker<QueuedJobData> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly runner: JobRunner,
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(tuning: WorkerTuning = {}): Worker<QueuedJobData> {
    if (!this.config.redis) throw new Error('REDIS_URL is required to run the worker');
    this.connection = new Redis(this.config.redis.url, { maxRetriesPerRequest: null });
    this.connection.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
    this.worker = new Worker<QueuedJobData>(QUEUE_NAME, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency: tuning.concurrency ?? 4,
      lockDuration: tuning.lockDurationMs ?? 30_000,
      stalledInterval: tuning.stalledIntervalMs ?? 30_000,
      maxStalledCount: 5,
    });
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    this.logger.log(`consuming ${QUEUE_NAME} with prefix ${this.config.redis.prefix}`);
    return this.worker;
  }

  private async process(job: Job<QueuedJobData>): Promise<void> {
    const { outboxId, payload } = job.data;
    const attempt = job.attemptsMade + 1;
    await this.runner.run({ id: outboxId, job: job.name, payload }, attempt);
    await this.uow.statement((db) =>
      db.update(
        OutboxMessage,
        { id: outboxId },
        { status: 'done', attempts: attempt, completedAt: this.clock.now(), lockedUntil: null, lastError: null },
      ),
    );
  }

  private async onFailed(job: Job<QueuedJobData> | undefined, err: Error): Promise<void> {
    if (!job) return;
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`job ${job.id} (${job.name}) attempt ${job.attemptsMade} failed${exhausted ? ', now dead' : ''}: ${err.message}`);
    await this.uow.statement((db) =>
      db.update(
        OutboxMessage,
        { id: job.data.outboxId },
        exhausted
          ? { status: 'dead', attempts: job.attemptsMade, lastError: err.message.slice(0, 2000), lockedUntil: null }
          : { attempts: job.attemptsMade, lastError: err.message.slice(0, 2000) },
      ),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
