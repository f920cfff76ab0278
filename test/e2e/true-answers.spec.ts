import { expect, test } from './shared-clock';
import { openStorage } from '../../server/db/connect';
import { createTeam } from '../../server/store/members';
import { seedTeam } from '../support/seed-team';
import { spawnServer } from '../support/server-process';
import { storageFor } from '../support/team-server';
import { joinedProfile, startTeam, startWeb } from './fixtures';

test('a team of 500: the last member is reached by scrolling and by search', async ({ page }) => {
  test.setTimeout(90_000);
  const config = await storageFor('sqlite');
  const storage = await openStorage(config);
  const team = await createTeam(storage.db, { name: 'Big', adminName: 'Ana', adminEmail: 'ana@big.test' });
  await seedTeam(storage.db, team.team.id, 500, 0);
  await storage.close();
  const server = await spawnServer(config);
  const web = await startWeb(await joinedProfile(server.url, team.invite, 'Zed'));
  try {
    await page.goto(web.url);
    const board = page.getByRole('list', { name: 'Team' });
    await expect(board.getByRole('listitem').first()).toBeVisible();
    // Scroll until the last card (sorted by name) is on screen.
    const last = page.getByTestId('member-Zed');
    // Each time the list's end comes into view, the next cards render.
    for (let i = 0; i < 40 && !(await last.isVisible()); i++) {
      await page.locator('.sentinel').scrollIntoViewIfNeeded();
      await page.waitForTimeout(100);
    }
    await expect(last).toBeVisible();
    await expect(page.getByTestId('member-Member 499')).toBeAttached();
    // And by search: a skill every seeded member has, then a name.
    await page.getByRole('searchbox').fill('Member 499');
    await expect(page.getByTestId('member-Member 499')).toBeVisible();
  } finally {
    await web.stop();
    await server.kill('SIGTERM');
  }
});

test('“notify me when free” tells me in the page, and the app quits at once with a watch pending', async ({
  page,
}) => {
  const team = await startTeam();
  const web = await startWeb(await joinedProfile(team.url, team.team.invite, 'Bob'));
  try {
    // Ana shares a calendar (free all fortnight) and is in do-not-disturb.
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 86_400_000);
    const window = {
      from: from.toISOString().replace(/\.\d+Z$/, 'Z'),
      to: new Date(+from + 14 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    expect((await team.admin()('PUT', '/v1/me/availability', { window, busy: [] })).status).toBe(200);
    await team.admin()('PUT', '/v1/me/status', { state: 'dnd', text: 'Incident' });
    await page.goto(web.url);
    const ana = page.getByTestId('member-Ana');
    await expect(ana.getByTestId('state-label')).toHaveText(/^Do not disturb/);
    await ana.getByRole('button', { name: /^Ana/ }).click(); // the row opens on its details and actions
    await ana.getByRole('button', { name: 'Notify me when free' }).click();
    await team.admin()('DELETE', '/v1/me/status');
    await expect(page.getByTestId('notice')).toHaveText(/Ana is free now/);
    // A second watch stays pending while the app is asked to stop: it still stops.
    await team.admin()('PUT', '/v1/me/status', { state: 'dnd' });
    await expect(ana.getByTestId('state-label')).toHaveText(/^Do not disturb/);
    await ana.getByRole('button', { name: 'Notify me when free' }).click();
    const stopped = await Promise.race([
      web.stop().then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
    ]);
    expect(stopped).toBe(true);
  } finally {
    await team.stop();
  }
});
