export * from './random.js';
export * from './vocabulary.js';
export * from './capabilities.js';
export * from './compose.js';
export * from './demo-dataset.js';
export * from './seed/demo-seeder.js';
export * from './demo.module.js';
