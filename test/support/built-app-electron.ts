// Loaded in place of `electron` when a test runs the built main process under Node (see
// built-app-hooks.ts): the fake Electron, and a report of what the app made of it.
import { writeFileSync } from 'node:fs';
import { fakeElectron } from './fake-electron';

const fake = fakeElectron({ userData: process.env['RICOCHET_PROFILE']! });
(globalThis as { fakeElectronModule?: unknown }).fakeElectronModule = fake.module;

/** Once the hotkey is registered (the core has loaded), what a person would see, for the test. */
const report = setInterval(() => {
  if (fake.shortcuts.size === 0) return;
  clearInterval(report);
  const tray = fake.trays[0];
  [...fake.shortcuts.values()][0]!(); // the person presses the hotkey
  const quickPost = fake.windows.find((w) => w.loaded.hash === 'view=quick-post');
  writeFileSync(
    process.env['BUILT_APP_REPORT']!,
    JSON.stringify({
      trays: fake.trays.length,
      tooltip: tray?.tooltip ?? null,
      shortcuts: [...fake.shortcuts.keys()],
      channels: [...fake.handlers.keys()],
      quickPost: quickPost && {
        page: quickPost.loaded.file,
        webPreferences: quickPost.options.webPreferences,
      },
    }),
  );
  process.exit(0);
}, 100);

export const {
  app,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  globalShortcut,
  ipcMain,
  Notification,
  powerMonitor,
  crashReporter,
  nativeTheme,
  safeStorage,
  screen,
  net,
  session,
  shell,
  clipboard,
} = fake.module;
export default fake.module;
