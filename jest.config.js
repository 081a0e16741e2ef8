// ESM jest setup in the manner of actions/typescript-action: ts-jest in ESM mode,
// `.js` import specifiers mapped back to the `.ts` sources.
/** @type {import('jest').Config} */
export default {
  clearMocks: true,
  globalSetup: '<rootDir>/__tests__/support/global-setup.js',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.js',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: 'tsconfig.test.json', useESM: true, diagnostics: { ignoreCodes: [151002] } }
    ]
  },
  testTimeout: 120000,
  verbose: true
}
