export * from './core.module.js';
export * from './entities.js';
