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
    },
  };
  return options;
}
