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
    // The web imports runtime values from a contract module itself (`@smedx/contracts/states/event-state.js`).
    '^@smedx/contracts/(.*)\\.js$': '<rootDir>/libs/contracts/src/$1.ts',
    '^@smedx/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/support/require-services.cjs',
};
process.env.TZ = 'UTC';
const unit = { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] };
const e2e = { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] };
// PostgreSQL, Redis/BullMQ and (when MEILI_HOST is set) Meilisearch; `npm run test:services` sets SMEDX_REQUIRE_SERVICES.
const services = { ...base, displayName: 'services', testMatch: ['<rootDir>/test/services/**/*.services-spec.ts'] };

module.exports = {
  projects: process.env.SMEDX_REQUIRE_SERVICES ? [e2e, services] : [unit, e2e],
  // Each e2e file starts the real app on a fresh database; the services suite waits on Redis.
  testTimeout: 120_000,
};
