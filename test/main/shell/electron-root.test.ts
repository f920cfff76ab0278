// The real composition root (main/shell/index.ts) against a fake `electron` module, with a
// real desktop core and a real team server: what a person would notice, checked in CI.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/ipc-channels';
import type { RunningShell } from '../../../main/shell/index';
import { ConfigFile } from '../../../main/profile/config-file';
import { KeychainSecretStore } from '../../../main/shell/keychain-secret-store';
import { fakeElectron } from '../../support/fake-electron';
import { freePort } from '../../support/free-port';
import { teamServer } from '../../support/team-server';
import { waitFor } from '../../support/wait-for';

const root = join(import.meta.dirname, '../../..');
const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeElectron> }));
vi.mock('electron', () => fake.current.module);
vi.mock('electron-updater', () => ({ default: { autoUpdater: fake.current.updater } }));

const profile = mkdtempSync(join(tmpdir(), 'ricochet-shell-'));
const configHome = mkdtempSync(join(tmpdir(), 'ricochet-xdg-'));
const appPage = pathToFileURL(join(root, 'main/renderer/index.html')).href;
let shell: RunningShell;
let team: Awaited<ReturnType<typeof teamServer>>;
const env = { ...process.env };

/** An IPC call as the app's own page makes it. */
const call = (channel: string, payload: unknown = {}, url = appPage) =>
  fake.current.handlers.get(channel)!({ senderFrame: { url } }, payload) as Promise<never>;

beforeAll(async () => {
  team = await teamServer('sqlite');
  // Settings made before the app starts (a hotkey chosen last time) are the ones it uses.
  // Working every hour of every day: the ask below is delivered at once whatever the real clock says.
  new ConfigFile(profile).update((c) => ({
    ...c,
    hotkey: 'Alt+Shift+R',
    tz: 'UTC',
    hours: 'mon-sun 00:00-24:00',
  }));
  process.env['XDG_CONFIG_HOME'] = configHome;
  process.env['APPIMAGE'] = '/opt/Ricochet.AppImage';
  delete process.env['RICOCHET_PROFILE'];
  fake.current = fakeElectron({ userData: profile, refuse: ['Ctrl+Alt+Delete', 'Ctrl+Alt+End'] });
  // As Electron starts it: the entry (launch.ts) turns on the compile cache, then loads the root.
  await import('../../../main/shell/launch');
  const { running } = await import('../../../main/shell/index');
  shell = (await running)!;
  expect(shell).toBeDefined();
});

afterAll(async () => {
  await shell?.session.shutdown();
  await team?.server.close();
  Object.assign(process.env, env);
  if (!env['APPIMAGE']) delete process.env['APPIMAGE'];
  if (!env['XDG_CONFIG_HOME']) delete process.env['XDG_CONFIG_HOME'];
});

describe('the Electron app, started by its real entry', () => {
  it('serves every channel of the IPC contract, and only to the app’s own page', async () => {
    expect([...fake.current.handlers.keys()].sort()).toEqual([...ipcChannels].sort());
    await expect(call('settings:get', {}, 'file:///tmp/evil.html')).rejects.toThrow('untrusted sender');
    expect(((await call('settings:get')) as { tz: string }).tz).toBe('UTC');
  });

  it('registers the hotkey from Settings, and again when it changes there', async () => {
    expect([...fake.current.shortcuts.keys()]).toEqual(['Alt+Shift+R']);
    await call('settings:update', { hotkey: 'Alt+Shift+P' });
    await waitFor(() => fake.current.shortcuts.has('Alt+Shift+P'));
    expect([...fake.current.shortcuts.keys()]).toEqual(['Alt+Shift+P']);
    // Refused by the system: said in words, and the previous hotkey keeps working.
    await call('settings:update', { hotkey: 'Ctrl+Alt+Delete' });
    await waitFor(() => fake.current.notifications.some((n) => n.body.includes('Ctrl+Alt+Delete')));
    expect([...fake.current.shortcuts.keys()]).toEqual(['Alt+Shift+P']);
    const menu = JSON.stringify(fake.current.trays[0]!.menu!.template.map((i) => i.label));
    expect(menu).toContain('Quick post');
    // In French, the refusal is said in French.
    await call('settings:update', { locale: 'fr', hotkey: 'Ctrl+Alt+End' });
    await waitFor(() =>
      fake.current.notifications.some((n) => n.body.startsWith('Le système a refusé Ctrl+Alt+End')),
    );
    expect([...fake.current.shortcuts.keys()]).toEqual(['Alt+Shift+P']);
    await call('settings:update', { locale: 'en', hotkey: 'Alt+Shift+P' });
  });

  it('a hotkey set by the CLI while the app runs is registered within moments', async () => {
    new ConfigFile(profile).update((c) => ({ ...c, hotkey: 'Alt+Shift+K' }));
    await waitFor(() => fake.current.shortcuts.has('Alt+Shift+K'), 5_000);
    expect(fake.current.shortcuts.has('Alt+Shift+P')).toBe(false);
  });

  // That the built app finds this preload: built-app.test.ts.
  it('the hotkey opens the quick-post box, hardened', async () => {
    fake.current.shortcuts.get('Alt+Shift+K')!();
    const quick = fake.current.windows.find((w) => w.loaded.hash === 'view=quick-post')!;
    expect(quick).toBeDefined();
    const prefs = quick.options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('the tray follows live data: my state, teammates with their until-times', async () => {
    await call('team:join', {
      server: team.url,
      invite: team.team.invite,
      name: 'Cleo',
      email: 'cleo@acme.test',
    });
    await team.admin.api('PUT', '/v1/me/status', { state: 'dnd', text: 'Incident' });
    const labels = () => JSON.stringify(shell.trayModel()?.menu);
    await waitFor(() => labels().includes('Ana — Do not disturb'), 10_000);
    // The tray is redrawn just after the model changes: wait for it rather than race it.
    await waitFor(() => /of 2 free/.test(fake.current.trays[0]!.tooltip));
    expect(fake.current.trays[0]!.tooltip).toMatch(/of 2 free/);
    // An ask to me, delivered while I am free, is counted in the tray as in the Me tab.
    const me = shell.session.core.reads.me!.id;
    await team.admin.api('POST', '/v1/asks', {
      id: randomUUID(),
      to: me,
      text: 'Got a minute for the invoice bug?',
    });
    await waitFor(() => labels().includes('1 ask waiting'), 10_000);
    await call('post:create', { text: '/focus 1h Writing' });
    await waitFor(() => shell.trayModel()?.icon === 'focus');
    await waitFor(() => /^Focusing until/.test(fake.current.trays[0]!.tooltip));
    expect(fake.current.trays[0]!.tooltip).toMatch(/^Focusing until/);
    expect(fake.current.trays[0]!.image).toBeDefined();
    // All of it went through Chromium's network stack (system proxy, PAC, OS certificates).
    expect(fake.current.network.fetched.some((url) => url.startsWith(`${team.url}/v1/`))).toBe(true);
    expect(fake.current.network.resolved).toContain(`${team.url}/v1/stream`);
  });

  it('a click on a notification opens the board at what it is about (an ask: the Me view)', async () => {
    const note = fake.current.notifications.find((n) => n.title === 'Ana asks you')!;
    expect(note).toBeDefined();
    const board = fake.current.windows.find((w) => !w.loaded.hash);
    board?.hide();
    note.click!();
    const shown = fake.current.windows.find((w) => !w.loaded.hash)!;
    expect(shown.visible).toBe(true);
    expect(shown.sent).toContainEqual({ channel: 'core:open', payload: { view: 'me' } });
    shown.hide();
  });

  it('signed in, it looks for updates on the team server; "Restart to update" waits for the post being typed', async () => {
    const { updater } = fake.current;
    await waitFor(() => updater.checks > 0);
    expect(updater.feeds.at(-1)).toEqual({ provider: 'generic', url: `${team.url}/updates/` });
    updater.emit('update-downloaded', { version: '0.2.0' });
    const restart = () =>
      fake.current.trays[0]!.menu?.template.find((item) => item.label === 'Restart to update (0.2.0)');
    await waitFor(() => !!restart());
    shell.windows.openQuickPost(); // as the hotkey does: a post is being typed
    restart()!.click!({} as never, undefined, {} as never);
    expect(updater.installs).toBe(0);
    fake.current.windows.find((w) => w.loaded.hash === 'view=quick-post' && !w.destroyed)!.close();
    restart()!.click!({} as never, undefined, {} as never);
    expect(updater.installs).toBe(1);
    // Settings offers the same, through the same IPC every window uses.
    expect(await call('app:update')).toEqual({ ready: '0.2.0' });
    expect(await call('app:restartToUpdate')).toEqual({ restarting: true });
    expect(updater.installs).toBe(2);
  });

  it('the token and a meeting title written through the shell’s and the core’s logs never reach the file', async () => {
    const token = new KeychainSecretStore(fake.current.module.safeStorage as never, profile).get('token')!;
    expect(token.length).toBeGreaterThan(10);
    fake.current.updater.emit(
      'error',
      new Error(`${team.url}/updates/latest.yml?access_token=${token}: 502`),
    );
    shell.session.core.log.error(`pull refused for Bearer ${token} while reading "Board review"`);
    const file = join(profile, 'logs', 'ricochet.log');
    await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').includes('pull refused'));
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('update check failed');
    expect(written).not.toContain(token);
    expect(written).not.toContain('Board review');
  });

  it('the tray’s Help: the logs folder opens, and diagnostics are copied, without secrets', async () => {
    const help = () =>
      fake.current.trays[0]!.menu!.template.find((item) => item.label === 'Help')!
        .submenu as Electron.MenuItemConstructorOptions[];
    const click = (label: string) =>
      help().find((i) => i.label === label)!.click!({} as never, undefined, {} as never);
    click('Open logs folder');
    await waitFor(() => fake.current.opened.length > 0);
    expect(fake.current.opened).toEqual([join(profile, 'logs')]);
    click('Copy diagnostics');
    await waitFor(() => fake.current.clipboard.length > 0);
    const [text] = fake.current.clipboard;
    expect(text).toMatch(/^Ricochet 0\.0\.0-test \(electron\)/);
    expect(text).toContain(`Team: ${team.url} as `);
    expect(text).toContain('update check failed'); // the last problems, from the log
    expect(text).not.toContain(
      new KeychainSecretStore(fake.current.module.safeStorage as never, profile).get('token')!,
    );
    await waitFor(() => fake.current.notifications.some((n) => n.body.startsWith('Diagnostics copied')));
  });

  it('the popover opens where it was left (electron-store), and beside the tray on a screen that is gone', async () => {
    fake.current.trays[0]!.emit('click');
    const board = fake.current.windows.find((w) => !w.loaded.hash)!;
    expect(board.visible).toBe(true);
    const besideTray = board.getBounds();
    expect(besideTray.y + besideTray.height).toBeLessThanOrEqual(1040); // above the taskbar
    board.dragTo(300, 200);
    fake.current.trays[0]!.emit('click'); // closes it
    expect(board.visible).toBe(false);
    // Kept in the app's own file, not in the settings the CLI shares.
    const saved = JSON.parse(readFileSync(join(profile, 'window-state.json'), 'utf8'));
    expect(saved.popover).toEqual({ x: 300, y: 200, width: 440, height: 640 });
    expect(JSON.parse(readFileSync(join(profile, 'config.json'), 'utf8')).popover).toBeUndefined();
    fake.current.trays[0]!.emit('click');
    expect(board.getBounds()).toMatchObject({ x: 300, y: 200 });
    // Left on a monitor that is unplugged since: it opens beside the tray again.
    board.dragTo(5000, 200);
    fake.current.trays[0]!.emit('click');
    fake.current.trays[0]!.emit('click');
    expect(board.getBounds()).toMatchObject({ x: besideTray.x, y: besideTray.y });
    fake.current.trays[0]!.emit('click');
  });

  it('a ricochet://join link opens the join form with its server and code', async () => {
    const link = 'ricochet://join?server=http%3A%2F%2F192.168.1.20%3A8787&code=abcdefgh1234';
    fake.current.app.emit('second-instance', {}, ['/opt/ricochet', link]);
    const board = fake.current.windows.find((w) => !w.loaded.hash);
    expect(board?.visible).toBe(true);
    expect(await call('join:pending')).toEqual({
      link: { server: 'http://192.168.1.20:8787', code: 'abcdefgh1234' },
    });
    expect(await call('join:pending')).toEqual({ link: null }); // taken once
    // With the board already open, its page is told to read the new link at once.
    fake.current.app.emit('second-instance', {}, ['/opt/ricochet', link]);
    expect(board?.sent.some((m) => m.channel === 'core:join-link')).toBe(true);
  });

  it('compiled code is cached in the profile where the runtime can (Node 22 and later, as in Electron)', () => {
    const canCache =
      typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    expect(existsSync(join(profile, 'compile-cache'))).toBe(canCache);
  });

  it('crash dumps are kept on this computer, uploaded nowhere', () => {
    expect(fake.current.crashes).toEqual([{ submitURL: '', uploadToServer: false, compress: true }]);
  });

  it('launching the app again shows the board; in dark mode no window flashes white', () => {
    const board = fake.current.windows.find((w) => !w.loaded.hash)!;
    board.hide();
    fake.current.app.emit('second-instance', {}, ['/opt/ricochet']);
    expect(board.visible).toBe(true);
    for (const win of fake.current.windows) expect(win.options.backgroundColor).toBe('#15161a');
  });

  it('open at login is off while developing, and a setting; inside an AppImage it starts the AppImage', async () => {
    const entry = join(configHome, 'autostart', 'ricochet.desktop');
    expect(existsSync(entry)).toBe(false);
    await call('settings:update', { openAtLogin: true });
    await waitFor(() => existsSync(entry));
    expect(readFileSync(entry, 'utf8')).toContain('Exec=/opt/Ricochet.AppImage --hidden');
  });

  it('quit waits for the team server this computer hosts to close', async () => {
    await call('team:leave');
    const port = await freePort();
    const started = (await call('team:start', {
      teamName: 'Atelier',
      name: 'Cleo',
      email: 'cleo@a.test',
      port,
    })) as {
      link: string;
    };
    expect(started.link).toContain(`127.0.0.1%3A${port}`);
    const exited = new Promise<number>((resolve) => fake.current.app.once('exited', resolve));
    fake.current.app.quit();
    expect(await exited).toBe(0);
    const refused = await new Promise<boolean>((resolve) =>
      connect(port, '127.0.0.1')
        .on('connect', () => resolve(false))
        .on('error', () => resolve(true)),
    );
    expect(refused).toBe(true);
  });
});
