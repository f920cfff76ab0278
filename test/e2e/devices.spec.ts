// A second computer, as a person does it: "Add a device" on the first shows a code, the second
// (a new profile, in French) signs in with it and starts from the person's zone and hours, and
// the first can sign it out.
import { hostname } from 'node:os';
import { expect, test } from './shared-clock';
import { ConfigFile } from '../../main/profile/config-file';
import { emptyProfile, joinedProfile, startTeam, startWeb } from './fixtures';

const shots = 'test-results/screenshots';

test('add a device with a code; it brings my zone and hours; sign it out from the first', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const team = await startTeam();
  const laptopProfile = await joinedProfile(team.url, team.team.invite, 'Kenji', (dir) =>
    new ConfigFile(dir).update((c) => ({ ...c, tz: 'Asia/Tokyo', hours: 'tue-sat 10:00-19:00' })),
  );
  const laptop = await startWeb(laptopProfile);
  const desk = await startWeb(emptyProfile(), [], { lang: 'fr_FR.UTF-8' });
  const context = await browser.newContext({ viewport: { width: 440, height: 640 } });
  try {
    const first = await context.newPage();
    await first.goto(laptop.url);
    await first.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const devices = first.getByRole('list', { name: 'Devices' });
    await expect(devices.getByRole('listitem')).toHaveCount(1);
    await expect(devices).toContainText(`${hostname()} (this computer)`);
    await first.getByRole('button', { name: 'Add a device' }).click();
    const shown = first.locator('.device-code');
    await expect(shown).toContainText('It works once, until');
    await expect(shown).toContainText(`ricochet login --server ${team.url}`);
    const code = (await shown.locator('code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await shown.scrollIntoViewIfNeeded();
    await first.screenshot({ path: `${shots}/devices-popover-light-en.png` });

    // The new computer: its first run, in French; "plus tard", then Réglages.
    const second = await context.newPage();
    await second.goto(desk.url);
    await second.getByRole('button', { name: 'Plus tard' }).click();
    await second.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click();
    const form = second.getByRole('form', { name: 'Se connecter avec un code' });
    await expect(form).toContainText('Vous utilisez déjà Ricochet sur un autre ordinateur ?');
    await form.getByLabel('Adresse du serveur').fill(team.url);
    await form.getByLabel('Code').fill(code.toLowerCase());
    await second.screenshot({ path: `${shots}/device-sign-in-popover-light-fr.png` });
    await form.getByRole('button', { name: 'Se connecter avec un code' }).click();
    await expect(second.getByText('Membre de l’organisation Acme')).toBeVisible();
    // Kenji's zone and hours, not this computer's defaults.
    await expect(second.getByLabel('Fuseau horaire')).toHaveValue('Asia/Tokyo');
    await expect(second.getByLabel('Horaires de travail')).toHaveValue('tue-sat 10:00-19:00');
    const onServer = (await team.admin()('GET', '/v1/board')).body.members.find(
      (m: { name: string }) => m.name === 'Kenji',
    );
    expect(onServer.profile.timezone).toBe('Asia/Tokyo');

    // Back on the laptop: two devices; signing the other one out stops it.
    await first.reload();
    await first.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(devices.getByRole('listitem')).toHaveCount(2);
    await devices
      .getByRole('listitem')
      .nth(1)
      .getByRole('button', { name: /^Sign out/ })
      .click();
    await expect(devices.getByRole('listitem')).toHaveCount(1);
    await second.getByRole('navigation').getByRole('button', { name: 'Équipe' }).click();
    await second.reload();
    await expect(
      second.getByText('vous ne faites plus partie de cette équipe', { exact: false }),
    ).toBeVisible({
      timeout: 20_000,
    });
  } finally {
    await context.close();
    await laptop.stop();
    await desk.stop();
    await team.stop();
  }
});
