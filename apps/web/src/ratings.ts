import type { RatingView, Wire } from '@smedx/contracts';

/** A project's rating as the browser holds it (`RatingView` of the contract). */
export type Rating = Wire<RatingView>;

export const RATING_STATUS_NAMES: Record<Rating['status'], string> = {
  published: '已发布',
  appealed: '申诉中',
  upheld: '申诉不成立（保留）',
  removed: '申诉成立（已移除）',
};
