import { defineConfig } from '@playwright/test';
import { chromiumPath } from './test/support/chromium';

const executablePath = chromiumPath();
// Under faketime (build/run-at-instant.mjs) Chromium runs at the real clock, unslowed: the
// tests give each page the moved clock instead (test/e2e/shared-clock.ts).
const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...browserEnv } = process.env;
if (!executablePath) {
  const message = 'Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)';
  if (process.env['CI'] === 'true')
    throw new Error(`${message} (CI=true: a missing dependency fails the run)`);
  console.warn(`skipping browser tests: ${message}`);
}

export default defineConfig({
  testDir: 'test/e2e',
  testIgnore: executablePath ? [] : ['**/*'],
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/playwright',
  reporter: [['list']],
  workers: 1,
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      env: browserEnv,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
