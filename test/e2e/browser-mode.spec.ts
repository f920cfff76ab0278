import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, newContext } from './shared-clock';
import type { Browser, Page } from '@playwright/test';
import { freePort } from '../support/free-port';
import { alwaysAtWork, calendarFile, emptyProfile, joinedProfile, startTeam, startWeb } from './fixtures';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
}

test('onboarding: a real calendar shows my load and next free slot at once', async ({ page }) => {
  const profile = emptyProfile();
  alwaysAtWork(profile); // the meetings below fall in working hours on any day
  const web = await startWeb(profile);
  try {
    // Five hours before now to one after: at least an hour of it falls in this week whatever
    // the instant (even Sunday 23:50), so the week's load shows at working hours of 24 x 7.
    const ics = calendarFile([
      { startInMinutes: -300, minutes: 360 },
      { startInMinutes: 90, minutes: 30 },
    ]);
    await page.goto(web.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Ricochet' })).toBeVisible();
    await expectAccessible(page);
    // The file picker: the person chooses their exported .ics.
    await page.locator('input[type=file]').setInputFiles(ics);
    await expect(page.getByTestId('my-state')).toHaveText(/^In a meeting until (\w{3} )?\d\d:\d\d/);
    // Why, naming the calendar that made the meeting: the file I picked.
    await expect(page.getByTestId('my-why')).toContainText(`(calendar: ${basename(ics)})`);
    await expect(page.getByTestId('load-week').getByRole('meter')).not.toHaveAttribute('aria-valuenow', '0');
    await expect(page.getByTestId('next-free')).toHaveText(/\d\d:\d\d–\d\d:\d\d/);
    await page.screenshot({ path: `${shots}/onboarding-light-en.png`, fullPage: true });
  } finally {
    await web.stop();
  }
});

test('a bridge that opens late (a busy machine at login) still fills the window, with no reload', async ({
  page,
}) => {
  const web = await startWeb(emptyProfile());
  try {
    // The first two connections drop before the core answers (as a loaded machine makes them):
    // the first reads fail; the third connection reaches the real core.
    let attempts = 0;
    await page.routeWebSocket('**/bridge', (ws) => {
      if (++attempts <= 2) return void ws.close();
      ws.connectToServer();
    });
    await page.goto(web.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Ricochet' })).toBeVisible({ timeout: 15_000 });
    expect(attempts).toBe(3);
  } finally {
    await web.stop();
  }
});

test.describe('a team of two on one real server', () => {
  let team: Awaited<ReturnType<typeof startTeam>>;
  let ana: Awaited<ReturnType<typeof startWeb>>;
  let bob: Awaited<ReturnType<typeof startWeb>>;

  test.beforeAll(async () => {
    team = await startTeam();
    ana = await startWeb(await joinedProfile(team.url, team.team.invite, 'Ana Lopez'));
    bob = await startWeb(await joinedProfile(team.url, team.team.invite, 'Bob Martin'));
  });
  test.afterAll(async () => {
    await ana?.stop();
    await bob?.stop();
    await team?.stop();
  });

  /** Ana at her feed's quick-post box; Bob's board live at full width, where each row says what its person is on. */
  async function anaPostsBobWatches(browser: Browser) {
    const a = await (await newContext(browser)).newPage();
    const b = await (await newContext(browser, { viewport: { width: 1280, height: 800 } })).newPage();
    await a.goto(ana.url);
    await b.goto(bob.url);
    await expect(b.getByTestId('freshness')).toHaveText('live');
    await a.getByRole('button', { name: 'Feed' }).click();
    return { a, b };
  }

  test("a post from A appears on B's board", async ({ browser }) => {
    // B reads the board at full width: the row itself says what Ana is on, with its age.
    const { a, b } = await anaPostsBobWatches(browser);
    const text = `Reviewing the #billing migration ${randomUUID().slice(0, 6)}`;
    await a.getByLabel('Quick post').fill(text);
    await a.getByLabel('Quick post').press('Enter');
    await expect(a.getByRole('status').filter({ hasText: 'Posted' })).toBeVisible();
    await expect(b.getByTestId('member-Ana Lopez').getByTestId('member-on')).toHaveText(
      new RegExp(`^${text} · (just now|\\d+ min\\. ago)$`),
      { timeout: 3_000 },
    );
    // Its hover text and its details (opened) say it too.
    await expect(b.getByTestId('member-Ana Lopez').getByRole('button')).toHaveAttribute(
      'title',
      new RegExp(text),
    );
    await b.getByTestId('member-Ana Lopez').getByRole('button').click();
    await expect(b.getByTestId('member-Ana Lopez')).toContainText(text);
    await expectAccessible(b);
    await b.screenshot({ path: `${shots}/board-light-en.png`, fullPage: true });
    await a.close();
    await b.close();
  });

  test('hidden means idle: a hidden board asks the core nothing; shown again, it is up to date', async ({
    browser,
  }) => {
    const context = await newContext(browser);
    const b = await context.newPage();
    // The page's visibility, as the system sets it for a hidden window (Chromium headless is always shown).
    await b.addInitScript(() => {
      let hidden = false;
      Object.defineProperty(Document.prototype, 'visibilityState', {
        configurable: true,
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      (window as unknown as { setHidden: (h: boolean) => void }).setHidden = (h) => {
        hidden = h;
        document.dispatchEvent(new Event('visibilitychange'));
      };
    });
    const asked: string[] = [];
    b.on('websocket', (ws) => ws.on('framesent', (f) => asked.push(String(f.payload))));
    await b.goto(bob.url);
    await expect(b.getByTestId('freshness')).toHaveText('live');
    await b.evaluate(() => (window as unknown as { setHidden: (h: boolean) => void }).setHidden(true));
    const before = asked.length;
    const text = `Hidden test ${randomUUID().slice(0, 6)}`;
    expect((await team.admin()('POST', '/v1/posts', { id: randomUUID(), text })).status).toBe(201);
    // Bob's core has it (another page of his, shown, draws it) while the hidden one asked nothing.
    const shown = await context.newPage();
    await shown.goto(bob.url);
    await expect(shown.getByTestId('member-Ana').getByTestId('member-on')).toContainText(text);
    expect(asked.slice(before)).toEqual([]);
    await b.evaluate(() => (window as unknown as { setHidden: (h: boolean) => void }).setHidden(false));
    await expect(b.getByTestId('member-Ana').getByTestId('member-on')).toContainText(text);
    await context.close();
  });

  test("B's board shows the newer of A's status and post; a message to someone is not what A is on", async ({
    browser,
  }) => {
    const { a, b } = await anaPostsBobWatches(browser);
    const run = randomUUID().slice(0, 6);
    const say = async (text: string) => {
      await a.getByLabel('Quick post').fill(text);
      await a.getByLabel('Quick post').press('Enter');
    };
    const on = b.getByTestId('member-Ana Lopez').getByTestId('member-on');
    await say(`/focus 2h Quarterly plan ${run}`);
    await expect(on).toContainText(`Quarterly plan ${run}`, { timeout: 3_000 });
    // Its glyph is the app's focus icon (SVG), not an emoji a system may lack a font for.
    await expect(on.locator('svg.mark-focus')).toBeVisible();
    await expect(on).not.toContainText('🎯');
    await say(`Shipping the CSV export ${run}`);
    await expect(on).toContainText(`Shipping the CSV export ${run}`, { timeout: 3_000 });
    await say(`@Bob can you glance at PR #415? ${run}`);
    // It reached Bob (his feed has it)...
    await b.getByRole('button', { name: 'Feed' }).click();
    await expect(b.getByText(`@Bob can you glance at PR #415? ${run}`).first()).toBeVisible({
      timeout: 3_000,
    });
    await b.getByRole('button', { name: 'Team', exact: true }).click();
    // ...but a message to Bob is not what Ana is on: her post before it still is.
    await expect(on).toContainText(`Shipping the CSV export ${run}`);
    // Opened, the row shows both the status and the latest post.
    await b.getByTestId('member-Ana Lopez').getByRole('button').click();
    await expect(b.getByTestId('member-Ana Lopez').getByTestId('status-text')).toContainText(
      `Quarterly plan ${run}`,
    );
    await expect(b.getByTestId('member-Ana Lopez')).toContainText(`Shipping the CSV export ${run}`);
    await say('/clear');
    await a.close();
    await b.close();
  });

  test("a burst of posts from A: B's board ends on the last one, not on one in the middle", async ({
    browser,
  }) => {
    const { a, b } = await anaPostsBobWatches(browser);
    const run = randomUUID().slice(0, 6);
    for (let i = 1; i <= 6; i++) {
      await a.getByLabel('Quick post').fill(`Step ${i} of the import ${run}`);
      await a.getByLabel('Quick post').press('Enter');
    }
    await expect(b.getByTestId('member-Ana Lopez').getByTestId('member-on')).toContainText(
      `Step 6 of the import ${run}`,
      { timeout: 3_000 },
    );
    await a.close();
    await b.close();
  });

  test('a status with an expiry disappears at its expiry', async ({ page }) => {
    await page.goto(bob.url);
    await page.getByRole('button', { name: 'Me', exact: true }).click();
    await page.getByRole('button', { name: 'Focus 1 h' }).click();
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    const bobCard = page.getByTestId('member-Bob Martin');
    await expect(bobCard.getByTestId('state-label')).toHaveText(/^Focusing until (\w{3} )?\d\d:\d\d/);
    await page.clock.fastForward('01:00:30');
    await expect(bobCard.getByTestId('state-label')).not.toHaveText(/Focusing/);
  });

  test('find a time returns the slots the published availability implies', async ({ page }) => {
    // Both work around the clock in UTC; Ana is busy for the next two hours, Bob the hour after.
    const allWeek = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);
    const hour = 3_600_000;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    const window = { from: iso(now - 86_400_000), to: iso(now + 14 * 86_400_000) };
    const publish = async (token: string, busy: [number, number]) => {
      const api = (await import('../support/team-server')).client(team.url, token);
      await api('PATCH', '/v1/me', { timezone: 'UTC', workingHours: allWeek });
      await api('PUT', '/v1/me/availability', {
        window,
        busy: [{ start: iso(busy[0]), end: iso(busy[1]), kind: 'busy' }],
      });
    };
    const tokens = await Promise.all(
      ['Cleo', 'Dan'].map(
        async (name) =>
          (
            await (await import('../support/team-server')).client(team.url)('POST', '/v1/join', {
              code: team.team.invite,
              name,
              email: `${name}@acme.test`,
            })
          ).body.token as string,
      ),
    );
    const start = Math.ceil(now / 900_000) * 900_000;
    await publish(tokens[0]!, [start - hour, start + 2 * hour]);
    await publish(tokens[1]!, [start + 2 * hour, start + 3 * hour]);
    await page.goto(ana.url);
    await page.getByRole('button', { name: 'Find a time' }).click();
    await page.getByLabel('Cleo').check();
    await page.getByLabel('Dan').check();
    await page.getByLabel('Duration').selectOption('60');
    await page.getByRole('button', { name: 'Find slots' }).click();
    const first = page.getByTestId('slots').getByRole('listitem').first();
    await expect(first.locator('time').first()).toHaveAttribute('datetime', iso(start + 3 * hour));
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/find-time-light-en.png`, fullPage: true });
  });

  test('the clock chosen in Settings is the one every time on the page is written in', async ({ page }) => {
    await page.goto(ana.url);
    await page.getByRole('button', { name: 'Feed' }).click();
    await page.getByLabel('Quick post').fill('/focus 1h Clock check');
    await page.getByLabel('Quick post').press('Enter');
    await page.getByRole('button', { name: 'Me', exact: true }).click();
    // This server's environment says nothing of its region ("C"): a 24-hour clock.
    await expect(page.getByTestId('my-state')).toHaveText(/^Focusing until (\w{3} )?\d\d:\d\d$/);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByLabel('Clock')).toHaveValue('');
    await page.getByLabel('Clock').selectOption('12h');
    await page.getByRole('button', { name: 'Me', exact: true }).click();
    await expect(page.getByTestId('my-state')).toHaveText(
      /^Focusing until (\w{3} )?\d{1,2}:\d\d (AM|PM|am|pm)$/,
    );
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await expect(page.getByTestId('member-Ana Lopez').getByTestId('state-label')).toContainText(
      /\d (AM|PM|am|pm)/,
    );
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Clock').selectOption('');
    await page.getByRole('button', { name: 'Feed' }).click();
    await page.getByLabel('Quick post').fill('/clear');
    await page.getByLabel('Quick post').press('Enter');
  });

  test('Settings: diagnostics for IT land on the clipboard without the token; the logs folder is named', async ({
    browser,
  }) => {
    const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    try {
      await page.goto(ana.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Copy diagnostics' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Copied: paste them' })).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^Ricochet \d+\.\d+\.\d+ \(browser\)/m);
      expect(copied).toContain(`Team: ${team.url} as `);
      expect(copied).toMatch(/Sync: (live|not live)/);
      expect(copied).not.toMatch(/ana\.lopez@|Bearer [^<]/);
      // The browser mode cannot open a folder on this computer: it says where it is.
      await page.getByRole('button', { name: 'Open logs folder' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Logs are in .+logs$/ })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('Escape closes the popover, but not while typing in a field', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { closes: number };
      w.closes = 0;
      window.close = () => void w.closes++;
    });
    await page.goto(ana.url);
    const closes = () => page.evaluate(() => (window as unknown as { closes: number }).closes);
    await page.getByRole('button', { name: 'Feed' }).click();
    await page.getByLabel('Quick post').fill('half a thought');
    await page.getByLabel('Quick post').press('Escape');
    expect(await closes()).toBe(0);
    await page.getByRole('button', { name: 'Feed' }).focus();
    await page.keyboard.press('Escape');
    expect(await closes()).toBe(1);
  });

  test('switching to French changes every visible string', async ({ page }) => {
    await page.goto(ana.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
    const english = [
      'Team',
      'Feed',
      'Find a time',
      'Settings',
      'Calendars',
      'Working hours',
      'Privacy',
      'Language',
      'Save',
      'live',
    ];
    for (const view of ['Équipe', 'Fil', 'Moi', 'Créneaux', 'Réglages']) {
      await page.getByRole('button', { name: view, exact: true }).click();
      const text = await page.locator('body').innerText();
      for (const word of english) expect(text.split(/\n|·/).map((s) => s.trim())).not.toContain(word);
      await page.screenshot({
        path: `${shots}/${view === 'Équipe' ? 'board' : view === 'Moi' ? 'me' : view === 'Fil' ? 'feed' : view === 'Réglages' ? 'settings' : 'find-time'}-light-fr.png`,
        fullPage: true,
      });
    }
    await page.getByRole('button', { name: 'Réglages' }).click();
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test('dark theme screenshots of each view', async ({ browser }) => {
    const page = await (await newContext(browser, { colorScheme: 'dark' })).newPage();
    await page.goto(ana.url);
    for (const [button, name] of [
      ['Team', 'board'],
      ['Feed', 'feed'],
      ['Me', 'me'],
      ['Find a time', 'find-time'],
      ['Settings', 'settings'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await expectAccessible(page);
      await page.screenshot({ path: `${shots}/${name}-dark-en.png`, fullPage: true });
    }
    await page.close();
  });

  test('killing the server shows offline; the queued post goes out after restart', async ({ page }) => {
    await page.goto(bob.url);
    await expect(page.getByTestId('freshness')).toHaveText('live');
    await team.stop();
    await expect(page.getByTestId('freshness')).toContainText('offline');
    await page.getByRole('button', { name: 'Feed' }).click();
    await page.getByLabel('Quick post').fill('written while the server was down');
    await page.getByLabel('Quick post').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Queued' })).toBeVisible();
    await expect(page.getByTestId('freshness')).toContainText('1 waiting to send');
    await team.restart();
    await expect(page.getByTestId('freshness')).toHaveText('live', { timeout: 30_000 });
    const posts = await (await team.admin())('GET', '/v1/posts');
    expect(posts.body.posts.map((p: { text: string }) => p.text)).toContain(
      'written while the server was down',
    );
  });
});

test('start a team on this computer: an invite link at once, and the team comes back after a restart', async ({
  page,
}) => {
  const profile = emptyProfile();
  let web = await startWeb(profile);
  const port = await freePort();
  try {
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Start a team on this computer' });
    await form.getByLabel('Team name').fill('Atelier');
    await form.getByLabel('Your name').fill('Ana Lopez');
    await form.getByLabel('Your email').fill('ana@atelier.test');
    await form.getByLabel('Port').fill(String(port));
    await form.getByRole('button', { name: 'Start the team' }).click();
    await expect(page.getByText(/ricochet:\/\/join\?server=/)).toBeVisible();
    await expect(page.getByTestId('freshness')).toHaveText('live');
    await web.stop();
    web = await startWeb(profile);
    await page.goto(web.url);
    await expect(page.getByTestId('freshness')).toHaveText('live');
    await expect(page.getByTestId('member-Ana Lopez')).toBeVisible();
  } finally {
    await web.stop();
  }
});
