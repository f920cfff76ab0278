// Composition root of the Electron app: it only wires Electron objects to the core.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { createCoreApi } from '../core/core-api';
import { startBackground } from '../core/background';
import { DesktopCore } from '../core/desktop-core';
import { registerIpc } from './ipc-router';
import { secureWindowOptions } from './window-options';

const rendererUrl = process.env['ELECTRON_RENDERER_URL'];
const isTrustedSender = (url: string) =>
  rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://');

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const core = new DesktopCore(app.getPath('userData'));
  const window = new BrowserWindow(
    secureWindowOptions(join(import.meta.dirname, '../preload/index.mjs'), { width: 420, height: 640 }),
  );
  const api = createCoreApi(
    core,
    { version: app.getVersion(), platform: process.platform, mode: 'electron' },
    (memberId) => window.webContents.send('core:notify', { memberId }),
  );
  registerIpc(ipcMain, api, isTrustedSender);
  core.on('changed', () => window.webContents.send('core:changed'));
  const stop = startBackground(core);
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  if (rendererUrl) void window.loadURL(rendererUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  app.on('before-quit', () => {
    stop();
    core.close();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
