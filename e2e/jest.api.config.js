// API tests: the real Nest application (ValidationPipe, guards, filters) against real PostgreSQL.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/api/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/api/support/global-setup.ts',
  globalTeardown: '<rootDir>/api/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  verbose: true,
};
