// Composition root of the Electron app (loaded by launch.ts): it only wires Electron objects to the desktop
// session and to the shell's logic (which takes them as arguments, so it runs under vitest;
// this file itself runs in CI against a fake `electron` module).
import {
  app,
  BrowserWindow,
  clipboard,
  crashReporter,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  nativeTheme,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import Store from 'electron-store';
import electronUpdater from 'electron-updater';
import { translate } from '../../shared/i18n/translate';
import type { OpenTarget } from '../../shared/ipc-contract';
import type { DesktopSession } from '../session/desktop-session';
import type { AppServices, CoreHandlers, DesktopCore } from '../core/index';
import { firstGlance } from '../core/first-glance';
import { devRendererUrl, isAppUrl, lockSession, lockWebContents } from './app-security';
import { applyAppIdentity } from './app-identity';
import { createAppUpdates, updateFeed } from './app-updates';
import { watchCrashes } from './crash-watch';
import { createHotkeyController } from './hotkey-controller';
import { linkInArgs, parseJoinLink } from './join-link';
import { applyOpenAtLogin } from './login-item';
import { createWindows, preloadPath, rendererFile } from './shell-windows';
import { createTrayUpdater } from './tray-updater';
import { windowStateOptions, type WindowState } from './window-state';

const rendererUrl = devRendererUrl(app.isPackaged, process.env);
const here = import.meta.dirname;

const single = app.requestSingleInstanceLock();
if (!single) app.quit();
app.setAsDefaultProtocolClient('ricochet');
// Set on the way out, so the board's close is no longer turned into a hide.
let quitRequested = false;
app.on('before-quit', () => (quitRequested = true));
// A tray app keeps running with no window open.
app.on('window-all-closed', () => {});

/** What the running shell holds, for the quit path and for tests. */
export interface RunningShell {
  session: DesktopSession;
  windows: ReturnType<typeof createWindows>;
  hotkey: ReturnType<typeof createHotkeyController>;
  tray: Tray;
  /** What the tray shows now (icon state, tooltip, menu). */
  trayModel: () => ReturnType<typeof createTrayUpdater>['model'];
  /** The preload script the windows load. */
  preload: string;
}

async function start(): Promise<RunningShell> {
  // Until the core's log file is open, problems go to the console.
  let logError = (message: string) => console.error(`ricochet: ${message}`);
  watchCrashes({
    crashReporter,
    app,
    process,
    submitUrl: process.env['RICOCHET_CRASH_URL'],
    log: (message) => logError(message),
    exit: (code) => app.exit(code),
  });
  await app.whenReady();
  lockSession(session.defaultSession);
  const profileDir = app.getPath('userData');
  const systemLocale = app.getLocale();
  const systemRegion = app.getSystemLocale();
  // The tray's first glance, from the cache: a cache that cannot be read leaves it to the core.
  const first = (() => {
    try {
      return firstGlance(profileDir, { systemLocale, systemRegion, now: Date.now() });
    } catch (error) {
      logError(`the first glance could not be read: ${(error as Error).message}`);
      return null;
    }
  })();
  const tray = new Tray(nativeImage.createEmpty());
  let coreReady: (ready: { core: DesktopCore; api: CoreHandlers }) => void = () => {};
  const ready = new Promise<{ core: DesktopCore; api: CoreHandlers }>((resolve) => (coreReady = resolve));
  const page = rendererFile(here);
  app.on('web-contents-created', (_e, contents) => lockWebContents(contents, shell, rendererUrl, page));
  applyAppIdentity(app, process.platform);
  // A click on a notification opens the board at what it is about (once the tray exists).
  let opened = (_open: OpenTarget | undefined) => {};
  const notify = (title: string, body: string, open?: OpenTarget) => {
    if (!Notification.isSupported()) return;
    const note = new Notification({ title, body });
    note.on('click', () => opened(open));
    note.show();
  };
  const windows = createWindows({
    BrowserWindow,
    screen,
    shell,
    preload: preloadPath(here),
    rendererUrl,
    rendererFile: page,
    // Focus goes back to the app the person was in: on macOS that needs the app hidden.
    dark: () => nativeTheme.shouldUseDarkColors,
    quitting: () => quitRequested,
    onQuickPostClosed: () => process.platform === 'darwin' && app.hide(),
    state: new Store<WindowState>(windowStateOptions),
  });
  const appServices: AppServices = {
    openFolder: async (path) => {
      const failed = await shell.openPath(path);
      if (failed) throw new Error(`the folder could not be opened: ${failed}`);
    },
    copyText: (text) => clipboard.writeText(text),
  };
  const trayUpdater = createTrayUpdater({
    tray,
    menu: Menu,
    images: nativeImage,
    platform: process.platform,
    session: ready,
    first,
    open: {
      board: () => windows.toggleBoard(tray),
      quickPost: () => windows.openQuickPost(),
      quit: () => app.quit(),
    },
    notify: (body) => notify('Ricochet', body),
  });
  // The core (calendars, sync, IPC) loads once the tray shows its first glance.
  const [{ startDesktopSession }, { useChromiumNetwork }, { registerIpc }, { KeychainSecretStore }] =
    await Promise.all([
      import('../session/desktop-session'),
      import('../core/index'),
      import('./ipc-router'),
      import('./keychain-secret-store'),
    ]);
  const secrets = new KeychainSecretStore(safeStorage, profileDir);
  // Chromium's network: the system's proxy settings and PAC file, and the OS's certificates.
  useChromiumNetwork({
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
  });
  const desktop = await startDesktopSession({
    profileDir,
    secrets,
    info: {
      version: app.getVersion(),
      platform: process.platform,
      mode: 'electron',
      packaged: app.isPackaged,
    },
    notify,
    broadcast: (event, payload) => windows.send(event, payload),
    // Problems go to the log file; while developing, to the console as well.
    ...(app.isPackaged ? {} : { onError: (message: string) => console.error(`ricochet: ${message}`) }),
    app: appServices,
    // The windows, tray, notifications and asks all speak the session's one language.
    systemLocale,
    systemRegion,
    // "Connect Microsoft 365" and "Connect Google" sign in in the person's own browser.
    openBrowser: async (url) => {
      // A sign-in page, never another scheme (file:, a custom protocol).
      if (!/^https?:\/\//i.test(url)) throw new Error(`not a web address: ${url}`);
      await shell.openExternal(url);
    },
  });
  const { core, api } = desktop;
  coreReady(desktop);
  logError = (message) => core.log.error(message);
  const locale = () => core.reads.locale;
  registerIpc(ipcMain, api, (url) => isAppUrl(url, rendererUrl, page));
  if (secrets.weak) notify('Ricochet', translate(locale(), 'keychain.weak'));

  opened = (open) => {
    windows.showBoard(tray);
    if (open) windows.send('core:open', open);
  };
  const updates = createAppUpdates({
    updater: electronUpdater.autoUpdater,
    feedUrl: () => updateFeed(core.reads.identity?.server, process.env),
    typing: () => windows.typing(),
    onChange: () => {
      void trayUpdater.refresh();
      windows.send('core:changed'); // Settings shows "Restart to update" too
    },
    log: (message) => logError(message),
  });
  appServices.update = {
    get ready() {
      return updates.state.kind === 'ready' ? updates.state.version : undefined;
    },
    restart: () => updates.restart(),
  };
  updates.start();

  const hotkey = createHotkeyController(
    globalShortcut,
    () => windows.openQuickPost(),
    (message) => notify('Ricochet', message),
    locale,
  );
  const loginItem = { app, platform: process.platform, execPath: process.execPath, env: process.env };
  let openAtLogin = core.reads.config.openAtLogin;
  hotkey.apply(core.reads.config.hotkey);
  applyOpenAtLogin(loginItem, openAtLogin);
  // Settings changed here, in another window or by the CLI: what they govern follows.
  core.on('changed', () => {
    hotkey.apply(core.reads.config.hotkey);
    if (core.reads.config.openAtLogin !== openAtLogin)
      applyOpenAtLogin(loginItem, (openAtLogin = core.reads.config.openAtLogin));
    void trayUpdater.refresh();
    updates.feedChanged();
  });

  if (process.env['RICOCHET_OPEN_BOARD']) windows.toggleBoard(tray);
  powerMonitor.on('resume', () => core.commands.resync());
  powerMonitor.on('unlock-screen', () => core.commands.resync());
  const openLink = (link: string | undefined) => {
    const join = link ? parseJoinLink(link) : undefined;
    if (!join) return;
    if ('error' in join) return notify('Ricochet', `This link cannot be opened: ${join.error}.`);
    desktop.openJoinLink(join);
    windows.showBoard(tray);
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  // Launching the app again (a link, or the Start menu while it runs) shows the board.
  app.on('second-instance', (_e, argv) => {
    const link = linkInArgs(argv);
    if (link) openLink(link);
    else windows.showBoard(tray);
  });
  openLink(linkInArgs(process.argv));

  // Quit waits for the hosted team server and the cache to close.
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    trayUpdater.stop();
    updates.stop();
    globalShortcut.unregisterAll();
    void desktop.shutdown().finally(() => app.exit(0));
  });
  await trayUpdater.refresh();
  return {
    session: desktop,
    windows,
    hotkey,
    tray,
    trayModel: () => trayUpdater.model,
    preload: preloadPath(here),
  };
}

/** Resolves once the app is up (tests await it); a failure to start is said and ends the app. */
export const running: Promise<RunningShell | undefined> = single
  ? start().catch((error: Error) => {
      console.error(`ricochet: could not start: ${error.message}`);
      app.exit(1);
      return undefined;
    })
  : Promise.resolve(undefined);
