import { z } from 'zod';
import { count, instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

/**
 * A rating's life: published once the enterprise rates the accepted (or failed) project;
 * appealed by either side to the district officer, who upholds or removes it. A removed rating
 * no longer counts in the provider's record. The life cycle itself is `RATING_STATE_MACHINE`
 * in libs/ratings.
 */
export const RATING_STATUSES = ['published', 'appealed', 'upheld', 'removed'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

export const RATING_SIDES = ['enterprise', 'provider'] as const;
export type RatingSide = (typeof RATING_SIDES)[number];

export const APPEAL_DECISIONS = ['uphold', 'remove'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** A timestamp kept inside a JSON column: ISO 8601 text on both sides. */
const isoText = z.iso.datetime({ offset: true });
const stars = z.number().int().min(1).max(5);

/** An appeal of the rating by one side, and the district officer's decision on it. */
export const RatingAppealSchema = z.strictObject({
  side: z.enum(RATING_SIDES),
  reason: z.string(),
  appealedBy: uuid,
  appealedAt: isoText,
  decision: z.enum(APPEAL_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: uuid.nullable(),
  decidedAt: isoText.nullable(),
});
export type RatingAppeal = z.output<typeof RatingAppealSchema>;

/** The answer of the rating routes. */
export const RatingViewSchema = z.strictObject({
  id: uuid,
  projectId: uuid,
  enterpriseId: uuid,
  providerId: uuid,
  district: z.string(),
  quality: stars,
  timeliness: stars,
  service: stars,
  /** Mean of the three (1–5). */
  score: z.number().min(1).max(5),
  text: z.string().nullable(),
  status: z.enum(RATING_STATUSES),
  reply: z.string().nullable(),
  repliedAt: instant.nullable(),
  appeal: RatingAppealSchema.nullable(),
  /** Until when either side may appeal. */
  appealDeadline: instant,
  ratedAt: instant,
  updatedAt: instant,
});
export type RatingView = z.output<typeof RatingViewSchema>;

export const RatingPageSchema = pageOf(RatingViewSchema);
export type RatingPage = z.output<typeof RatingPageSchema>;

/** `GET /ratings?providerId=`: the provider's counted ratings with its record. */
export const ProviderRatingsViewSchema = z.strictObject({
  ...RatingPageSchema.shape,
  providerId: uuid,
  ratingAverage: z.number().nullable(),
  ratingCount: count,
  /** The rating smoothed toward 4.0 with the weight of 5 ratings (what ranking reads). */
  smoothedRating: z.number(),
  /** The provider's reputation (0–1) from its outcomes, smoothed (`libs/reputation`). */
  reputation: z.number().min(0).max(1),
});
export type ProviderRatingsView = z.output<typeof ProviderRatingsViewSchema>;

export const ratingRoutes = {
  'POST /projects/:id/rating': json(RatingViewSchema),
  /** `?providerId=` alone: the provider's record (public); otherwise a page of the caller's ratings. */
  'GET /ratings': json(z.union([ProviderRatingsViewSchema, RatingPageSchema])),
  'GET /ratings/:id': json(RatingViewSchema),
  'POST /ratings/:id/reply': json(RatingViewSchema),
  'POST /ratings/:id/appeal': json(RatingViewSchema),
  'POST /ratings/:id/appeal/decision': json(RatingViewSchema),
} as const;
