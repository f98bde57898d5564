export * from './search-engine.port.js';
export * from './query-validation.js';
export * from './embedded.search-engine.js';
export * from './meilisearch.search-engine.js';
// One jieba per process: its dictionary is large, and every context that cuts Chinese text shares it.
export { jieba, fold, editDistanceWithin } from './tokenizer.js';
