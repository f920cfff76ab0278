import { expect, test } from './shared-clock';
import { openStorage } from '../../server/db/connect';
import { createOrganisation } from '../../server/store/members';
import { seedTeam } from '../support/seed-team';
import { spawnServer } from '../support/server-process';
import { storageFor } from '../support/team-server';
import { joinedProfile, startTeam, startWeb } from './fixtures';

for (const size of [70, 500])
  test(`a team of ${size}: the last is reached on the board and the timeline by wheel, End and a jump`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const config = await storageFor('sqlite');
    const storage = await openStorage(config);
    const team = await createOrganisation(storage.db, {
      name: 'Big',
      adminName: 'Ana',
      adminEmail: 'ana@big.test',
    });
    await seedTeam(storage.db, team.team.id, size, 0);
    await storage.close();
    const server = await spawnServer(config);
    const web = await startWeb(await joinedProfile(server.url, team.invite, 'Zed'));
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(web.url);
      const board = page.getByRole('list', { name: 'Team', exact: true });
      await expect(board.getByRole('listitem').first()).toBeVisible();
      // Every member counts in the list, drawn or not (no cap, no silent cut).
      expect(await board.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(size + 2));
      const lists = [
        { box: page.locator('.board-scroll'), last: board.getByTestId('member-Zed') },
        { box: page.locator('.timeline-scroll'), last: page.locator('.timeline-row', { hasText: 'Zed' }) },
      ];
      for (const { box, last } of lists) {
        const top = () => box.evaluate((el) => el.scrollTo(0, 0));
        // The wheel, as far as it takes.
        await top();
        await box.hover();
        const atEnd = () => box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
        for (let i = 0; i < 300 && !(await atEnd()); i++) await page.mouse.wheel(0, 1200);
        await expect(last).toBeInViewport();
        // The End key, once the list has the focus.
        await top();
        await expect(last).toHaveCount(0); // not drawn at the top: the list is virtual
        await box.focus();
        await page.keyboard.press('End');
        await expect(last).toBeInViewport();
        // A jump to the end, as a scrollbar drag does (headless Chromium draws no scrollbar).
        await top();
        await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await expect(last).toBeInViewport();
      }
      // And by search.
      await page.getByRole('searchbox').fill('Member 0');
      await expect(page.getByTestId('member-Member 0')).toBeVisible();
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
