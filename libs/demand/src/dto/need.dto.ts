import { z } from 'zod';
import { SCENARIO_CODES } from '@smedx/taxonomy';
import { NEED_STATUSES } from '@smedx/contracts';

/** Far above any real budget (100 million CNY) yet well inside 2^53. */
const MAX_FEN = 10_000_000_000;

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const scenarios = z
  .array(z.enum(SCENARIO_CODES, { error: (issue) => `unknown scenario code "${String(issue.input)}"` }), {
    error: 'must be a list of scenario codes',
  })
  .min(1, 'must list at least one scenario')
  .max(SCENARIO_CODES.length)
  .refine((list) => new Set(list).size === list.length, 'must not repeat a code');

/** An ISO 8601 instant with a zone (`Z` or an offset), so every reader agrees on the moment. */
const instant = z
  .string({ error: 'must be an ISO 8601 date-time' })
  .pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2025-06-30T18:00:00+08:00' }))
  .transform((s) => new Date(s));

/** Another site of a joint need (a chain's members): which enterprise, and what happens there. */
export const NeedSiteSchema = z.object({
  enterpriseId: z.string({ error: 'is required' }).uuid('must be a UUID'),
  note: z.string({ error: 'must be a string' }).trim().max(200, 'must be at most 200 characters').optional(),
});
export type NeedSite = z.infer<typeof NeedSiteSchema>;

/** The editable fields, exactly as SPEC names them, plus `sites` and `privateDetails`. */
const NeedFields = z.object({
  title: text(120),
  description: text(5000),
  scenarios,
  budgetFen: z
    .number({ error: 'must be an integer number of fen' })
    .int('must be an integer number of fen')
    .positive('must be > 0')
    .max(MAX_FEN, `must be ≤ ${MAX_FEN}`),
  expectedDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(730, 'must be at most 730'),
  bidDeadline: instant,
  sites: z
    .array(NeedSiteSchema, { error: 'must be a list of sites' })
    .max(50, 'must hold at most 50 sites')
    .refine((list) => new Set(list.map((s) => s.enterpriseId)).size === list.length, 'must not repeat an enterprise')
    .optional(),
  privateDetails: z.string({ error: 'must be a string' }).trim().max(5000, 'must be at most 5000 characters').nullable().optional(),
});

export const CreateNeedSchema = NeedFields.extend({
  enterpriseId: z.string({ error: 'is required' }).uuid('must be a UUID'),
});
export type CreateNeedInput = z.infer<typeof CreateNeedSchema>;

export const UpdateNeedSchema = NeedFields.partial().refine((v) => Object.values(v).some((x) => x !== undefined), {
  message: 'must change at least one field',
  path: [],
});
export type UpdateNeedInput = z.infer<typeof UpdateNeedSchema>;

/** Optional body of publish/cancel: why, for the audit trail. */
export const NeedActionSchema = z.object({
  reason: z.string({ error: 'must be a string' }).trim().max(500, 'must be at most 500 characters').optional(),
});
export type NeedActionInput = z.infer<typeof NeedActionSchema>;

export const ListNeedsSchema = z.object({
  enterpriseId: z.string().uuid('must be a UUID').optional(),
  status: z.enum(NEED_STATUSES, { error: `must be one of ${NEED_STATUSES.join(', ')}` }).default('published'),
  page: z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1),
  pageSize: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});
export type ListNeedsQuery = z.infer<typeof ListNeedsSchema>;
