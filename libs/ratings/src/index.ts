export * from './rating-state.js';
export * from './rating-rules.js';
export * from './entities/rating.entity.js';
export * from './dto/ratings.dto.js';
export * from './ratings.views.js';
export * from './ratings.service.js';
export * from './ratings.module.js';

import { Rating } from './entities/rating.entity.js';
export const RATINGS_ENTITIES = [Rating];
