import { z } from 'zod';

/** `GET /needs/:id/matches`, `GET /solutions/:id/matches`: how many matches, best first (default `MATCH_TOP_N`). */
export const MatchesQuerySchema = z
  .object({
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .optional(),
  })
  .strict();
export type MatchesQuery = z.infer<typeof MatchesQuerySchema>;
