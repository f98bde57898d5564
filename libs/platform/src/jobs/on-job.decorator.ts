import { SetMetadata } from '@nestjs/common';
import { defineJob } from './job-definition.js';
import type { EventDefinition, JobDefinition } from './job-definition.js';

export const ON_JOB = 'smedx:on-job';

/** Marks a provider method as the one handler of a job. Handlers must be idempotent. */
export function OnJob(job: JobDefinition<object>): MethodDecorator {
  return SetMetadata(ON_JOB, job.name);
}

export const ON_EVENT = 'smedx:on-event';

export interface EventSubscription {
  event: string;
  job: string;
}

/**
 * Marks a provider method as a reaction to an event; `job` names the job that
 * runs it (one outbox row per published event and subscriber). Idempotent, like
 * every handler.
 */
export function OnEvent(event: EventDefinition<object>, job: string): MethodDecorator {
  defineJob(job);
  return SetMetadata(ON_EVENT, { event: event.event, job } satisfies EventSubscription);
}
