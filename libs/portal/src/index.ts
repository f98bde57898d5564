export * from './portal.service.js';
export * from './portal.module.js';
