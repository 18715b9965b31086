import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, API tests against a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), and browser journeys in headless Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll's default of 1 s is shorter than one server round trip on a loaded 2-core CI
          // machine (the chair's close recomputes a whole group): a browser waits as a person would.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
