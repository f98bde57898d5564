export * from './search-engine.port.js';
export * from './query-validation.js';
export * from './embedded.search-engine.js';
export * from './meilisearch.search-engine.js';
