import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobBus } from './job-bus.port.js';
import { isPromptJob, isUrgentJob } from './job-definition.js';
import type { OutboxMessage } from './outbox-message.entity.js';

export const QUEUE_NAME = 'smedx-jobs';

/**
 * BullMQ priorities (1 runs first). Every job gets one: BullMQ runs jobs
 * without a priority before all prioritised ones.
 */
export const URGENT_PRIORITY = 1;
export const PROMPT_PRIORITY = 5;
export const NORMAL_PRIORITY = 10;

/** BullMQ refuses integer-like custom ids, so the outbox id gets a prefix. */
export const queueJobId = (outboxId: number): string => `outbox-${outboxId}`;

export interface BullmqOptions {
  url: string;
  prefix: string;
  attempts: number;
  backoffMs: number;
}

/** The data a queued job carries: the outbox row it stands for. */
export interface QueuedJobData {
  outboxId: number;
  payload: object;
}

/**
 * Services mode: enqueues each outbox row on BullMQ with `jobId` = outbox id,
 * so a row dispatched twice is queued once. The producer connection fails fast
 * while Redis is away; the row then stays in the outbox and is tried again.
 */
export class BullmqJobBus implements JobBus {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  readonly queue: Queue<QueuedJobData>;

  constructor(private readonly options: BullmqOptions) {
    this.connection = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.connection.on('error', () => undefined);
    this.queue = new Queue<QueuedJobData>(QUEUE_NAME, { connection: this.connection, prefix: options.prefix });
    this.queue.on('error', () => undefined);
  }

  async dispatch(message: OutboxMessage): Promise<'dispatched'> {
    await this.queue.add(message.job, { outboxId: message.id, payload: message.payload }, this.jobOptions(message));
    return 'dispatched';
  }

  async dispatchAll(messages: OutboxMessage[]): Promise<void> {
    if (!messages.length) return;
    await this.queue.addBulk(
      messages.map((message) => ({
        name: message.job,
        data: { outboxId: message.id, payload: message.payload },
        opts: this.jobOptions(message),
      })),
    );
  }

  private jobOptions(message: OutboxMessage) {
    return {
      jobId: queueJobId(message.id),
      priority: isUrgentJob(message.job) ? URGENT_PRIORITY : isPromptJob(message.job) ? PROMPT_PRIORITY : NORMAL_PRIORITY,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: false,
    };
  }

  async forget(messageId: number): Promise<void> {
    const job = await this.queue.getJob(queueJobId(messageId));
    if (job) await job.remove();
  }

  async lost(messageIds: number[]): Promise<number[]> {
    if (!messageIds.length) return [];
    // A job is known while its hash exists (what `queue.getJob` reads), whatever its state.
    const pipeline = this.connection.pipeline();
    for (const id of messageIds) pipeline.exists(this.queue.toKey(queueJobId(id)));
    const replies = (await pipeline.exec()) ?? [];
    return messageIds.filter((id, i) => {
      const [err, exists] = replies[i] ?? [new Error('no reply'), null];
      if (err) throw err;
      return exists === 0;
    });
  }

  connected(): boolean {
    return this.connection.status === 'ready';
  }

  onReady(listener: () => void): void {
    this.connection.on('ready', listener);
    if (this.connected()) listener();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
