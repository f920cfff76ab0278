import { expect, test } from './shared-clock';
import { emptyProfile, joinedProfile, startTeam, startWeb } from './fixtures';

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

test('a link from an earlier run says what to do, not a blank page', async ({ page }) => {
  const web = await startWeb(emptyProfile());
  try {
    await page.goto(`${web.origin}#secret=from-an-earlier-run`);
    await expect(page.getByRole('alert')).toContainText('This link is from an earlier run of Ricochet');
  } finally {
    await web.stop();
  }
});

test('when the local core stops, the page says so, and a post says it was not sent', async ({ page }) => {
  const web = await startWeb(emptyProfile(), ['--demo']);
  await page.goto(web.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Feed' }).click();
  await expect(page.getByLabel('Quick post')).toBeVisible();
  await web.stop();
  await page.getByLabel('Quick post').fill('Reviewing the Q3 plan');
  await page.getByLabel('Quick post').press('Enter');
  await expect(page.getByText('Ricochet is not running: start it again').first()).toBeVisible();
});

test('removed from the team while the page is open: it says so in words, not "offline"', async ({ page }) => {
  const team = await startTeam();
  const web = await startWeb(await joinedProfile(team.url, team.team.invite, 'Bob Martin'));
  try {
    await page.goto(web.url);
    await expect(page.getByTestId('freshness')).toHaveText('live');
    const admin = team.admin();
    const bob = (await admin('GET', '/v1/board')).body.members.find(
      (m: { name: string }) => m.name === 'Bob Martin',
    );
    expect((await admin('DELETE', `/v1/members/${bob.id}`)).status).toBe(204);
    await expect(page.getByTestId('freshness')).toHaveText(
      'you are no longer in this team (removed, or your access was revoked)',
    );
  } finally {
    await web.stop();
    await team.stop();
  }
});
