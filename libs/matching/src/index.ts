export * from './match-facts.js';
export * from './match-text.js';
export * from './match-score.js';
export * from './matcher.js';
export * from './search-candidates.js';
export * from './strong-match.entity.js';
export * from './dto/matches-query.dto.js';
export * from './matching.service.js';
export * from './jobs/rematch-need.job.js';
export * from './jobs/rematch-solution.job.js';
export * from './jobs/rematch-provider.job.js';
export * from './jobs/rematch-enterprise.job.js';
export * from './matching.module.js';

import { StrongMatch } from './strong-match.entity.js';
export const MATCHING_ENTITIES = [StrongMatch];
