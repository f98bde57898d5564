import { z } from 'zod';

/** `GET /search/unmet-demand`: a period (default the last 12 weeks) and which search. */
export const UnmetDemandQuerySchema = z
  .object({
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    target: z.enum(['solutions', 'needs']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type UnmetDemandQuery = z.infer<typeof UnmetDemandQuerySchema>;

/** `GET /search/suggest`. */
export const SuggestQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(50),
    limit: z.coerce.number().int().min(1).max(20).default(10),
  })
  .strict();
export type SuggestQuery = z.infer<typeof SuggestQuerySchema>;
