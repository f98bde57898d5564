export * from './match-facts.js';
export * from './match-text.js';
export * from './match-score.js';
export * from './matcher.js';
export * from './search-candidates.js';
