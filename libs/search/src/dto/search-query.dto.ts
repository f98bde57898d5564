import { z } from 'zod';
import { DISTRICT_CODES, INDUSTRY_CODES, PROVIDER_KIND_CODES, SCENARIO_CODES } from '@smedx/taxonomy';

/** A query parameter that may be given once, repeated, or comma-separated, each value from `allowed`. */
const list = <T extends readonly [string, ...string[]]>(allowed: T) =>
  z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
    const items = (Array.isArray(value) ? value : [value])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    for (const item of items) {
      if (!allowed.includes(item))
        ctx.addIssue({ code: 'custom', message: `unknown value "${item}"; expected one of ${allowed.join(', ')}` });
    }
    if (items.length > 30) ctx.addIssue({ code: 'custom', message: 'at most 30 values' });
    return items as T[number][];
  });

const fen = z.coerce.number().int('must be an integer number of fen').min(0);
const days = z.coerce.number().int().min(1).max(3650);

const common = {
  q: z.string().trim().max(200).optional(),
  industry: list(INDUSTRY_CODES).optional(),
  scenario: list(SCENARIO_CODES).optional(),
  district: list(DISTRICT_CODES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const SOLUTION_FACETS = ['industry', 'scenario', 'district', 'level', 'deliveryMode', 'providerKind'] as const;
export const SOLUTION_SORTS = ['relevance', 'price', '-price', 'deployDays', 'newest'] as const;

/** `GET /search/solutions`: unknown parameters are refused, so a typo is not silently ignored. */
export const SolutionSearchSchema = z
  .object({
    ...common,
    priceMaxFen: fen.optional(),
    deployDaysMax: days.optional(),
    level: list(['1', '2', '3', '4'] as const).optional(),
    providerKind: z.enum(PROVIDER_KIND_CODES).optional(),
    deliveryMode: list(['saas', 'private', 'hybrid'] as const).optional(),
    providerId: z.string().uuid().optional(),
    facets: list(SOLUTION_FACETS).optional(),
    sort: z.enum(SOLUTION_SORTS).default('relevance'),
  })
  .strict();
export type SolutionSearch = z.infer<typeof SolutionSearchSchema>;

export const NEED_FACETS = ['industry', 'scenario', 'district'] as const;
export const NEED_SORTS = ['relevance', 'budget', '-budget', 'deadline', 'newest'] as const;

/** `GET /search/needs`. */
export const NeedSearchSchema = z
  .object({
    ...common,
    priceMaxFen: fen.optional(),
    budgetMinFen: fen.optional(),
    deployDaysMax: days.optional(),
    level: list(['1', '2', '3', '4'] as const).optional(),
    enterpriseId: z.string().uuid().optional(),
    facets: list(NEED_FACETS).optional(),
    sort: z.enum(NEED_SORTS).default('relevance'),
  })
  .strict();
export type NeedSearch = z.infer<typeof NeedSearchSchema>;
