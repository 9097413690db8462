import { defineConfig } from 'vitest/config';

/**
 * Test projects: the API suite runs once on the embedded database and once more on a
 * PostgreSQL server when TEST_DATABASE_URL is set; pure unit tests and the browser
 * end-to-end tests run once. `api/test/globalSetup.ts` prepares a migrated, seeded
 * template database per backend, copied for each test file. A file named
 * `*.pglite.test.ts` or `*.postgresql.test.ts` is about one engine and runs only in
 * that engine's project (a skip there would hide in every green run). In the browser
 * suite `expect.poll` waits as long as `POLL` in the harness: vitest's 1 s default is
 * shorter than a first page load on PGlite on a busy CI machine.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const apiTests = ['api/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['api/test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true as const, test: { name: 'pglite', include: apiTests, exclude: ['**/*.postgresql.test.ts', '**/node_modules/**'], env: { TEST_DB: 'pglite' } } },
      ...(serverUrl ? [{ extends: true as const, test: { name: 'postgresql', include: apiTests, exclude: ['**/*.pglite.test.ts', '**/node_modules/**'], env: { TEST_DB: 'postgresql' } } }] : []),
      { extends: true as const, test: { name: 'unit', include: ['data/**/*.test.ts', 'client/src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'] } },
      { extends: true as const, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], maxWorkers: 1, testTimeout: 120_000, expect: { poll: { timeout: 15_000, interval: 100 } } } },
    ],
  },
});
