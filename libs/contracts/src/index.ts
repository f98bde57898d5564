export * from './rules/subsidy-estimate.js';
export * from './rules/programme-caps.js';
