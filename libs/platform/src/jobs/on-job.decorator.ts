import { SetMetadata } from '@nestjs/common';
import { defineJob } from './job-definition.js';
import type { EventDefinition, JobDefinition, JobHandler, JobOptions } from './job-definition.js';

export const ON_JOB = 'smedx:on-job';

/**
 * A method decorator that accepts only a method able to handle payload `P`:
 * its first parameter must accept `P` (it may read less of it), its second, if
 * any, the run's {@link JobContext}. A handler written for another payload
 * does not compile.
 */
export type HandlerDecorator<P extends object> = <M extends JobHandler<P>>(
  target: object,
  method: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;

function handlerDecorator<P extends object>(key: string, value: unknown): HandlerDecorator<P> {
  const mark = SetMetadata(key, value);
  return (target, method, descriptor) => {
    mark(target, method, descriptor);
  };
}

/** Marks a provider method as the one handler of a job. Handlers must be idempotent. */
export function OnJob<P extends object>(job: JobDefinition<P>): HandlerDecorator<P> {
  return handlerDecorator<P>(ON_JOB, job.name);
}

export const ON_EVENT = 'smedx:on-event';

export interface EventSubscription {
  event: string;
  job: string;
  when?: (payload: object) => boolean;
}

export interface SubscriptionOptions<P extends object> extends JobOptions<P> {
  /**
   * Only events whose payload passes get a job: a reaction that would do
   * nothing for the others is not written to the outbox at all. The handler
   * must still be right for any payload (a row written before the filter, an
   * admin's retry).
   */
  when?: (payload: P) => boolean;
}

/**
 * Marks a provider method as a reaction to an event; `job` names the job that
 * runs it (one outbox row per published event and subscriber). The method
 * takes the event's payload type (see {@link HandlerDecorator}). Idempotent,
 * like every handler.
 */
export function OnEvent<P extends object>(
  event: EventDefinition<P>,
  job: string,
  options: SubscriptionOptions<P> = {},
): HandlerDecorator<P> {
  const { when: filter, ...jobOptions } = options;
  defineJob<P>(job, jobOptions);
  const when = filter as EventSubscription['when'];
  return handlerDecorator<P>(ON_EVENT, { event: event.event, job, ...(when ? { when } : {}) } satisfies EventSubscription);
}
