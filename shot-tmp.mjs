import { chromium } from '@playwright/test';
const [url, out, w, h, scheme, lang] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({
  viewport: { width: Number(w), height: Number(h) },
  colorScheme: scheme ?? 'light',
  locale: lang ?? 'en-GB',
});
await page.goto(url);
await page.waitForTimeout(2500);
await page.screenshot({ path: out });
await browser.close();
