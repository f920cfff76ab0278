import type { BrowserWindowConstructorOptions } from 'electron';

/** The hardened web preferences every Ricochet window is created with. */
export function secureWindowOptions(preloadPath: string, extra: BrowserWindowConstructorOptions = {}) {
  const options: BrowserWindowConstructorOptions = {
    show: false,
    ...extra,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Electron's default, said here because idling hidden windows depends on it: timers and
      // rendering slow down while the window is not shown.
      backgroundThrottling: true,
    },
  };
  return options;
}
