/** A named background job with a typed payload; declare each once with {@link defineJob}. */
export interface JobDefinition<TPayload extends object> {
  readonly name: string;
  /** Type carrier only; never set. */
  readonly payloadType?: TPayload;
}

export type JobPayload<J> = J extends JobDefinition<infer T> ? T : never;

export interface JobOptions<TPayload extends object = object> {
  /**
   * A person waits for what this job does (a notification): on BullMQ it runs
   * before every queued job that is not urgent, so a backlog of re-matching
   * never delays it. Inline, jobs run in outbox order.
   */
  urgent?: boolean;
  /**
   * A person waits for what this job leads to (a re-match, whose strong pairs
   * are notified): on BullMQ it runs after urgent jobs but before every other
   * queued job, so index, audit and schedule jobs never hold it back.
   */
  prompt?: boolean;
  /**
   * The subject the job brings up to date (a need's id). Only for a handler
   * that reads its subject's current state and nothing else from the payload:
   * on BullMQ, a run first marks every other waiting job of the same subject
   * done, standing for them all (ten edits of a need while the worker is busy:
   * one re-match). Never for effects that must happen once per job
   * (notifications, audit entries).
   */
  collapse?: (payload: TPayload) => string;
}

const declared = new Set<string>();
const urgent = new Set<string>();
const prompt = new Set<string>();
const collapsers = new Map<string, (payload: object) => string>();

/**
 * Declares a job. Start-up compares the declared jobs with the discovered
 * handlers and refuses to run if one has no handler or two.
 */
export function defineJob<TPayload extends object>(name: string, options: JobOptions<TPayload> = {}): JobDefinition<TPayload> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) {
    throw new Error(`job name "${name}" must look like "context.job-name"`);
  }
  if (declared.has(name)) throw new Error(`job "${name}" is declared twice`);
  declared.add(name);
  if (options.urgent) urgent.add(name);
  if (options.prompt) prompt.add(name);
  if (options.collapse) collapsers.set(name, options.collapse as (payload: object) => string);
  return { name };
}

/** The subject key of a job declared with {@link JobOptions.collapse}; null for any other job. */
export function collapseKeyOf(name: string, payload: object): string | null {
  return collapsers.get(name)?.(payload) ?? null;
}

/** Whether the job was declared urgent ({@link JobOptions.urgent}). */
export function isUrgentJob(name: string): boolean {
  return urgent.has(name);
}

/** Whether the job was declared prompt ({@link JobOptions.prompt}). */
export function isPromptJob(name: string): boolean {
  return prompt.has(name);
}

export function declaredJobNames(): string[] {
  return [...declared].sort();
}

/**
 * Something that happened, which any number of contexts react to. Each
 * reaction is a job of its own (declared with `@OnEvent(Event, 'job.name')`),
 * so {@link OutboxService.publish} writes one outbox row per subscriber, in the
 * same transaction, and each is retried and dead-lettered on its own.
 */
export interface EventDefinition<TPayload extends object> {
  readonly event: string;
  /** Type carrier only; never set. */
  readonly payloadType?: TPayload;
}

export type EventPayload<E> = E extends EventDefinition<infer T> ? T : never;

const declaredEvents = new Set<string>();

export function defineEvent<TPayload extends object>(name: string): EventDefinition<TPayload> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) {
    throw new Error(`event name "${name}" must look like "context.something-happened"`);
  }
  if (declaredEvents.has(name)) throw new Error(`event "${name}" is declared twice`);
  declaredEvents.add(name);
  return { event: name };
}

export function declaredEventNames(): string[] {
  return [...declaredEvents].sort();
}

/** What a handler learns about the run besides its payload. */
export interface JobContext {
  /** The outbox row id: stable across retries, the idempotency key. */
  jobId: number;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler<T = object> = (payload: T, context: JobContext) => Promise<void>;

/** What a scheduled job receives: the instant it was due (its idempotency key with the job name). */
export interface ScheduledRun {
  dueAt: string;
}

const schedules = new Map<string, number>();

/**
 * Declares a job that runs every `everySeconds` (through the outbox, like any
 * job): the relay writes it when due, once across all processes. Its handler
 * is declared with `@OnJob` as usual.
 */
export function defineScheduledJob(name: string, everySeconds: number): JobDefinition<ScheduledRun> {
  if (!Number.isInteger(everySeconds) || everySeconds < 1) throw new Error(`schedule of "${name}" must be a whole number of seconds`);
  const job = defineJob<ScheduledRun>(name);
  schedules.set(name, everySeconds);
  return job;
}

export function declaredSchedules(): { job: string; everySeconds: number }[] {
  return [...schedules].map(([job, everySeconds]) => ({ job, everySeconds })).sort((a, b) => a.job.localeCompare(b.job));
}
