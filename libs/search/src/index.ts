export * from './search-indexes.js';
export * from './search-documents.js';
export * from './search-indexer.service.js';
export * from './change-follower.service.js';
export * from './search.service.js';
export * from './search.module.js';
export * from './dto/search-query.dto.js';
