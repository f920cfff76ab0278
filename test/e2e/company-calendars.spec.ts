// A company calendar connected from Settings, in the browser mode: the organisation's admin set
// the Microsoft 365 app on the team server; the person clicks "Connect Microsoft 365", signs in
// in "their browser" ($BROWSER, a script that follows the sign-in as a browser would), and the
// board then shows their meeting and where they work, from Graph (a stand-in over https).
import { fileURLToPath } from 'node:url';
import { expect, newContext, test } from './shared-clock';
import { setCalendarApps } from '../../server/store/calendar-apps';
import { microsoftStandIn } from '../support/stand-ins/microsoft-stand-in';
import { alwaysAtWork, joinedProfile, startTeam, startWeb } from './fixtures';

const follower = fileURLToPath(new URL('../support/stand-ins/follow-browser.mjs', import.meta.url));
const graphTime = (ms: number) => new Date(ms).toISOString().slice(0, 19) + '.0000000';

const languages = [
  {
    lang: 'en_GB.UTF-8',
    code: 'en',
    settings: 'Settings',
    team: 'Team',
    connect: 'Connect Microsoft 365',
    // A meeting that ends after midnight names the day (a run at Sunday 23:50).
    meeting: /^In a meeting until (\p{L}{3}\.? )?\d\d:\d\d/u,
    place: 'Working from Lyon',
  },
  {
    lang: 'fr_FR.UTF-8',
    code: 'fr',
    settings: 'Réglages',
    team: 'Équipe',
    connect: 'Connecter Microsoft 365',
    meeting: /^En réunion jusqu’à (\p{L}{3}\.? )?\d\d:\d\d/u,
    place: 'Travaille depuis Lyon',
  },
];

for (const l of languages)
  test(`Connect Microsoft 365 in Settings (${l.code}): signed in through the browser, the board shows the meeting and the place`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const standIn = await microsoftStandIn({ clientIds: ['org-app'] });
    const team = await startTeam((storage, id) =>
      setCalendarApps(storage.db, id, {
        microsoft: { clientId: 'org-app', authority: standIn.authority(), graph: standIn.url },
      }),
    );
    const now = Date.now();
    const today = new Date(now).toISOString().slice(0, 10);
    const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
    standIn.put(
      {
        id: 'meeting',
        subject: 'Quarterly plan',
        isAllDay: false,
        isCancelled: false,
        showAs: 'busy',
        responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
        start: { dateTime: graphTime(now - 30 * 60_000), timeZone: 'UTC' },
        end: { dateTime: graphTime(now + 60 * 60_000), timeZone: 'UTC' },
      },
      {
        id: 'where',
        subject: 'Lyon office',
        isAllDay: true,
        isCancelled: false,
        showAs: 'workingElsewhere',
        location: { displayName: 'Lyon' },
        start: { dateTime: `${today}T00:00:00.0000000`, timeZone: 'UTC' },
        end: { dateTime: `${tomorrow}T00:00:00.0000000`, timeZone: 'UTC' },
      },
    );
    const profile = await joinedProfile(team.url, team.team.invite, 'Kim Ito', alwaysAtWork);
    const web = await startWeb(profile, [], {
      lang: l.lang,
      env: { BROWSER: `${process.execPath} ${follower}` },
    });
    try {
      const page = await (await newContext(browser, { viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(web.url);
      await page.getByRole('button', { name: l.settings }).click();
      await page.setViewportSize({ width: 380, height: 560 });
      await page.getByRole('button', { name: l.connect }).scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `test-results/screenshots/connect-microsoft-settings-popover-${l.code}.png`,
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: l.connect }).click();
      await expect(page.locator('ul.calendars')).toContainText('Microsoft 365 · ana@contoso.example', {
        timeout: 20_000,
      });
      await page.getByRole('button', { name: l.team }).first().click();
      const me = page.getByTestId('member-Kim Ito');
      await expect(me.getByTestId('state-label')).toHaveText(l.meeting, {
        timeout: 20_000,
      });
      // Working elsewhere is where Kim works, not a second meeting.
      await expect(me.getByTestId('member-on')).toHaveText(new RegExp(`^${l.place}`));
      await page.screenshot({ path: `test-results/screenshots/connect-microsoft-board-${l.code}.png` });
      // Opened in the popover, the row says it too.
      await page.setViewportSize({ width: 380, height: 560 });
      await me.getByRole('button').first().click();
      await expect(me.getByTestId('member-place')).toHaveText(l.place);
      await page.screenshot({ path: `test-results/screenshots/connect-microsoft-row-popover-${l.code}.png` });
    } finally {
      await web.stop();
      await team.stop();
      await standIn.close();
    }
  });
