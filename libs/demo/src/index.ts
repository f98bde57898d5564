export * from './random.js';
export * from './vocabulary.js';
export * from './capabilities.js';
export * from './compose.js';
export * from './demo-dataset.js';
