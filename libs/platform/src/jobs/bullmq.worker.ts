import { Inject, Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { In, Not } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CLOCK } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { QUEUE_NAME, QueuedJobData } from './bullmq.job-bus.js';
import { collapseKeyOf } from './job-definition.js';
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
 * outbox row done; after the last failed attempt marks it dead. A job declared
 * with `collapse` first marks the other waiting jobs of its subject done (they
 * stay done with no attempt of their own), and is skipped when such a run
 * already stood for it.
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
    const subject = collapseKeyOf(job.name, payload);
    if (subject !== null && !(await this.standFor(outboxId, job.name, subject))) return;
    await this.runner.run({ id: outboxId, job: job.name, payload }, attempt);
    await this.uow.statement((db) =>
      db.update(
        OutboxMessage,
        { id: outboxId },
        { status: 'done', attempts: attempt, completedAt: this.clock.now(), lockedUntil: null, lastError: null },
      ),
    );
  }

  /**
   * Makes this run stand for every other waiting job of its subject, or says
   * (false) that another run already stood for this one. The others are marked
   * before the handler reads the subject, so it sees every change they stood
   * for; two runs of one subject at once both run (one never skips the other),
   * which the handlers' idempotency allows. Should this run fail for good, it
   * is dead and an admin's retry of it covers the rest.
   */
  private async standFor(outboxId: number, job: string, subject: string): Promise<boolean> {
    const own = await this.uow.statement((db) =>
      db.findOne(OutboxMessage, { select: { id: true, status: true }, where: { id: outboxId } }),
    );
    if (own?.status === 'done') return false;
    await this.uow.statement((db) =>
      db
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'done', completedAt: this.clock.now(), lockedUntil: null, lastError: null })
        .where({ job, collapseKey: subject, id: Not(outboxId), status: In(['pending', 'processing', 'dispatched']) })
        .execute(),
    );
    return true;
  }

  private async onFailed(job: Job<QueuedJobData> | undefined, err: Error): Promise<void> {
    if (!job) return;
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`job ${job.id} (${job.name}) attempt ${job.attemptsMade} failed${exhausted ? ', now dead' : ''}: ${err.message}`);
    // A row another run of its subject already stood for stays done.
    await this.uow.statement((db) =>
      db.update(
        OutboxMessage,
        { id: job.data.outboxId, status: Not('done') },
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
