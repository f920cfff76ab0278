// A newcomer with only the server's address and a company account, in the app (browser mode):
// "Sign in with your company account" opens the company's sign-in in their browser ($BROWSER, a
// script that signs in at oidc-provider as a person would), and they land on the board.
import { fileURLToPath } from 'node:url';
import { expect, test } from './shared-clock';
import { openStorage } from '../../server/db/connect';
import { setSso } from '../../server/store/single-sign-on';
import { startIdentityProvider } from '../support/identity-provider';
import { emptyProfile, startTeam, startWeb } from './fixtures';

const follower = fileURLToPath(new URL('../support/stand-ins/follow-browser.mjs', import.meta.url));
const shots = 'test-results/screenshots';

test('sign in with the company account from Settings: on the board, no invite code', async ({ browser }) => {
  test.setTimeout(90_000);
  const team = await startTeam();
  const idp = await startIdentityProvider([`${team.url}/v1/sso/callback`], {
    chloe: { email: 'chloe@acme.example', name: 'Chloé Martin' },
  });
  const storage = await openStorage(team.storage);
  await setSso(storage.db, team.team.team.id, {
    issuer: idp.issuer,
    clientId: idp.client.id,
    clientSecret: idp.client.secret,
    domains: ['acme.example'],
    groupId: null,
    tokenDays: 30,
    prompt: 'consent',
  });
  await storage.close();
  const web = await startWeb(emptyProfile(), [], {
    env: { BROWSER: `${process.execPath} ${follower} %s`, BROWSER_LOGIN: 'chloe' },
  });
  const context = await browser.newContext({ viewport: { width: 440, height: 640 } });
  try {
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Sign in with your company account' });
    await form.getByLabel('Server address').fill(team.url);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/company-sign-in-popover-light-en.png` });
    await form.getByRole('button', { name: 'Sign in with your company account' }).click();
    await expect(page.getByText('Member of the organisation Acme')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('navigation').getByRole('button', { name: 'Team' }).click();
    await expect(page.getByRole('list', { name: 'Team' }).getByTestId('member-Chloé Martin')).toBeVisible();
  } finally {
    await context.close();
    await web.stop();
    await idp.close();
    await team.stop();
  }
});
