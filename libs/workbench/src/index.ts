export * from './workbench.service.js';
export * from './workbench.module.js';
