// Browser journeys: playwright-core driving Debian's Chromium against the whole app (API + built client).
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/browser/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/browser/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/browser/support/retry.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
  verbose: true,
};
