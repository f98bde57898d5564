import { SetMetadata } from '@nestjs/common';
import type { JobDefinition } from './job-definition.js';

export const ON_JOB = 'smedx:on-job';

/** Marks a provider method as the one handler of a job. Handlers must be idempotent. */
export function OnJob(job: JobDefinition<object>): MethodDecorator {
  return SetMetadata(ON_JOB, job.name);
}
