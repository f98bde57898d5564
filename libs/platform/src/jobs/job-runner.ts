import { Injectable } from '@nestjs/common';
import { JobRegistry } from './job-registry.js';
import type { OutboxMessage } from './outbox-message.entity.js';

/** Runs the one handler of a message; shared by the inline bus and the worker. */
@Injectable()
export class JobRunner {
  constructor(private readonly registry: JobRegistry) {}

  async run(message: Pick<OutboxMessage, 'id' | 'job' | 'payload'>, attempt: number): Promise<void> {
    await this.registry.get(message.job)(message.payload, { jobId: message.id, attempt });
  }
}
