import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session, Shell, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * Only the app's own pages: the dev server's exact origin while developing, else the built
 * page itself (any other file:// page, or a host that merely starts alike, is not the app).
 * The page is compared as a file path, not as URL text: an install folder with a space, an
 * accent or a percent sign ("C:\\Program Files", "/home/josé") is spelled many ways in a URL.
 */
export function isAppUrl(
  url: string,
  devServer?: string,
  appFile?: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServer) return parsed.origin === new URL(devServer).origin;
  if (parsed.protocol !== 'file:') return false;
  if (!appFile) return true;
  const windows = platform === 'win32';
  let path: string;
  try {
    parsed.hash = '';
    parsed.search = '';
    path = fileURLToPath(parsed, { windows });
  } catch {
    return false; // a host on a POSIX file URL, an encoded slash: not a page of this app
  }
  // macOS may spell an accent decomposed; Windows paths ignore case.
  const same = (p: string) => {
    const normal = (windows ? win32 : posix).normalize(p).normalize('NFC');
    return windows ? normal.toLowerCase() : normal;
  };
  return same(path) === same(appFile);
}

/** Every permission request (camera, notifications from pages, geolocation…) is denied. */
export function lockSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
}

/**
 * Navigation and new windows are denied to everything but the app's own pages; an
 * external http(s) link opens in the person's browser, anything else is dropped.
 */
export function lockWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  shell: Pick<Shell, 'openExternal'>,
  devServer?: string,
  appFile?: string,
): void {
  // A file dropped on a window navigates to it: only the app's own page may load.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServer, appFile)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * The dev server's address (electron-vite sets it while developing), honoured only when the app
 * is not packaged: an installed app always loads its own page, whatever the environment says, so
 * a variable set by another program cannot make it load a page that would get the app's bridge.
 */
export function devRendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  return isPackaged ? undefined : env['ELECTRON_RENDERER_URL'] || undefined;
}
