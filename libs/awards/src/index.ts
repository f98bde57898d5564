export * from './nomination-state.js';
export * from './nomination-rules.js';
export * from './entities/nomination.entity.js';
export * from './dto/awards.dto.js';
export * from './awards.policy.js';
export * from './awards.views.js';
export * from './nominations.service.js';
export * from './nomination-review.service.js';
export * from './awards.module.js';

import { Nomination } from './entities/nomination.entity.js';
export const AWARDS_ENTITIES = [Nomination];
export * from './nomination-documents.js';
