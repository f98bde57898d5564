export * from './reputation.js';
export * from './fair-exposure.js';
