import { z } from 'zod';
import { EVIDENCE_KINDS } from '../entities/acceptance.entity.js';
import { PROJECT_LOG_KINDS } from '../entities/project-log.entity.js';
import { isCalendarDate } from '../calendar.js';
import { MILESTONE_STATUSES, PROJECT_STATUSES } from '@smedx/contracts';

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const optionalText = (max: number) =>
  z.string({ error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`).optional();

/** A Shanghai calendar day, `YYYY-MM-DD`. */
const calendarDate = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'must be a real date YYYY-MM-DD, e.g. 2025-06-30' });

/** `POST /projects/:id/milestones`. */
export const CreateMilestoneSchema = z.object({
  title: text(120),
  plannedDate: calendarDate,
});
export type CreateMilestoneInput = z.infer<typeof CreateMilestoneSchema>;

/**
 * `PATCH /projects/:id/milestones/:mid`: re-plan (title, plannedDate) or move
 * the status; `done` takes the day it was done (`actualDate`, today when left out).
 */
export const UpdateMilestoneSchema = z
  .object({
    title: text(120).optional(),
    plannedDate: calendarDate.optional(),
    status: z.enum(MILESTONE_STATUSES, { error: `must be one of ${MILESTONE_STATUSES.join(', ')}` }).optional(),
    actualDate: calendarDate.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'must change at least one field', path: [] })
  .refine((v) => v.actualDate === undefined || v.status === 'done', {
    message: 'is only set together with status "done"',
    path: ['actualDate'],
  });
export type UpdateMilestoneInput = z.infer<typeof UpdateMilestoneSchema>;

/** `POST /projects/:id/logs`: a service-tracking (服务跟踪) entry. */
export const CreateProjectLogSchema = z.object({
  kind: z.enum(PROJECT_LOG_KINDS, { error: `must be one of ${PROJECT_LOG_KINDS.join(', ')}` }).default('progress'),
  content: text(5000),
  occurredOn: calendarDate.optional(),
});
export type CreateProjectLogInput = z.infer<typeof CreateProjectLogSchema>;

/** `POST /projects/:id/reports`: an assessor's monitoring report (过程监测). */
export const CreateMonitoringReportSchema = z.object({
  summary: text(500),
  findings: text(10_000),
  progressPercent: z
    .number({ error: 'must be a whole number from 0 to 100' })
    .int('must be a whole number from 0 to 100')
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100'),
  risks: z.array(text(500), { error: 'must be a list of texts' }).max(50, 'must hold at most 50 risks').default([]),
});
export type CreateMonitoringReportInput = z.infer<typeof CreateMonitoringReportSchema>;

const sha256 = z
  .string({ error: 'must be a string' })
  .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (SHA-256)')
  .transform((s) => s.toLowerCase());

export const EvidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS, { error: `must be one of ${EVIDENCE_KINDS.join(', ')}` }),
  name: text(200),
  sha256: sha256.optional(),
  sizeBytes: z
    .number({ error: 'must be a whole number of bytes' })
    .int('must be a whole number of bytes')
    .min(0, 'must be at least 0')
    .max(Number.MAX_SAFE_INTEGER, 'is too large')
    .optional(),
});

/**
 * `POST /projects/:id/acceptance`: an acceptance test (验收测评) along the
 * plan's dimensions, with the documents it rests on as metadata.
 */
export const CreateAcceptanceSchema = z.object({
  levelAfter: z
    .number({ error: 'must be a digital level from 1 to 4' })
    .int('must be a digital level from 1 to 4')
    .min(1, 'must be a digital level from 1 to 4')
    .max(4, 'must be a digital level from 1 to 4'),
  dataIntegration: text(5000),
  dataIntegrationScore: z
    .number({ error: 'must be a whole number from 0 to 100' })
    .int('must be a whole number from 0 to 100')
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100')
    .optional(),
  roiPercent: z
    .number({ error: 'must be a number (percent)' })
    .min(-100, 'must be at least -100')
    .max(100_000, 'must be at most 100000')
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'must have at most two decimals' }),
  managementReform: text(5000),
  applicationEffect: optionalText(5000),
  result: z.enum(['pass', 'fail'], { error: 'must be pass or fail' }),
  reasons: text(5000),
  evidence: z.array(EvidenceSchema, { error: 'must be a list of documents' }).max(50, 'must hold at most 50 documents').default([]),
  /** For a pass: why each milestone still open is accepted regardless (every open milestone needs one). */
  openMilestones: z
    .array(z.object({ milestoneId: z.uuid('must be a milestone id'), reason: text(500) }), {
      error: 'must be a list of {milestoneId, reason}',
    })
    .max(50, 'must hold at most 50 milestones')
    .default([]),
});
export type CreateAcceptanceInput = z.infer<typeof CreateAcceptanceSchema>;

/** `POST /projects/:id/cancel` (city officers): why, for the audit trail and the parties. */
export const CancelProjectSchema = z.object({ reason: text(500) });
export type CancelProjectInput = z.infer<typeof CancelProjectSchema>;

const page = z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1);
const pageSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

export const PageSchema = z.object({ page, pageSize });
export type PageInput = z.infer<typeof PageSchema>;

/** `GET /projects`: one organisation's projects, or (officers, assessors) all in a status. */
export const ListProjectsSchema = z.object({
  organisationId: z.string().uuid('must be a UUID').optional(),
  status: z.enum(PROJECT_STATUSES, { error: `must be one of ${PROJECT_STATUSES.join(', ')}` }).optional(),
  page,
  pageSize,
});
export type ListProjectsQuery = z.infer<typeof ListProjectsSchema>;

/** What `ProjectsService.createFromAward` takes from bidding's award. */
export interface AwardInput {
  needId: string;
  bidId: string;
  enterpriseId: string;
  providerId: string;
  solutionId: string | null;
  title: string;
  scope: string;
  priceFen: number;
  deliveryDays: number;
  /** The enterprise member who awarded. */
  awardedBy: string;
}
