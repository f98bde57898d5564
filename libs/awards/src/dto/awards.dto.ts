import { z } from 'zod';
import { AWARD_CAP_FEN } from '@smedx/contracts';
import { NOMINATION_CATEGORIES } from '../entities/nomination.entity.js';
import { NOMINATION_STATUSES } from '../nomination-state.js';

const text = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

const optionalText = (max: number) =>
  z.string({ error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`).optional();

const uuid = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') }).uuid('must be a UUID');

export const NominationEvidenceSchema = z.object({
  kind: text(40),
  name: text(200),
  sha256: z
    .string({ error: 'must be a string' })
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')
    .optional(),
  sizeBytes: z.number({ error: 'must be a number of bytes' }).int('must be a whole number').min(0, 'must be at least 0').optional(),
  fileId: uuid.optional(),
});

/**
 * `POST /nominations`: `subjectId` is the chain case (`chain_case`), the solution (`product`)
 * or the enterprise (`benchmark`, `digital_workshop`, `smart_factory`). A product is nominated
 * in one of its provider's districts (`district`, default the first).
 */
export const CreateNominationSchema = z.object({
  category: z.enum(NOMINATION_CATEGORIES, { error: `must be one of ${NOMINATION_CATEGORIES.join(', ')}` }),
  subjectId: uuid,
  title: text(120),
  summary: text(4000),
  evidence: z
    .array(NominationEvidenceSchema, { error: 'must be a list of evidence items' })
    .min(1, 'must hold at least one item')
    .max(50, 'must hold at most 50 items'),
  district: z.string({ error: 'must be a district code' }).trim().max(32, 'must be at most 32 characters').optional(),
});
export type CreateNominationInput = z.infer<typeof CreateNominationSchema>;

/** `POST /nominations/:id/recommend` (district officer). */
export const RecommendNominationSchema = z.object({ reason: optionalText(2000) });
export type RecommendNominationInput = z.infer<typeof RecommendNominationSchema>;

/** `POST /nominations/:id/review`: one assessor's expert score, 0–100 with at most one decimal. */
export const ScoreNominationSchema = z.object({
  score: z
    .number({ error: 'must be a number from 0 to 100' })
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100')
    .refine((v) => Number.isInteger(v * 10), 'must have at most one decimal'),
  comment: optionalText(2000),
});
export type ScoreNominationInput = z.infer<typeof ScoreNominationSchema>;

/** `POST /nominations/:id/publish` (city officer): starts the 7-day public notice. */
export const PublishNominationSchema = z.object({ reason: optionalText(2000) });
export type PublishNominationInput = z.infer<typeof PublishNominationSchema>;

/** `POST /nominations/:id/object`: an objection during the notice. */
export const ObjectNominationSchema = z.object({ text: text(1000) });
export type ObjectNominationInput = z.infer<typeof ObjectNominationSchema>;

/** `POST /nominations/:id/objections/:oid/answer` (city officer). */
export const AnswerObjectionSchema = z.object({ answer: text(2000) });
export type AnswerObjectionInput = z.infer<typeof AnswerObjectionSchema>;

/** `POST /nominations/:id/award` (city officer): at most 500,000 CNY, in integer fen (0: an honour without money). */
export const AwardNominationSchema = z.object({
  amountFen: z
    .number({ error: 'must be a whole number of fen' })
    .int('must be a whole number of fen')
    .min(0, 'must be at least 0')
    .max(AWARD_CAP_FEN, `must be at most ${AWARD_CAP_FEN} fen (500,000 CNY)`),
  reason: optionalText(2000),
});
export type AwardNominationInput = z.infer<typeof AwardNominationSchema>;

/** `POST /nominations/:id/reject` (the district before its recommendation, the city after). */
export const RejectNominationSchema = z.object({ reason: text(2000) });
export type RejectNominationInput = z.infer<typeof RejectNominationSchema>;

const page = z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1);
const pageSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

export const ListNominationsSchema = z.object({
  category: z.enum(NOMINATION_CATEGORIES, { error: `must be one of ${NOMINATION_CATEGORIES.join(', ')}` }).optional(),
  status: z.enum(NOMINATION_STATUSES, { error: `must be one of ${NOMINATION_STATUSES.join(', ')}` }).optional(),
  district: z.string({ error: 'must be a district code' }).max(32, 'must be at most 32 characters').optional(),
  page,
  pageSize,
});
export type ListNominationsQuery = z.infer<typeof ListNominationsSchema>;
