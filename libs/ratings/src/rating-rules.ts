/** The rules of ratings (SPEC capability 10 and issue 11), as pure functions. */

/** Either side may appeal a rating within 15 days of it. */
export const APPEAL_DAYS = 15;
const DAY_MS = 24 * 3600_000;

/** When the appeal window of a rating given at `ratedAt` closes. */
export function appealDeadline(ratedAt: Date): Date {
  return new Date(ratedAt.getTime() + APPEAL_DAYS * DAY_MS);
}

/** A rating's overall score: the mean of quality, timeliness and service (1–5), two decimals. */
export function overallScore(r: { quality: number; timeliness: number; service: number }): number {
  return Math.round(((r.quality + r.timeliness + r.service) / 3) * 100) / 100;
}

/**
 * The provider's record from its counted ratings: the plain mean of their overall scores and
 * their number (null mean without ratings). Smoothing toward the prior is the reader's
 * (matching's `recordFit`, the reputation), so the record keeps what users actually gave.
 */
export function ratingRecord(scores: readonly number[]): { ratingAverage: number | null; ratingCount: number } {
  if (!scores.length) return { ratingAverage: null, ratingCount: 0 };
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  return { ratingAverage: Math.round(mean * 1000) / 1000, ratingCount: scores.length };
}
