/** Jest runs shared/, renderer logic and the database (on fake-indexeddb); Playwright tests run separately. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  // zwc's workspaces are PGlite databases: opening one takes about a second on a busy machine.
  testTimeout: 30_000,
  transform: {
    // PGlite (the command line's storage) loads Node's own modules with import(): made require().
    '@electric-sql/pglite/dist/.+\\.cjs$': '<rootDir>/test/support/jest-require-builtins.js',
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', jsx: 'react-jsx', esModuleInterop: true, resolveJsonModule: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
