/** The rules of the city's review and notice (SPEC capability 17), as pure functions. */

/** At least this many assessors score a nomination before it goes on public notice. */
export const MIN_ASSESSORS = 3;

/** The public notice (公示) lasts seven days. */
export const NOTICE_DAYS = 7;
const DAY_MS = 24 * 3600_000;

/**
 * The review's figure: the mean of the expert scores with the highest and the lowest dropped
 * (去掉一个最高分和一个最低分), two decimals; null with fewer than {@link MIN_ASSESSORS} scores.
 */
export function trimmedMean(scores: readonly number[]): number | null {
  if (scores.length < MIN_ASSESSORS) return null;
  const sorted = [...scores].sort((a, b) => a - b).slice(1, -1);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return Math.round(mean * 100) / 100;
}

/** When a notice that starts at `start` ends. */
export function noticeEnd(start: Date): Date {
  return new Date(start.getTime() + NOTICE_DAYS * DAY_MS);
}
