import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devRendererUrl,
  isAppUrl,
  lockSession,
  lockWebContents,
} from '../../../main/shell/app-security';
import { secureWindowOptions } from '../../../main/shell/window-options';

describe('the dev server address', () => {
  it('is honoured while developing, never in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173' };
    expect(devRendererUrl(false, env)).toBe('http://evil.example:5173');
    // Installed: the app loads its own page, so the URL it trusts is not the environment's.
    expect(devRendererUrl(true, env)).toBeUndefined();
    expect(isAppUrl('http://evil.example:5173/', devRendererUrl(true, env), '/opt/ricochet/index.html')).toBe(
      false,
    );
    expect(devRendererUrl(false, {})).toBeUndefined();
  });
});

describe('which pages are the app', () => {
  it('the dev server by its exact origin, the built page by its exact path', () => {
    expect(isAppUrl('http://localhost:5173/#view=board', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false);
    expect(
      isAppUrl(
        'file:///opt/Ricochet/resources/app.asar/out/renderer/index.html#x',
        undefined,
        '/opt/Ricochet/resources/app.asar/out/renderer/index.html',
      ),
    ).toBe(true);
    expect(
      isAppUrl(
        'file:///tmp/evil.html',
        undefined,
        '/opt/Ricochet/resources/app.asar/out/renderer/index.html',
      ),
    ).toBe(false);
    expect(isAppUrl('not a url', undefined, '/x')).toBe(false);
  });
});

describe('the built page, wherever the app is installed', () => {
  const page = 'resources/app.asar/out/renderer/index.html';
  // Where installers put the app on each system, with the spellings that broke a text compare.
  const installs: { platform: NodeJS.Platform; file: string; urls: string[] }[] = [
    {
      platform: 'win32',
      file: `C:\\Program Files\\Ricochet\\${page.replaceAll('/', '\\')}`,
      urls: [
        `file:///C:/Program%20Files/Ricochet/${page}`,
        `file:///c:/program%20files/Ricochet/${page}#view=board`,
      ],
    },
    {
      platform: 'win32',
      file: `C:\\Users\\José\\AppData\\Local\\Programs\\100% Ricochet\\${page.replaceAll('/', '\\')}`,
      urls: [`file:///C:/Users/Jos%C3%A9/AppData/Local/Programs/100%25%20Ricochet/${page}`],
    },
    {
      platform: 'darwin',
      file: `/Applications/Ricochet.app/Contents/${page}`,
      urls: [`file:///Applications/Ricochet.app/Contents/${page}`],
    },
    {
      platform: 'darwin',
      // Finder spells the accent decomposed (e + U+0301).
      file: `/Users/jose\u0301/My Apps/Ricochet.app/Contents/${page}`,
      urls: [`file:///Users/jos%C3%A9/My%20Apps/Ricochet.app/Contents/${page}?x=1`],
    },
    {
      platform: 'linux',
      file: `/tmp/.mount_RicochXy12Zq/${page}`, // inside a running AppImage
      urls: [`file:///tmp/.mount_RicochXy12Zq/${page}#view=quick-post`],
    },
    {
      platform: 'linux',
      file: `/home/josé/My Apps/100% Ricochet/${page}`,
      urls: [`file:///home/jos%C3%A9/My%20Apps/100%25%20Ricochet/${page}`],
    },
  ];

  it.each(installs)('$platform: $file is the app, its neighbours are not', ({ platform, file, urls }) => {
    for (const url of urls) expect(isAppUrl(url, undefined, file, platform)).toBe(true);
    const folder = urls[0]!.slice(0, urls[0]!.lastIndexOf('/'));
    expect(isAppUrl(`${folder}/evil.html`, undefined, file, platform)).toBe(false);
    expect(isAppUrl(`${folder}/index.html.evil`, undefined, file, platform)).toBe(false);
    expect(isAppUrl('file:///tmp/evil.html', undefined, file, platform)).toBe(false);
    expect(isAppUrl(`file://evil.example/${page}`, undefined, file, platform)).toBe(false);
  });
});

describe('windows', () => {
  it('every window is sandboxed, isolated, without node, with web security', () => {
    const options = secureWindowOptions('/app/preload.mjs', { width: 400 });
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.mjs',
    });
  });

  it('navigation away is prevented, new windows denied, http(s) links go to the browser', () => {
    const handlers: Record<string, (event: { preventDefault: () => void }, url?: string) => void> = {};
    let opener: (d: { url: string }) => { action: string } = () => ({ action: 'allow' });
    const shell = { openExternal: vi.fn(async () => {}) };
    lockWebContents(
      {
        on: ((name: string, fn: never) => (handlers[name] = fn)) as never,
        setWindowOpenHandler: ((fn: never) => (opener = fn)) as never,
      },
      shell,
      undefined,
      '/app/index.html',
    );
    // A file dropped on the window, or any other local page, does not load.
    const dropped = { preventDefault: vi.fn() };
    handlers['will-navigate']!(dropped, 'file:///home/ana/Downloads/invoice.html');
    expect(dropped.preventDefault).toHaveBeenCalled();
    const blocked = { preventDefault: vi.fn() };
    handlers['will-navigate']!(blocked, 'https://evil.example/');
    expect(blocked.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    handlers['will-navigate']!(own, 'file:///app/index.html');
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(opener({ url: 'https://example.com/doc' })).toEqual({ action: 'deny' });
    expect(opener({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/doc');
  });

  it('permission requests are denied and a strict CSP is set on every response', () => {
    let request: (wc: unknown, p: string, cb: (ok: boolean) => void) => void = () => {};
    let headers: (
      d: { responseHeaders: Record<string, string[]> },
      cb: (r: unknown) => void,
    ) => void = () => {};
    lockSession({
      setPermissionRequestHandler: ((fn: never) => (request = fn)) as never,
      setPermissionCheckHandler: (() => {}) as never,
      webRequest: { onHeadersReceived: ((fn: never) => (headers = fn)) as never } as never,
    });
    const answer = vi.fn();
    request(null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    const done = vi.fn();
    headers({ responseHeaders: {} }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
