export * from './schedule-types.js';
export * from './schedule-problem.js';
export * from './board.js';
export * from './scheduler.js';
