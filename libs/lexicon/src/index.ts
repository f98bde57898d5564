export * from './lexicon.data.js';
export * from './lexicon.js';
export * from './understand.js';
