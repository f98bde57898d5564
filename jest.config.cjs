/**
 * Jest runs the ESM build of the code (Nest 12 ships ES modules only), so it
 * needs `--experimental-vm-modules` on Node 20: the npm scripts pass it.
 */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@smedx/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/support/require-services.cjs',
};
process.env.TZ = 'UTC';
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], testTimeout: 60_000 },
    // PostgreSQL, Redis/BullMQ and (when MEILI_HOST is set) Meilisearch; run by `npm run test:services`.
    { ...base, displayName: 'services', testMatch: ['<rootDir>/test/services/**/*.services-spec.ts'], testTimeout: 120_000 },
  ],
};
