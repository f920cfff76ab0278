import { defineConfig } from 'vitest/config';

/**
 * Suites that load the whole machine on purpose (a 20,000-request fuzz, write contention with
 * other processes, streams filled until they fall behind): they run after the others, so that
 * their load never turns another suite's honest timeout into a failure.
 */
const heavy = [
  'test/server/review/fuzz-postgres.test.ts',
  'test/server/review/sqlite-contention.test.ts',
  'test/server/review/concurrency-review.test.ts',
  'test/server/reliability/bounded-wire.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: suites that start real servers must not all start at once.
    maxWorkers: 2,
    globalSetup: ['test/support/build-cli-setup.ts'],
    // electron-store imports `electron`: processed by vitest, it gets the tests' fake instead.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: [...heavy, 'test/e2e/**'] },
      },
      { extends: true, test: { name: 'heavy', include: heavy, sequence: { groupOrder: 1 } } },
    ],
  },
});
