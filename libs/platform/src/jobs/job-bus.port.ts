import type { OutboxMessage } from './outbox-message.entity.js';

/** Injection token of the {@link JobBus}. */
export const JOB_BUS = Symbol('JOB_BUS');

/**
 * Where claimed outbox rows go. `REDIS_URL` unset: the inline adapter runs the
 * handler in this process. `REDIS_URL` set: the BullMQ adapter enqueues the row
 * (jobId = outbox id) and `apps/worker` runs it.
 */
export interface JobBus {
  readonly kind: 'inline' | 'bullmq';
  /**
   * Hands one claimed row over. Resolves `'done'` when the handler ran
   * (inline) or `'dispatched'` when the queue accepted it (BullMQ); throws
   * when neither happened, and the row is tried again later.
   */
  dispatch(message: OutboxMessage): Promise<'done' | 'dispatched'>;
  /**
   * BullMQ: enqueues a whole claimed batch in one round trip (all or none);
   * resolves when the queue took them. Inline: dispatches one by one.
   */
  dispatchAll(messages: OutboxMessage[]): Promise<void>;
  /** Forgets any queued copy of a dead job before it is retried. */
  forget(messageId: number): Promise<void>;
  /**
   * Of these dispatched outbox ids, the ones whose queued job the queue no
   * longer knows (Redis restarted empty, a failover lost writes). Throws while
   * the queue is unreachable. Inline: none.
   */
  lost(messageIds: number[]): Promise<number[]>;
  /** Whether the queue is connected now (a pass skips handing over while it is not). */
  connected(): boolean;
  /** Calls `listener` each time the queue's connection becomes ready (at start and after every reconnect). */
  onReady(listener: () => void): void;
  /** Whether the bus can take work now (health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
