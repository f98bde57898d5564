import { z } from 'zod';
import { count, instant, pageOf } from '../wire.js';
import { SmsMessageViewSchema, UserViewSchema } from './identity.js';
import { json } from './route.js';

/** The states of a background job (an outbox message). */
export const JOB_STATUSES = ['pending', 'processing', 'dispatched', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A background job (an outbox message) as the admin sees it. */
export const JobViewSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The job's name, e.g. `audit.record`. */
  job: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(JOB_STATUSES),
  attempts: count,
  /** When it may run (next): its due time, or the retry after a failure. */
  availableAt: instant,
  /** While a worker holds it: until when. */
  lockedUntil: instant.nullable(),
  lastError: z.string().nullable(),
  createdAt: instant,
  completedAt: instant.nullable(),
});
export type JobView = z.output<typeof JobViewSchema>;

/** One page of jobs in one state, with the number of jobs in each state (states without any left out). */
export const JobPageViewSchema = pageOf(JobViewSchema).extend({
  counts: z.partialRecord(z.enum(JOB_STATUSES), count),
});
export type JobPageView = z.output<typeof JobPageViewSchema>;

export const adminRoutes = {
  'GET /admin/users': json(pageOf(UserViewSchema)),
  'POST /admin/users/:id/roles': json(UserViewSchema),
  'DELETE /admin/users/:id/roles/:role': json(UserViewSchema),
  'GET /admin/jobs': json(JobPageViewSchema),
  'POST /admin/jobs/:id/retry': json(JobViewSchema),
  /** Text messages kept without an SMS provider (sign-in codes in embedded mode), newest first. */
  'GET /admin/sms-messages': json(pageOf(SmsMessageViewSchema)),
} as const;
