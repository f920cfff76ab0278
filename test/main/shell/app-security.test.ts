import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, lockSession, lockWebContents } from '../../../main/shell/app-security';
import { secureWindowOptions } from '../../../main/shell/window-options';

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
    );
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
