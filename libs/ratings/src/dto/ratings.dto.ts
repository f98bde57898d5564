import { z } from 'zod';

const text = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

const stars = z
  .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a whole number from 1 to 5') })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be at least 1')
  .max(5, 'must be at most 5');

/** `POST /projects/:id/rating`. */
export const CreateRatingSchema = z.object({
  quality: stars,
  timeliness: stars,
  service: stars,
  text: z.string({ error: 'must be a string' }).trim().max(1000, 'must be at most 1000 characters').optional(),
});
export type CreateRatingInput = z.infer<typeof CreateRatingSchema>;

/** `POST /ratings/:id/reply` (the provider, once). */
export const ReplyRatingSchema = z.object({ text: text(1000) });
export type ReplyRatingInput = z.infer<typeof ReplyRatingSchema>;

/** `POST /ratings/:id/appeal` (either side, within 15 days). */
export const AppealRatingSchema = z.object({ reason: text(1000) });
export type AppealRatingInput = z.infer<typeof AppealRatingSchema>;

export const APPEAL_DECISIONS = ['uphold', 'remove'] as const;

/** `POST /ratings/:id/appeal/decision` (the district officer). */
export const DecideAppealSchema = z.object({
  decision: z.enum(APPEAL_DECISIONS, { error: 'must be uphold or remove' }),
  reason: text(2000),
});
export type DecideAppealInput = z.infer<typeof DecideAppealSchema>;

const page = z.coerce.number({ error: 'must be a page number' }).int('must be a page number').min(1, 'must be at least 1').default(1);
const pageSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

/** `GET /ratings`: a provider's counted ratings (public), or for officers the appeals awaiting them. */
export const ListRatingsSchema = z.object({
  providerId: z.string({ error: 'must be a UUID' }).uuid('must be a UUID').optional(),
  projectId: z.string({ error: 'must be a UUID' }).uuid('must be a UUID').optional(),
  status: z.enum(['published', 'appealed', 'upheld', 'removed'], { error: 'must be published, appealed, upheld or removed' }).optional(),
  page,
  pageSize,
});
export type ListRatingsQuery = z.infer<typeof ListRatingsSchema>;
