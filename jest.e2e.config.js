/** End-to-end tests: the built renderer in a real Chromium (and Electron where its binary exists). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/e2e/support/environment.js',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', esModuleInterop: true, resolveJsonModule: true } }],
  },
};
