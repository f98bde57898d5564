import type { Rating, RatingAppeal } from './entities/rating.entity.js';
import { appealDeadline } from './rating-rules.js';
import type { RatingStatus } from './rating-state.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The answer of the rating routes. */
export interface RatingView {
  id: string;
  projectId: string;
  enterpriseId: string;
  providerId: string;
  district: string;
  quality: number;
  timeliness: number;
  service: number;
  /** Mean of the three (1–5). */
  score: number;
  text: string | null;
  status: RatingStatus;
  reply: string | null;
  repliedAt: Date | null;
  appeal: RatingAppeal | null;
  /** Until when either side may appeal. */
  appealDeadline: Date;
  ratedAt: Date;
  updatedAt: Date;
}

/** `GET /ratings?providerId=`: the provider's counted ratings with its record. */
export interface ProviderRatingsView extends Page<RatingView> {
  providerId: string;
  ratingAverage: number | null;
  ratingCount: number;
  /** The rating smoothed toward 4.0 with the weight of 5 ratings (what ranking reads). */
  smoothedRating: number;
  /** The provider's reputation (0–1) from its outcomes, smoothed (`libs/reputation`). */
  reputation: number;
}

export function ratingView(r: Rating): RatingView {
  return {
    id: r.id,
    projectId: r.projectId,
    enterpriseId: r.enterpriseId,
    providerId: r.providerId,
    district: r.district,
    quality: r.quality,
    timeliness: r.timeliness,
    service: r.service,
    score: r.score,
    text: r.text,
    status: r.status,
    reply: r.reply,
    repliedAt: r.repliedAt,
    appeal: r.appeal,
    appealDeadline: appealDeadline(r.ratedAt),
    ratedAt: r.ratedAt,
    updatedAt: r.updatedAt,
  };
}
