import type { RatingView, Wire } from '@smedx/contracts';
export { RATING_STATUS_NAMES } from '@smedx/contracts/labels-zh.js';

/** A project's rating as the browser holds it (`RatingView` of the contract). */
export type Rating = Wire<RatingView>;
