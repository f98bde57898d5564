export * from './file-store.port.js';
export * from './local.file-store.js';
export * from './s3.file-store.js';
export * from './create-file-store.js';
export * from './signed-link.js';
