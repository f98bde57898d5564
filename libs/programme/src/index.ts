export * from './subsidy.js';
