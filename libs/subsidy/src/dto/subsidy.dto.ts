import { z } from 'zod';
import { SubmittedDocumentsSchema } from '@smedx/documents';
import { BLACKLIST_SOURCES } from '../entities/blacklist-entry.entity.js';
import { CHANGE_KINDS } from '../entities/subsidy-application.entity.js';
import { INVESTMENT_CATEGORIES } from '../subsidy-rules.js';
import { SUBSIDY_STATUSES } from '@smedx/contracts';

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const optionalText = (max: number) =>
  z.string({ error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`).optional();

const uuid = z.string({ error: 'must be a UUID' }).uuid('must be a UUID');

/** 100 million CNY: far above any line of a pilot project, far inside 2^53. */
const MAX_LINE_FEN = 10_000_000_000;

const fen = z
  .number({ error: 'must be a whole number of fen' })
  .int('must be a whole number of fen')
  .min(1, 'must be at least 1 fen')
  .max(MAX_LINE_FEN, `must be at most ${MAX_LINE_FEN} fen`);

export const InvestmentLineSchema = z.object({
  category: z.enum(INVESTMENT_CATEGORIES, { error: `must be one of ${INVESTMENT_CATEGORIES.join(', ')}` }),
  amountFen: fen,
  description: text(500),
});

const lines = z
  .array(InvestmentLineSchema, { error: 'must be a list of investment lines' })
  .min(1, 'must hold at least one line')
  .max(100, 'must hold at most 100 lines');

/** `POST /subsidy-applications`. */
export const CreateSubsidyApplicationSchema = z.object({
  enterpriseId: uuid,
  projectId: uuid,
  lines,
  /** Uploaded files (`POST /files`) with their kinds: the required kinds must all be there (409 naming what is missing). */
  documents: SubmittedDocumentsSchema.default([]),
});
export type CreateSubsidyApplicationInput = z.infer<typeof CreateSubsidyApplicationSchema>;

/** `POST /subsidy-applications/:id/resubmit`: after a return, optionally with corrected lines. */
export const ResubmitSubsidyApplicationSchema = z.object({
  lines: lines.optional(),
  note: optionalText(2000),
});
export type ResubmitSubsidyApplicationInput = z.infer<typeof ResubmitSubsidyApplicationSchema>;

export const REVIEW_DECISIONS = ['approve', 'return', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** `POST /subsidy-applications/:id/reviews`: the stage follows from the status and the caller's role. */
export const ReviewSubsidyApplicationSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { error: `must be one of ${REVIEW_DECISIONS.join(', ')}` }),
    reason: optionalText(2000),
  })
  .refine((v) => v.decision === 'approve' || !!v.reason, { message: 'is required to return or reject', path: ['reason'] });
export type ReviewSubsidyApplicationInput = z.infer<typeof ReviewSubsidyApplicationSchema>;

/** `POST /subsidy-applications/:id/disbursement`: what the city paid (至多批准金额). */
export const DisburseSubsidySchema = z.object({
  paidFen: fen,
  reference: optionalText(100),
});
export type DisburseSubsidyInput = z.infer<typeof DisburseSubsidySchema>;

/** `POST /subsidy-applications/:id/revoke`: fraud found (弄虚作假). */
export const RevokeSubsidySchema = z.object({ reason: text(2000) });
export type RevokeSubsidyInput = z.infer<typeof RevokeSubsidySchema>;

/** `POST /subsidy-applications/:id/changes`. */
export const CreateChangeRequestSchema = z.object({
  kind: z.enum(CHANGE_KINDS, { error: `must be one of ${CHANGE_KINDS.join(', ')}` }),
  description: text(2000),
  reason: text(2000),
});
export type CreateChangeRequestInput = z.infer<typeof CreateChangeRequestSchema>;

/** `POST /subsidy-applications/:id/changes/:cid/decision`: the district's opinion (审核意见). */
export const DecideChangeRequestSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'must be one of approve, reject' }),
    reason: optionalText(2000),
  })
  .refine((v) => v.decision === 'approve' || !!v.reason, { message: 'is required to reject', path: ['reason'] });
export type DecideChangeRequestInput = z.infer<typeof DecideChangeRequestSchema>;

const page = {
  page: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(1),
  pageSize: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
};

/** `GET /subsidy-applications`. */
export const ListSubsidyApplicationsSchema = z.object({
  status: z.enum(SUBSIDY_STATUSES, { error: `must be one of ${SUBSIDY_STATUSES.join(', ')}` }).optional(),
  enterpriseId: uuid.optional(),
  ...page,
});
export type ListSubsidyApplicationsQuery = z.infer<typeof ListSubsidyApplicationsSchema>;

/** `POST /blacklist`. */
export const CreateBlacklistEntrySchema = z.object({
  enterpriseId: uuid,
  reason: text(2000),
});
export type CreateBlacklistEntryInput = z.infer<typeof CreateBlacklistEntrySchema>;

/** `POST /blacklist/:id/lift`. */
export const LiftBlacklistEntrySchema = z.object({ reason: text(2000) });
export type LiftBlacklistEntryInput = z.infer<typeof LiftBlacklistEntrySchema>;

/** `GET /blacklist`: `active=true` keeps the entries in force now. */
export const ListBlacklistSchema = z.object({
  enterpriseId: uuid.optional(),
  source: z.enum(BLACKLIST_SOURCES, { error: `must be one of ${BLACKLIST_SOURCES.join(', ')}` }).optional(),
  active: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  ...page,
});
export type ListBlacklistQuery = z.infer<typeof ListBlacklistSchema>;
