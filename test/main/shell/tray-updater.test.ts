// The tray says what the Me view says about me, alone as in a team: on a Saturday morning it
// says I am off until Monday, never "Free" (under small fakes of the Electron tray and menu).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, nativeImage } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigFile } from '../../../main/profile/config-file';
import { startDesktopSession } from '../../../main/session/desktop-session';
import { firstGlance } from '../../../main/core/first-glance';
import { createTrayUpdater, type TrayUpdaterDeps } from '../../../main/shell/tray-updater';
import { parseInstant } from '../../../shared/time/zoned-time';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function aloneInParis(locale: 'en' | 'fr') {
  const profileDir = mkdtempSync(join(tmpdir(), 'ricochet-tray-'));
  new ConfigFile(profileDir).update((c) => ({
    ...c,
    tz: 'Europe/Paris',
    hours: 'mon-fri 09:00-18:00',
    locale,
  }));
  const session = await startDesktopSession({
    profileDir,
    info: { version: 'test', platform: 'linux', mode: 'browser', packaged: false },
    notify: () => {},
    broadcast: () => {},
    publishEveryMs: 3_600_000,
  });
  cleanup.push(() => session.shutdown());
  return session;
}

/** Fakes of Electron's tray, menu and images that keep what the tray shows. */
function fakeTray() {
  const shown = { tooltip: '', menu: [] as MenuItemConstructorOptions[] };
  const tray = {
    setImage: () => {},
    setTitle: () => {},
    setToolTip: (text: string) => void (shown.tooltip = text),
    setContextMenu: (menu: unknown) =>
      void (shown.menu = (menu as { template: MenuItemConstructorOptions[] }).template),
    popUpContextMenu: () => {},
    on: () => {},
  } as unknown as TrayUpdaterDeps['tray'];
  const menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
  } as unknown as Pick<typeof Menu, 'buildFromTemplate'>;
  const images = { createFromBuffer: () => ({}) } as unknown as Pick<typeof nativeImage, 'createFromBuffer'>;
  return { shown, tray, menu, images, platform: 'linux' as const };
}

/** The tray at a fixed instant: what it shows, through fakes of Electron's tray, menu and images. */
async function trayAt(session: Awaited<ReturnType<typeof aloneInParis>>, now: number) {
  const { shown, ...fakes } = fakeTray();
  const updater = createTrayUpdater({
    ...fakes,
    session: Promise.resolve(session),
    open: { board: () => {}, quickPost: () => {}, quit: () => {} },
    now: () => now,
  });
  cleanup.push(() => updater.stop());
  const model = (await updater.refresh())!;
  return { model, shown, me: await session.core.reads.myDay(now) };
}

describe('the tray, alone', () => {
  it('on a Saturday morning: off until Monday, as the Me view says', async () => {
    const session = await aloneInParis('en');
    const saturday = parseInstant('2026-03-14T09:30:00Z'); // Saturday 10:30 in Paris
    const { model, shown, me } = await trayAt(session, saturday);
    expect(model.icon).toBe('off');
    expect(shown.tooltip).toBe('Off, back Mon 09:00');
    expect(shown.menu[0]!.label).toBe(me.label);
    // Its next redraw is Monday 09:00, when the label changes.
    expect(model.nextChange).toBe(parseInstant('2026-03-16T08:00:00Z'));
  });

  it('in working hours: free, and in French when French is chosen', async () => {
    const session = await aloneInParis('fr');
    const tuesday = parseInstant('2026-03-10T10:00:00Z'); // Tuesday 11:00 in Paris
    const { model, shown, me } = await trayAt(session, tuesday);
    expect(model.icon).toBe('free');
    expect(shown.tooltip).toBe(me.label);
    expect(shown.tooltip).toMatch(/^Disponible/);
  });
});

describe('the tray at launch', () => {
  it('shows the first glance before the core has loaded; a click on it waits for the core, then acts', async () => {
    const session = await aloneInParis('en');
    const tuesday = parseInstant('2026-03-10T10:00:00Z'); // Tuesday 11:00 in Paris
    const glance = firstGlance(session.core.dir, { systemLocale: 'en', systemRegion: 'en-GB', now: tuesday });
    let loaded: (core: typeof session) => void = () => {};
    const { shown, ...fakes } = fakeTray();
    const updater = createTrayUpdater({
      ...fakes,
      session: new Promise((resolve) => (loaded = resolve)),
      first: glance,
      open: { board: () => {}, quickPost: () => {}, quit: () => {} },
      now: () => tuesday,
    });
    cleanup.push(() => updater.stop());
    // At once, with no core: the state the Me view will say.
    expect(shown.tooltip).toBe((await session.core.reads.myDay(tuesday)).label);
    expect(shown.tooltip).toMatch(/^Free/);
    const pause = shown.menu.find((item) => item.label === 'Pause publishing')!;
    pause.click!({} as never, undefined, {} as never);
    expect(session.core.reads.config.pausePublishing).toBe(false); // no core yet: it waits
    loaded(session);
    await vi.waitFor(() => expect(session.core.reads.config.pausePublishing).toBe(true));
    // The core's own tray follows, with publishing ticked as paused.
    await vi.waitFor(() =>
      expect(shown.menu.find((item) => item.label === 'Pause publishing')!.checked).toBe(true),
    );
  });
});
