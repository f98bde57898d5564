export { nameOf, type TaxonomyItem, type CodeTuple } from './taxonomy-item.js';
export * from './industries.js';
export * from './districts.js';
export * from './scenarios.js';
export * from './kinds.js';
export * from './programme.js';
export * from './taxonomies.js';
export * from './uscc.js';
