// Under build/run-at-instant.mjs every process of the app runs at a moved clock (faketime), but
// Chromium cannot: preloaded into it, faketime makes a page load take a minute. So pages get
// the same moved clock from Playwright instead, and the browser agrees with the app it shows.
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from '@playwright/test';

/** Every page runs on a Playwright clock set to this process's time (a test may fast-forward it). */
async function shareClock(context: BrowserContext): Promise<BrowserContext> {
  await context.clock.install({ time: Date.now() });
  return context;
}

/** `browser.newContext()` with the clock the app's processes have. */
export const newContext = async (browser: Browser, options?: BrowserContextOptions) =>
  shareClock(await browser.newContext(options));

export const test = base.extend({
  context: async ({ context }, use) => use(await shareClock(context)),
});

export { expect };
