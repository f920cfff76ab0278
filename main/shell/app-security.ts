import type { Session, Shell, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Only the app's own pages: the built files, or the dev server while developing. */
export function isAppUrl(url: string, devServer?: string): boolean {
  return devServer ? url.startsWith(devServer) : url.startsWith('file://');
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
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServer)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
