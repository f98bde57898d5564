import type { Page, ProviderRatingsView, RatingView } from '@smedx/contracts';
import type { Rating } from './entities/rating.entity.js';
import { appealDeadline } from './rating-rules.js';

/** The answers of the rating routes: the contract's `RatingView` and, for `GET /ratings?providerId=`, `ProviderRatingsView`. */
export type { Page, ProviderRatingsView, RatingView };

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
