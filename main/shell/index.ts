// Composition root of the Electron app: it only wires Electron objects to the core and
// to the shell's logic (which takes them as arguments, so it runs under vitest).
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { createCoreApi } from '../core/core-api';
import { startBackground } from '../core/background';
import { DesktopCore } from '../core/desktop-core';
import { resumeLocalTeam, startLocalTeam } from '../host/local-team';
import { lockSession, lockWebContents } from './app-security';
import { registerIpc } from './ipc-router';
import { linkInArgs, parseJoinLink } from './join-link';
import { setLinuxAutostart } from './linux-autostart';
import { KeychainSecretStore } from './keychain-secret-store';
import { DEFAULT_QUICK_POST_SHORTCUT, registerQuickPostShortcut } from './quick-post-shortcut';
import { createWindows, preloadPath, rendererFile } from './shell-windows';
import { applyTray } from './tray-controller';
import { trayModel, type TrayAction } from './tray-model';

const rendererUrl = process.env['ELECTRON_RENDERER_URL'];
const here = import.meta.dirname;

// Tests and portable setups choose the profile folder.
if (process.env['RICOCHET_PROFILE']) app.setPath('userData', process.env['RICOCHET_PROFILE']);
if (!app.requestSingleInstanceLock()) app.quit();
app.setAsDefaultProtocolClient('ricochet');

app.whenReady().then(async () => {
  lockSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) => lockWebContents(contents, shell, rendererUrl));
  const secrets = new KeychainSecretStore(safeStorage, app.getPath('userData'));
  const hosting: (() => Promise<void>)[] = [];
  const core = new DesktopCore(app.getPath('userData'), secrets);
  const windows = createWindows({
    BrowserWindow,
    screen,
    shell,
    preload: preloadPath(here),
    rendererUrl,
    rendererFile: rendererFile(here),
    // Focus goes back to the app the person was in: on macOS that needs the app hidden.
    onQuickPostClosed: () => process.platform === 'darwin' && app.hide(),
  });
  const notify = (title: string, body: string) =>
    Notification.isSupported() && new Notification({ title, body }).show();
  const api = createCoreApi(
    core,
    { version: app.getVersion(), platform: process.platform, mode: 'electron' },
    (memberId) => {
      const name = core.memberName(memberId) ?? 'A teammate';
      notify(`${name} is free now`, 'You asked Ricochet to tell you.');
      windows.send('core:notify', { memberId });
    },
    Date.now,
    {
      startTeam: async (input) => {
        const team = await startLocalTeam(core, input);
        hosting.push(team.stop);
        return { server: team.server, invite: team.invite, link: team.link };
      },
    },
  );
  registerIpc(ipcMain, api, (url) => (rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://')));
  if (secrets.weak)
    notify('Ricochet', 'No OS keychain found: your team token is stored with weak protection.');

  const tray = new Tray(nativeImage.createEmpty());
  let watching: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const onAction = (action: TrayAction) => {
    if (action.kind === 'post') void api['post:create']({ text: action.text });
    else if (action.kind === 'watch')
      void api['watch:free']({ memberId: action.memberId }).then((r) => ((watching = r.watching), refresh()));
    else if (action.kind === 'open-board' || action.kind === 'preferences') windows.toggleBoard(tray);
    else if (action.kind === 'quick-post') windows.openQuickPost();
    else if (action.kind === 'toggle-pause')
      core.updateConfig({ ...core.config, pausePublishing: !core.config.pausePublishing });
    else app.quit();
  };
  const refresh = async () => {
    const { members, freshness } = await api['board:get']({});
    const model = trayModel({
      members,
      now: Date.now(),
      locale: core.config.locale ?? (app.getLocale().startsWith('fr') ? 'fr' : 'en'),
      tz: core.config.tz,
      online: freshness.online,
      inTeam: freshness.inTeam,
      paused: core.config.pausePublishing,
      watching,
    });
    applyTray({ tray, menu: Menu, images: nativeImage, platform: process.platform, onAction }, model);
    clearTimeout(timer);
    // One timer at the next moment the answer changes, not a polling loop.
    if (model.nextChange)
      timer = setTimeout(refresh, Math.min(model.nextChange - Date.now() + 50, 2 ** 31 - 1));
  };
  tray.on('click', () => windows.toggleBoard(tray));
  core.on('mention', (post: { text: string; memberId: string }) => {
    const name = core.memberName(post.memberId) ?? 'A teammate';
    notify(`${name} mentioned you`, post.text);
  });
  core.on('changed', () => {
    windows.send('core:changed');
    void refresh();
  });

  const hotkey = registerQuickPostShortcut(globalShortcut, DEFAULT_QUICK_POST_SHORTCUT, () =>
    windows.openQuickPost(),
  );
  if (!hotkey.ok) notify('Ricochet', hotkey.message);

  if (process.platform === 'linux') setLinuxAutostart(true, process.execPath);
  else app.setLoginItemSettings({ openAtLogin: true });
  if (process.env['RICOCHET_OPEN_BOARD']) windows.toggleBoard(tray);
  powerMonitor.on('resume', () => core.sync?.resync());
  powerMonitor.on('unlock-screen', () => core.sync?.resync());
  const openLink = (link: string | undefined) => {
    const join = link ? parseJoinLink(link) : undefined;
    if (join && !('error' in join)) windows.toggleBoard(tray);
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  app.on('second-instance', (_e, argv) => openLink(linkInArgs(argv)));
  openLink(linkInArgs(process.argv));

  const resumed = await resumeLocalTeam(core).catch(
    (e: Error) => void notify('Ricochet', `The team this computer hosts could not start: ${e.message}`),
  );
  if (resumed) hosting.push(resumed);
  const stop = startBackground(core);
  await refresh();
  app.on('before-quit', () => {
    stop();
    for (const close of hosting) void close();
    globalShortcut.unregisterAll();
    core.close();
  });
});

// A tray app keeps running with no window open.
app.on('window-all-closed', () => {});
