import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { markOutboxWritten } from '../database/unit-of-work.js';
import { collapseKeyOf } from './job-definition.js';
import type { EventDefinition, JobDefinition } from './job-definition.js';
import { JobRegistry } from './job-registry.js';
import { OutboxMessage } from './outbox-message.entity.js';

/** Writes outbox rows; always inside the caller's transaction. */
@Injectable()
export class OutboxService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: JobRegistry,
  ) {}

  /** Writes one job per subscriber of `event` that wants this payload; returns their outbox ids. */
  async publish<T extends object>(tx: EntityManager, event: EventDefinition<T>, payload: NoInfer<T>): Promise<number[]> {
    const ids: number[] = [];
    for (const job of this.registry.subscribersOf(event.event, payload)) ids.push(await this.add(tx, { name: job }, payload));
    return ids;
  }

  async add<T extends object>(
    tx: EntityManager,
    job: JobDefinition<T>,
    payload: NoInfer<T>,
    options: { delayMs?: number } = {},
  ): Promise<number> {
    const now = this.clock.now();
    const row = tx.create(OutboxMessage, {
      job: job.name,
      payload,
      collapseKey: collapseKeyOf(job.name, payload),
      status: 'pending',
      attempts: 0,
      availableAt: new Date(now.getTime() + (options.delayMs ?? 0)),
      lockedUntil: null,
      lastError: null,
      completedAt: null,
    });
    await tx.insert(OutboxMessage, row);
    markOutboxWritten(tx);
    return row.id;
  }
}
