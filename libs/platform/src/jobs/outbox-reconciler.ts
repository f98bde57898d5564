import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CLOCK } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { UnitOfWork, markOutboxWritten } from '../database/unit-of-work.js';
import { JOB_BUS } from './job-bus.port.js';
import type { JobBus } from './job-bus.port.js';
import { OutboxMessage } from './outbox-message.entity.js';

/** Dispatched rows checked against the queue per round trip. */
const BATCH = 500;

/**
 * Services mode: finds the outbox rows handed to BullMQ whose job BullMQ no
 * longer knows — Redis restarted without its data, a failover lost the last
 * writes — and puts them back to `pending`, so the relay enqueues them again at
 * once instead of after the ten-minute dispatch lease. BullMQ's own state
 * decides (the job's hash, which `queue.getJob` reads), after every reconnect
 * and every `OUTBOX_RECONCILE_MS`.
 *
 * A job re-offered this way may already have run (its worker was mid-job when
 * Redis died): handlers are idempotent by outbox id, so its effect happens once.
 */
@Injectable()
export class OutboxReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxReconciler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(JOB_BUS) private readonly bus: JobBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'tool' || this.bus.kind !== 'bullmq') return;
    this.bus.onReady(() => this.request());
    this.timer = setInterval(() => this.request(), this.config.jobs.reconcileMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a check soon; coalesces with one already running. */
  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        if (this.bus.connected()) total += await this.reconcile();
      } while (this.again && !this.stopped);
      return total;
    })().finally(() => {
      this.running = null;
    });
    // Redis going away mid-check is the outage the next reconnect handles.
    this.running.catch((err: unknown) => this.logger.debug(`check of dispatched jobs interrupted: ${String(err)}`));
  }

  /** One pass over every dispatched row; returns how many were put back. */
  async reconcile(): Promise<number> {
    const repo = this.dataSource.getRepository(OutboxMessage);
    let after = 0;
    let requeued = 0;
    for (;;) {
      const rows = await repo.find({
        select: { id: true },
        where: { status: 'dispatched', id: MoreThan(after) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (!rows.length) break;
      const ids = rows.map((r) => r.id);
      const lost = await this.bus.lost(ids);
      if (lost.length) requeued += await this.requeue(lost);
      after = ids[ids.length - 1];
      if (rows.length < BATCH) break;
    }
    if (requeued) {
      this.logger.warn(`${requeued} dispatched job(s) were no longer known to the queue (Redis lost them); enqueued again`);
    }
    return requeued;
  }

  private async requeue(ids: number[]): Promise<number> {
    return this.uow.run(async (tx) => {
      // Only rows still dispatched: one a worker finished meanwhile stays done.
      const result = await tx
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'pending', availableAt: this.clock.now(), lockedUntil: null, lastError: 'lost by the queue; enqueued again' })
        .whereInIds(ids)
        .andWhere("status = 'dispatched'")
        .execute();
      markOutboxWritten(tx);
      return result.affected ?? ids.length;
    });
  }
}
