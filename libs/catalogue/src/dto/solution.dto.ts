import { z } from 'zod';
import { DELIVERY_MODE_CODES, INDUSTRY_CODES, SCENARIO_CODES } from '@smedx/taxonomy';
import type { CodeTuple } from '@smedx/taxonomy';
import { SOLUTION_STATUSES } from '@smedx/contracts';

/** Far above any real price (100 million CNY) yet well inside 2^53. */
const MAX_FEN = 10_000_000_000;

const text = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

const fen = z
  .number({ error: 'must be an integer number of fen' })
  .int('must be an integer number of fen')
  .min(0, 'must be ≥ 0')
  .max(MAX_FEN, `must be ≤ ${MAX_FEN}`);

const noRepeats = <T>(list: T[]) => new Set(list).size === list.length;

/** A non-empty list of distinct codes from one taxonomy. */
export function codeList(codes: CodeTuple, what: string) {
  return z
    .array(z.enum(codes, { error: (issue) => `unknown ${what} code "${String(issue.input)}"` }), {
      error: `must be a list of ${what} codes`,
    })
    .min(1, `must list at least one ${what}`)
    .max(codes.length)
    .refine(noRepeats, 'must not repeat a code');
}

export const SolutionCaseSchema = z.object({
  enterpriseName: text(100),
  summary: text(1000),
  year: z
    .number({ error: 'must be a year' })
    .int('must be a year')
    .min(2000, 'must be 2000 or later')
    .max(2100, 'must be 2100 or earlier')
    .optional(),
});
export type SolutionCase = z.infer<typeof SolutionCaseSchema>;

/** The editable fields, exactly as SPEC names them, plus `cases`. */
const SolutionFields = z.object({
  title: text(120),
  summary: text(300),
  description: text(5000),
  scenarios: codeList(SCENARIO_CODES, 'scenario'),
  industries: codeList(INDUSTRY_CODES, 'industry'),
  priceMinFen: fen,
  priceMaxFen: fen,
  deployDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(730, 'must be at most 730'),
  deliveryMode: z.enum(DELIVERY_MODE_CODES, { error: `must be one of ${DELIVERY_MODE_CODES.join(', ')}` }),
  levels: z
    .array(
      z.number({ error: 'must be a level 1–4' }).int('must be a level 1–4').min(1, 'must be a level 1–4').max(4, 'must be a level 1–4'),
      {
        error: 'must be a list of levels 1–4',
      },
    )
    .min(1, 'must list at least one level')
    .max(4)
    .refine(noRepeats, 'must not repeat a level'),
  cases: z.array(SolutionCaseSchema, { error: 'must be a list of cases' }).max(20, 'must hold at most 20 cases').optional(),
});

function priceRangeInOrder(v: { priceMinFen?: number; priceMaxFen?: number }, ctx: z.RefinementCtx): void {
  if (v.priceMinFen !== undefined && v.priceMaxFen !== undefined && v.priceMinFen > v.priceMaxFen) {
    ctx.addIssue({ code: 'custom', path: ['priceMaxFen'], message: 'must be ≥ priceMinFen' });
  }
}

export const CreateSolutionSchema = SolutionFields.extend({
  providerId: z.string({ error: 'is required' }).uuid('must be a UUID'),
}).superRefine(priceRangeInOrder);
export type CreateSolutionInput = z.infer<typeof CreateSolutionSchema>;

/** Any subset of the fields; the service checks the price range against the stored one. */
export const UpdateSolutionSchema = SolutionFields.partial()
  .superRefine(priceRangeInOrder)
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'must change at least one field', path: [] });
export type UpdateSolutionInput = z.infer<typeof UpdateSolutionSchema>;

/** Optional body of publish/delist: why, for the audit trail. */
export const SolutionActionSchema = z.object({ reason: z.string().trim().max(500, 'must be at most 500 characters').optional() });
export type SolutionActionInput = z.infer<typeof SolutionActionSchema>;

export const ListSolutionsSchema = z.object({
  providerId: z.string().uuid('must be a UUID').optional(),
  status: z.enum(SOLUTION_STATUSES, { error: `must be one of ${SOLUTION_STATUSES.join(', ')}` }).default('published'),
  page: z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1),
  pageSize: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});
export type ListSolutionsQuery = z.infer<typeof ListSolutionsSchema>;
