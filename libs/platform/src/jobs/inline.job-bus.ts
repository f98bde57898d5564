import type { JobBus } from './job-bus.port.js';
import type { JobRunner } from './job-runner.js';
import type { OutboxMessage } from './outbox-message.entity.js';

/** Embedded mode: the api process runs each handler itself, as the relay hands it over. */
export class InlineJobBus implements JobBus {
  readonly kind = 'inline' as const;

  constructor(private readonly runner: JobRunner) {}

  async dispatch(message: OutboxMessage): Promise<'done'> {
    await this.runner.run(message, message.attempts);
    return 'done';
  }

  async dispatchAll(messages: OutboxMessage[]): Promise<void> {
    for (const message of messages) await this.dispatch(message);
  }

  async forget(): Promise<void> {}

  async lost(): Promise<number[]> {
    return [];
  }

  connected(): boolean {
    return true;
  }

  onReady(): void {}

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
