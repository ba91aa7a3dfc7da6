// Unit tests of the Angular client (zoneless, jsdom): npx jest -c client/jest.config.js
module.exports = {
  displayName: 'client',
  rootDir: __dirname,
  preset: 'jest-preset-angular',
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'html', 'json'],
  moduleNameMapper: { '^@ruta/shared$': '<rootDir>/../shared/src/index.ts' },
  transform: {
    '^.+\\.(ts|js|mjs|html|svg)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' }],
  },
  // Icons are SVG markup imported from node_modules (core/icons/icons.ts), stringified like templates.
  transformIgnorePatterns: ['node_modules/(?!.*\\.(mjs|svg)$)'],
  cacheDirectory: '<rootDir>/../tmp/jest-client',
};
