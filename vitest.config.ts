import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: suites that start real servers must not all start at once.
    maxWorkers: 2,
    globalSetup: ['test/support/build-cli-setup.ts'],
    // electron-store imports `electron`: processed by vitest, it gets the tests' fake instead.
    server: { deps: { inline: ['electron-store'] } },
  },
});
