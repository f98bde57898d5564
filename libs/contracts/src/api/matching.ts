import { z } from 'zod';
import { uuid } from '../wire.js';
import { json } from './route.js';

/** The factors a match is scored on. */
export const MATCH_FACTORS = ['text', 'scenario', 'industry', 'budget', 'delivery', 'level', 'record', 'district'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

const scored = {
  title: z.string(),
  /** In [0, 1]: the sum of `breakdown`. */
  score: z.number().min(0).max(1),
  /** Factor → weighted contribution to `score`. */
  breakdown: z.record(z.enum(MATCH_FACTORS), z.number()),
  /** The score in plain Chinese, strengths first. */
  reasons: z.array(z.string()),
};

/** A solution matched to a need. */
export const SolutionMatchViewSchema = z.strictObject({
  /** The solution's id. */
  id: uuid,
  providerId: uuid,
  providerName: z.string(),
  ...scored,
});
export type SolutionMatchView = z.output<typeof SolutionMatchViewSchema>;

/** A need matched to a solution. */
export const NeedMatchViewSchema = z.strictObject({
  /** The need's id. */
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  ...scored,
});
export type NeedMatchView = z.output<typeof NeedMatchViewSchema>;

export const SolutionMatchListSchema = z.strictObject({ items: z.array(SolutionMatchViewSchema) });
export type SolutionMatchList = z.output<typeof SolutionMatchListSchema>;
export const NeedMatchListSchema = z.strictObject({ items: z.array(NeedMatchViewSchema) });
export type NeedMatchList = z.output<typeof NeedMatchListSchema>;

export const matchingRoutes = {
  'GET /needs/:id/matches': json(SolutionMatchListSchema),
  'GET /solutions/:id/matches': json(NeedMatchListSchema),
} as const;
