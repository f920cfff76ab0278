import { expect, test, newContext } from './shared-clock';
import { alwaysAtWork, joinedProfile, startTeam, startWeb } from './fixtures';

test.describe('context before you ask or decide', () => {
  let team: Awaited<ReturnType<typeof startTeam>>;
  let ana: Awaited<ReturnType<typeof startWeb>>;
  let bob: Awaited<ReturnType<typeof startWeb>>;
  test.beforeAll(async () => {
    team = await startTeam();
    ana = await startWeb(await joinedProfile(team.url, team.team.invite, 'Ana Lopez', alwaysAtWork));
    bob = await startWeb(await joinedProfile(team.url, team.team.invite, 'Bob Martin', alwaysAtWork));
  });
  test.afterAll(async () => {
    await ana?.stop();
    await bob?.stop();
    await team?.stop();
  });

  test('@ suggests teammates with their day; an ask reaches a free person at once and comes back answered', async ({
    browser,
  }) => {
    const a = await (await newContext(browser)).newPage();
    const b = await (await newContext(browser)).newPage();
    await a.goto(ana.url);
    await b.goto(bob.url);
    await a.getByRole('button', { name: 'Feed' }).click();
    const box = a.getByLabel('Quick post');
    await box.fill('/ask @bo');
    await expect(a.getByRole('option', { name: 'Bob Martin' })).toBeVisible();
    await expect(a.getByTestId('person-context')).toContainText('Bob Martin');
    await box.press('Enter'); // completes the name
    await expect(box).toHaveValue('/ask @Bob ');
    await box.pressSequentially('Can you review the Q3 plan?');
    await box.press('Enter');
    await expect(a.getByRole('status').filter({ hasText: 'your ask is there now' })).toBeVisible();

    await expect(b.getByTestId('notice')).toContainText('Ana Lopez asks you');
    await expect(b.getByRole('navigation').getByRole('button', { name: /^Me/ })).toContainText('1');
    await b.getByRole('navigation').getByRole('button', { name: /^Me/ }).click();
    const inbox = b.getByTestId('asks-to-me');
    await expect(inbox).toContainText('Can you review the Q3 plan?');
    // My day stays at the top: the asks come under it, not above it.
    const top = async (testId: string) => (await b.getByTestId(testId).boundingBox())!.y;
    expect(await top('my-state')).toBeLessThan(await top('asks-to-me'));
    await inbox.getByRole('button', { name: 'Answer' }).click();
    await b.getByLabel('Your answer').fill('Yes, this afternoon');
    await b.getByLabel('Your answer').press('Enter');

    await expect(a.getByTestId('notice')).toContainText('Bob Martin answered your ask');
    await a.getByRole('navigation').getByRole('button', { name: /^Me/ }).click();
    await expect(a.getByTestId('asks-from-me')).toContainText('Yes, this afternoon');
    await a.screenshot({ path: 'test-results/screenshots/asks-light-en.png' });
  });

  test('a decision naming someone in focus shows the heads-up first; posted anyway, it is a decision in the feed', async ({
    page,
  }) => {
    await page.goto(bob.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Feed' }).click();
    await page.getByLabel('Quick post').fill('/focus 2h Writing');
    await page.getByLabel('Quick post').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /status/i })).toBeVisible();
    await page.goto(ana.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Feed' }).click();
    const box = page.getByLabel('Quick post');
    await box.fill('/decide We ship the release today @Bob #release');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(/Bob Martin is in focus until (\w{3} )?\d\d:\d\d/);
    await page.screenshot({ path: 'test-results/screenshots/decision-heads-up-light-en.png' });
    await page.getByRole('button', { name: 'Post anyway' }).click();
    await page.getByLabel('Decisions only').check();
    await expect(page.locator('ol.feed li')).toHaveCount(1);
    await expect(page.locator('ol.feed li')).toContainText('Decision');
    await expect(page.locator('ol.feed li')).toContainText('We ship the release today');
  });
});
