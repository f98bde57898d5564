/** A named background job with a typed payload; declare each once with {@link defineJob}. */
export interface JobDefinition<TPayload extends object> {
  readonly name: string;
  /** Type carrier only; never set. */
  readonly payloadType?: TPayload;
}

export type JobPayload<J> = J extends JobDefinition<infer T> ? T : never;

const declared = new Set<string>();

/**
 * Declares a job. Start-up compares the declared jobs with the discovered
 * handlers and refuses to run if one has no handler or two.
 */
export function defineJob<TPayload extends object>(name: string): JobDefinition<TPayload> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) {
    throw new Error(`job name "${name}" must look like "context.job-name"`);
  }
  if (declared.has(name)) throw new Error(`job "${name}" is declared twice`);
  declared.add(name);
  return { name };
}

export function declaredJobNames(): string[] {
  return [...declared].sort();
}

/** What a handler learns about the run besides its payload. */
export interface JobContext {
  /** The outbox row id: stable across retries, the idempotency key. */
  jobId: number;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler<T = object> = (payload: T, context: JobContext) => Promise<void>;
