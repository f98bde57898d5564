export * from './rules/subsidy-estimate.js';
