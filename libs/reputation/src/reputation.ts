/**
 * A provider's reputation from its outcomes, smoothed so that a new provider is not zero and a
 * few outcomes move it only so far (Bayesian means toward programme-wide priors).
 */

/** What the reputation is computed from: the provider's record. */
export interface Outcomes {
  /** Passed ÷ decided acceptances; null before the first. */
  acceptancePassRate: number | null;
  /** Projects accepted (the strength of the pass rate). */
  completedProjects: number;
  /** Plain mean of the counted ratings (1–5); null before the first. */
  ratingAverage: number | null;
  ratingCount: number;
  /** Milestones done on or before their planned date ÷ milestones done; null when none or unknown. */
  onTimeRate?: number | null;
  onTimeCount?: number;
  /** Missed matchmaking meetings. */
  noShows: number;
}

/** The priors and their strengths (in outcomes): what a provider without history is assumed to be. */
export const REPUTATION_PRIORS = Object.freeze({
  passRate: 0.8,
  passStrength: 5,
  rating: 4,
  ratingStrength: 5,
  onTime: 0.8,
  onTimeStrength: 5,
  noShowPenalty: 0.05,
  noShowPenaltyMax: 0.3,
});

/** The part each outcome has in the reputation. */
export const REPUTATION_WEIGHTS = Object.freeze({ pass: 0.5, rating: 0.3, onTime: 0.2 });

const smooth = (value: number | null, count: number, prior: number, strength: number): number => {
  const n = value === null ? 0 : Math.max(0, count);
  return ((value ?? prior) * n + prior * strength) / (n + strength);
};

/**
 * The reputation in [0, 1]: 50% smoothed acceptance pass rate, 30% smoothed rating (1–5 mapped to
 * 0–1), 20% smoothed on-time milestones, less 5% per missed meeting (at most 30%). A provider with
 * no history scores 0.79, a fair middle.
 */
export function reputation(o: Outcomes): number {
  const p = REPUTATION_PRIORS;
  const pass = smooth(o.acceptancePassRate, o.completedProjects, p.passRate, p.passStrength);
  const rating = smooth(o.ratingAverage, o.ratingCount, p.rating, p.ratingStrength);
  const onTime = smooth(o.onTimeRate ?? null, o.onTimeCount ?? 0, p.onTime, p.onTimeStrength);
  const base = REPUTATION_WEIGHTS.pass * pass + REPUTATION_WEIGHTS.rating * ((rating - 1) / 4) + REPUTATION_WEIGHTS.onTime * onTime;
  const penalty = Math.min(p.noShowPenaltyMax, p.noShowPenalty * Math.max(0, o.noShows));
  return Math.max(0, Math.min(1, base * (1 - penalty)));
}

/** The smoothed rating (1–5) the UI shows beside the raw mean. */
export function smoothedRating(ratingAverage: number | null, ratingCount: number): number {
  return Math.round(smooth(ratingAverage, ratingCount, REPUTATION_PRIORS.rating, REPUTATION_PRIORS.ratingStrength) * 100) / 100;
}
