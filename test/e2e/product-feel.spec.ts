/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { expect, test, newContext } from './shared-clock';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { emptyProfile, startWeb } from './fixtures';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });
const views = [
  ['board', 'Team', 'Équipe'],
  ['feed', 'Feed', 'Fil'],
  ['me', 'Me', 'Moi'],
  ['find-time', 'Find a time', 'Créneaux'],
  ['settings', 'Settings', 'Réglages'],
] as const;
const sizes = { popover: { width: 380, height: 560 }, full: { width: 1280, height: 800 } } as const;

let web: Awaited<ReturnType<typeof startWeb>>;
/** The same demo on a French system with no language chosen: everything it shows is French. */
let webFr: Awaited<ReturnType<typeof startWeb>>;
test.beforeAll(async () => {
  web = await startWeb(emptyProfile(), ['--demo']);
  webFr = await startWeb(emptyProfile(), ['--demo'], { lang: 'fr_FR.UTF-8' });
});
test.afterAll(async () => Promise.all([web?.stop(), webFr?.stop()]));

async function noHorizontalOverflow(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

test('the demo team at popover size: the first person within 150 px of the top, at least 10 fully visible, one line each, nothing overflows', async ({
  page,
}) => {
  await page.setViewportSize(sizes.popover);
  await page.goto(web.url);
  const board = page.getByRole('list', { name: 'Team' });
  await expect(board.getByRole('listitem')).toHaveCount(11);
  const visible = await board.getByRole('listitem').evaluateAll((items) =>
    items.filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
    }),
  );
  expect(visible.length).toBeGreaterThanOrEqual(10);
  // The chrome above the first person stays short.
  const firstTop = await board
    .getByRole('listitem')
    .first()
    .evaluate((li) => li.getBoundingClientRect().top);
  expect(firstTop).toBeLessThanOrEqual(150);
  // One line: every row is as tall as one line of the list.
  const heights = await board
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(48);
  await expect(page.getByRole('note')).toContainText('Demo team');
  await noHorizontalOverflow(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
  // Details and actions on opening a row, not repeated on every line.
  await expect(page.getByRole('button', { name: 'Notify me when free' })).toHaveCount(0);
  await board.getByRole('button', { name: /^Mathieu Roux/ }).click();
  // The demo fits the hour: Mathieu (Paris, Mon-Fri 10:00-19:00) is releasing only at work.
  const paris = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(Date.now())
      .map((p) => [p.type, p.value]),
  );
  const atWork =
    !['Sat', 'Sun'].includes(paris['weekday']!) && Number(paris['hour']) >= 10 && Number(paris['hour']) < 19;
  if (atWork) {
    await expect(page.getByTestId('status-text')).toContainText('Release in progress');
    // Why, in order: his do-not-disturb, set by him, then when he is free.
    await expect(page.getByTestId('member-why')).toContainText(
      /^Why: Do not disturb until .* \(set by Mathieu Roux\)/,
    );
  } else {
    await expect(page.getByTestId('status-text')).toHaveCount(0);
    await expect(page.getByTestId('member-why')).toContainText(/^Why: Outside working hours/);
  }
  await expect(page.getByRole('button', { name: 'Notify me when free' })).toHaveCount(1);
});

for (const width of [360, 380, 1280])
  for (const lang of ['en', 'fr'] as const)
    test(`no state is cut before its time at ${width} px, ${lang}; wide, what each person is on`, async ({
      browser,
    }) => {
      const context = await newContext(browser, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(lang === 'fr' ? webFr.url : web.url);
      const rows = page.getByRole('list', { name: lang === 'fr' ? 'Équipe' : 'Team' }).getByRole('listitem');
      await expect(rows).toHaveCount(11);
      const cut = await rows.evaluateAll((items) =>
        items.flatMap((li) => {
          const label = li.querySelector<HTMLElement>('.member-label')!;
          const r = label.getBoundingClientRect();
          const row = li.getBoundingClientRect();
          const whole = label.scrollWidth <= label.clientWidth + 1 && r.right <= row.right + 1;
          return whole && r.right <= window.innerWidth ? [] : [label.textContent];
        }),
      );
      expect(cut).toEqual([]);
      await noHorizontalOverflow(page);
      // The tools shorten their words by design: the search's hint and the toggle's label are whole.
      const tools = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.toolbar input[type=search]')!;
        const style = getComputedStyle(input);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'pre';
        probe.textContent = input.placeholder;
        document.body.append(probe);
        const hint = probe.getBoundingClientRect().width;
        probe.remove();
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const toggle = [...document.querySelectorAll<HTMLElement>('.toolbar-word, .toolbar-short')].find(
          (el) => el.offsetParent !== null,
        )!;
        return {
          hintFits: hint <= room + 1,
          toggle: toggle.textContent,
          toggleRight: toggle.getBoundingClientRect().right,
          toggleLines: toggle.getClientRects().length,
        };
      });
      expect(tools.hintFits).toBe(true);
      expect(tools.toggleRight).toBeLessThanOrEqual(width);
      expect(tools.toggleLines).toBe(1);
      expect(tools.toggle).not.toMatch(/^(Free|Dispo)$/);
      const on = page.getByTestId('member-on').filter({ hasText: /\S/ });
      if (width >= 1280) {
        // Status texts and posts, with the age of a post.
        await expect(on.first()).toBeVisible();
        expect(await on.count()).toBeGreaterThanOrEqual(5);
      } else await expect(on.first()).toBeHidden();
      await context.close();
    });

for (const [view, en, fr] of views)
  for (const [size, viewport] of Object.entries(sizes))
    for (const scheme of ['light', 'dark'] as const)
      for (const lang of ['en', 'fr'] as const)
        test(`${view} at ${size} size, ${scheme}, ${lang}: saved, nothing overflows at 360 px`, async ({
          browser,
        }) => {
          const context = await newContext(browser, {
            viewport,
            colorScheme: scheme,
            locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
          });
          const page = await context.newPage();
          await page.goto(lang === 'fr' ? webFr.url : web.url);
          await page
            .getByRole('navigation')
            .getByRole('button', { name: lang === 'fr' ? fr : en, exact: true })
            .click();
          await expect(page.getByRole('main')).toBeVisible();
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${shots}/${view}-${size}-${scheme}-${lang}.png` });
          if (size === 'popover') {
            await page.setViewportSize({ width: 360, height: 560 });
            await noHorizontalOverflow(page);
          }
          await context.close();
        });

test('onboarding offers a demo team; removing it brings the first run back', async ({ page }) => {
  const fresh = await startWeb(emptyProfile());
  try {
    await page.setViewportSize(sizes.popover);
    await page.goto(fresh.url);
    await page.screenshot({ path: `${shots}/onboarding-popover-light-en.png` });
    await noHorizontalOverflow(page);
    await page.getByRole('button', { name: 'Try it with a demo team' }).click();
    await expect(page.getByRole('list', { name: 'Team' }).getByRole('listitem')).toHaveCount(11, {
      timeout: 15_000,
    });
    await page.getByRole('button', { name: 'Remove the demo team' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Ricochet' })).toBeVisible();
  } finally {
    await fresh.stop();
  }
});

test('errors show next to what they concern; the profile shows role, skills and topics', async ({ page }) => {
  await page.setViewportSize(sizes.popover);
  await page.goto(web.url);
  await page
    .getByRole('list', { name: 'Team' })
    .getByRole('button', { name: /^Camille Martin/ })
    .click();
  await page.getByRole('button', { name: 'Profile' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Product designer');
  await expect(dialog.locator('.chip', { hasText: 'figma' })).toBeVisible();
  await page.screenshot({ path: `${shots}/profile-popover-light-en.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  // The zone box offers the zone names to search, the current one first.
  const names = await page
    .locator('datalist#zone-names option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(names.length).toBeGreaterThan(300);
  expect(names).toContain('America/New_York');
  expect(names[0]).toBe(await page.getByLabel('Time zone').inputValue());
  await page.getByLabel('Time zone').fill('Paris');
  await page.getByLabel('Time zone').press('Enter');
  await expect(page.locator('#settings-error-hours')).toContainText('"Paris" is not a time zone');
  // A calendar that cannot be read is refused with its reason, and can be added on purpose.
  const form = page.getByRole('form', { name: 'Add a calendar' });
  await form.getByLabel('File path, ICS address or CalDAV server').fill('/nowhere/work.ics');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('#settings-error-calendar')).toContainText('could not be read: file not found');
  await expect(page.getByText('/nowhere/work.ics')).toHaveCount(1); // only in the box, not in the list
  await form.getByRole('button', { name: 'Add anyway' }).click();
  await expect(page.getByText('work.ics', { exact: false }).first()).toBeVisible();
  await expect(page.locator('#settings-error-calendar')).toHaveCount(0);
});

test('“who knows about…” ranks by role, skills and recent tags, then who can be asked soonest', async ({
  page,
}) => {
  await page.goto(web.url);
  await page.getByRole('searchbox').fill('design');
  const first = page.getByRole('list', { name: 'Team' }).getByRole('listitem').first();
  await expect(first).toContainText('Camille'); // "Product designer", #design
  await page.getByRole('searchbox').fill('pricing');
  const names = await page.getByRole('list', { name: 'Team' }).locator('.name-full').allInnerTexts();
  expect(names.slice(0, 2).sort()).toEqual(['Jordan Lee', 'Priya Shah']); // the two with the skill
});
