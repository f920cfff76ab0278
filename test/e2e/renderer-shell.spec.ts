import { expect, test } from '@playwright/test';

test('the renderer loads in a real browser and says no core is connected', async ({ page }) => {
  await page.goto('http://127.0.0.1:5199/');
  await expect(page.getByRole('heading', { name: 'Ricochet' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'connection' })).toHaveText('no core connected');
});
