import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CLOCK } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JOB_BUS } from './job-bus.port.js';
import type { JobBus } from './job-bus.port.js';
import { declaredSchedules } from './job-definition.js';
import { JobSchedule } from './job-schedule.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxService } from './outbox.service.js';

/** How long a claimed row is ours before another relay may take it again. */
const PROCESSING_LEASE_MS = 60_000;
/**
 * A dispatched row not finished by then is enqueued again. The last resort
 * only: {@link OutboxReconciler} asks BullMQ after every reconnect and every
 * few seconds, and re-offers at once the rows whose job it lost.
 */
const DISPATCH_LEASE_MS = 10 * 60_000;
/** Rows claimed per pass: inline runs each handler; BullMQ takes a whole batch in one round trip. */
const BATCH = 50;
const BULK_BATCH = 200;

/**
 * Moves outbox rows to the job bus: claims due rows, hands each over, and
 * records the outcome. A row is done only after its handler ran (inline) or the
 * queue took it (BullMQ); a failure leaves it for a later try, with exponential
 * backoff, and after the last attempt it is dead until an admin retries it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  /** Since when the queue has refused jobs (null while it takes them). */
  private outage: { since: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(JOB_BUS) private readonly bus: JobBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'tool') return;
    this.uow.onCommit(() => this.nudge());
    this.timer = setInterval(() => this.nudge(), this.config.jobs.pollMs);
    this.timer.unref();
    this.nudge();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.bus.close();
  }

  /** Asks for a pass soon; coalesces with one already running. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.passes().finally(() => {
      this.running = null;
    });
    this.running.catch((err: unknown) => this.logger.error(`relay pass failed: ${String(err)}`));
  }

  /**
   * Runs passes until nothing is due now; tests and the seed use it to wait
   * for every consequence of what they did.
   */
  async drain(maxPasses = 1000): Promise<void> {
    for (let i = 0; i < maxPasses; i++) {
      if (this.running) await this.running.catch(() => undefined);
      const handled = await this.pass();
      if (handled === 0 && !this.running) return;
    }
    throw new Error('outbox did not drain');
  }

  private async passes(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      let handled: number;
      do {
        handled = await this.pass();
        total += handled;
      } while (handled > 0 && !this.stopped);
    } while (this.again && !this.stopped);
    return total;
  }

  private async pass(): Promise<number> {
    await this.writeDueSchedules();
    // While the queue is away the rows wait in the outbox; ioredis reconnects and the timer comes back.
    if (!this.bus.connected()) {
      this.outageStarted('not connected');
      return 0;
    }
    const claimed = await this.claim();
    if (this.bus.kind === 'bullmq') return this.enqueueAll(claimed);
    for (const message of claimed) await this.deliver(message);
    return claimed.length;
  }

  /**
   * BullMQ: the claimed batch goes to the queue in one round trip and is
   * marked dispatched in one statement; refused, it all goes back to wait.
   */
  private async enqueueAll(claimed: OutboxMessage[]): Promise<number> {
    if (!claimed.length) return 0;
    try {
      await this.bus.dispatchAll(claimed);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.outageStarted(error);
      await this.uow.run((tx) =>
        tx
          .createQueryBuilder()
          .update(OutboxMessage)
          .set({
            status: 'pending',
            availableAt: new Date(this.clock.now().getTime() + this.config.jobs.pollMs * 4),
            lockedUntil: null,
            lastError: `enqueue failed: ${error}`.slice(0, 2000),
          })
          .whereInIds(claimed.map((m) => m.id))
          .andWhere("status = 'processing'")
          .execute(),
      );
      return 0;
    }
    const now = this.clock.now();
    // Only while still ours: a fast worker may already have marked one done.
    await this.uow.run((tx) =>
      tx
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'dispatched', lockedUntil: new Date(now.getTime() + DISPATCH_LEASE_MS), lastError: null })
        .whereInIds(claimed.map((m) => m.id))
        .andWhere("status = 'processing'")
        .execute(),
    );
    if (this.outage) await this.outageEnded();
    return claimed.length;
  }

  /** Logs once when the queue stops taking jobs, not once per job. */
  private outageStarted(reason: string): void {
    if (this.outage) return;
    this.outage = { since: this.clock.now().getTime() };
    this.logger.warn(`the job queue is unavailable (${reason}): jobs wait in the outbox and are enqueued when it is back`);
  }

  private async outageEnded(): Promise<void> {
    const since = this.outage!.since;
    this.outage = null;
    const waiting = await this.dataSource.getRepository(OutboxMessage).count({ where: { status: 'pending' } });
    const seconds = ((this.clock.now().getTime() - since) / 1000).toFixed(1);
    this.logger.log(`the job queue is back after ${seconds} s; ${waiting} job(s) still waiting in the outbox are being enqueued`);
  }

  /**
   * Writes the job of every schedule that is due. The conditional update on the
   * due time makes one process win when several relays look at once.
   */
  private async writeDueSchedules(): Promise<void> {
    const schedules = declaredSchedules();
    if (!schedules.length) return;
    const now = this.clock.now();
    const repo = this.dataSource.getRepository(JobSchedule);
    const rows = new Map((await repo.find()).map((r) => [r.job, r]));
    for (const { job, everySeconds } of schedules) {
      const row = rows.get(job);
      if (!row) {
        await this.uow.run((tx) =>
          tx
            .createQueryBuilder()
            .insert()
            .into(JobSchedule)
            .values({ job, everySeconds, nextRunAt: now, lastRunAt: null })
            .orIgnore()
            .execute(),
        );
        continue;
      }
      if (row.nextRunAt > now) continue;
      await this.uow.run(async (tx) => {
        const claimed = await tx
          .createQueryBuilder()
          .update(JobSchedule)
          .set({ nextRunAt: new Date(now.getTime() + everySeconds * 1000), lastRunAt: now, everySeconds })
          .where('job = :job AND next_run_at = :due', { job, due: row.nextRunAt })
          .execute();
        if (claimed.affected) await this.outbox.add(tx, { name: job }, { dueAt: row.nextRunAt.toISOString() });
      });
    }
  }

  private async claim(): Promise<OutboxMessage[]> {
    const now = this.clock.now();
    const inline = this.bus.kind === 'inline';
    return this.uow.run(async (tx) => {
      const ids = await this.dueIds(tx, now);
      if (ids.length === 0) return [];
      await tx
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({
          status: 'processing',
          lockedUntil: new Date(now.getTime() + PROCESSING_LEASE_MS),
          ...(inline ? { attempts: () => 'attempts + 1' } : {}),
        })
        .whereInIds(ids)
        .execute();
      return tx.getRepository(OutboxMessage).find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });
    });
  }

  private async dueIds(tx: EntityManager, now: Date): Promise<number[]> {
    const qb = tx
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where("(m.status = 'pending' AND m.availableAt <= :now)", { now })
      .orWhere("(m.status IN ('processing', 'dispatched') AND m.lockedUntil < :now)", { now })
      .orderBy('m.id', 'ASC')
      .limit(this.bus.kind === 'bullmq' ? BULK_BATCH : BATCH);
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    const rows = await qb.getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** Hands one row over; false when the bus refused it (the row was put back for later). */
  private async deliver(message: OutboxMessage): Promise<boolean> {
    try {
      const outcome = await this.bus.dispatch(message);
      const now = this.clock.now();
      // Only while still ours: a fast worker may already have marked it done.
      await this.update(
        { id: message.id, status: 'processing' },
        {
          status: outcome,
          completedAt: outcome === 'done' ? now : null,
          lockedUntil: outcome === 'dispatched' ? new Date(now.getTime() + DISPATCH_LEASE_MS) : null,
          lastError: null,
        },
      );
      return true;
    } catch (err) {
      await this.failed(message, err);
      return false;
    }
  }

  private async failed(message: OutboxMessage, err: unknown): Promise<void> {
    const error = err instanceof Error ? err.message : String(err);
    const now = this.clock.now().getTime();
    if (this.bus.kind === 'bullmq') {
      // The queue did not take it (Redis away): not an attempt, try again soon.
      this.outageStarted(error);
      await this.update(message.id, {
        status: 'pending',
        availableAt: new Date(now + this.config.jobs.pollMs * 4),
        lockedUntil: null,
        lastError: `enqueue failed: ${error}`,
      });
      return;
    }
    const dead = message.attempts >= this.config.jobs.attempts;
    this.logger.warn(`job ${message.id} (${message.job}) attempt ${message.attempts} failed${dead ? ', now dead' : ''}: ${error}`);
    await this.update(message.id, {
      status: dead ? 'dead' : 'pending',
      availableAt: new Date(now + this.config.jobs.backoffMs * 2 ** (message.attempts - 1)),
      lockedUntil: null,
      lastError: error.slice(0, 2000),
    });
  }

  private async update(
    where: number | { id: number; status: OutboxMessage['status'] },
    patch: Partial<Omit<OutboxMessage, 'payload'>>,
  ): Promise<void> {
    await this.uow.run((tx) => tx.update(OutboxMessage, typeof where === 'number' ? { id: where } : where, patch));
  }
}
