import { expect, test } from './shared-clock';
import { emptyProfile, startWeb } from './fixtures';

test('without the per-run secret the page loads but reaches no core', async ({ page }) => {
  const web = await startWeb(emptyProfile());
  try {
    await page.goto(web.origin);
    await expect(page.getByRole('heading', { name: 'Ricochet' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'connection' })).toHaveText('no core connected');
  } finally {
    await web.stop();
  }
});
