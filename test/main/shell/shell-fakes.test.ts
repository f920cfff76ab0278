import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, lockSession, lockWebContents } from '../../../main/shell/app-security';
import { registerIpc } from '../../../main/shell/ipc-router';
import { parseJoinLink } from '../../../main/shell/join-link';
import { setLinuxAutostart } from '../../../main/shell/linux-autostart';
import { KeychainSecretStore } from '../../../main/shell/keychain-secret-store';
import { registerQuickPostShortcut } from '../../../main/shell/quick-post-shortcut';
import { drawIcon, encodeIco, encodePng, iconStates } from '../../../main/shell/tray-icon-art';
import { applyTray } from '../../../main/shell/tray-controller';
import { secureWindowOptions } from '../../../main/shell/window-options';
import type { CoreHandlers } from '../../../main/core/core-api';

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

describe('IPC', () => {
  const setup = () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const handler = vi.fn(async () => ({ delivered: 'sent', kind: 'post', message: null }));
    registerIpc(
      { handle: ((channel: string, fn: never) => registered.set(channel, fn)) as never },
      { 'post:create': handler } as unknown as CoreHandlers,
      (url) => url.startsWith('file://'),
    );
    return {
      call: (url: string, payload: unknown) =>
        registered.get('post:create')!({ senderFrame: { url } }, payload),
      handler,
    };
  };

  it('refuses a call from a frame that is not the app', async () => {
    const { call, handler } = setup();
    await expect(call('https://evil.example/', { text: 'hi' })).rejects.toThrow('untrusted sender');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a payload that does not match the contract', async () => {
    const { call, handler } = setup();
    await expect(call('file:///app/index.html', { text: 42 })).rejects.toThrow('refused');
    await expect(call('file:///app/index.html', { text: 'hi', extra: true })).rejects.toThrow('refused');
    expect(handler).not.toHaveBeenCalled();
    await expect(call('file:///app/index.html', { text: 'hi' })).resolves.toMatchObject({
      delivered: 'sent',
    });
  });
});

describe('quick-post hotkey', () => {
  it('registers, or explains the refusal so the tray item stays the way in', () => {
    const held = new Set<string>(['Alt+Space']);
    const shortcuts = {
      register: vi.fn((acc: string) => !held.has(acc)),
      unregister: vi.fn(),
      isRegistered: vi.fn(() => true),
    };
    expect(registerQuickPostShortcut(shortcuts, 'CommandOrControl+Shift+Space', () => {})).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Shift+Space',
    });
    const refused = registerQuickPostShortcut(
      shortcuts,
      'Alt+Space',
      () => {},
      'CommandOrControl+Shift+Space',
    );
    expect(shortcuts.unregister).toHaveBeenCalledWith('CommandOrControl+Shift+Space');
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('refused Alt+Space') });
    const bad = registerQuickPostShortcut(
      {
        ...shortcuts,
        register: () => {
          throw new Error('conversion failed');
        },
      },
      'Ctrl+Nope',
      () => {},
    );
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('not a valid shortcut') });
  });
});

describe('tray', () => {
  it('sets image, tooltip and a freshly built menu each time; a click runs its action', () => {
    const calls: string[] = [];
    const actions: unknown[] = [];
    let template: { label?: string; click?: () => void; submenu?: unknown }[] = [];
    const deps = {
      tray: {
        setImage: () => calls.push('image'),
        setToolTip: (t: string) => calls.push(`tip:${t}`),
        setContextMenu: () => calls.push('menu'),
        setTitle: () => calls.push('title'),
      },
      menu: { buildFromTemplate: (t: never) => ((template = t), {}) as never },
      images: { createFromBuffer: () => ({ setTemplateImage: () => calls.push('template') }) as never },
      platform: 'linux' as NodeJS.Platform,
      onAction: (a: unknown) => actions.push(a),
    };
    const model = {
      icon: 'busy' as const,
      freeCount: 3,
      tooltip: 'In a meeting until 15:00 · 3 of 7 free',
      nextChange: null,
      menu: [{ label: 'Open board', action: { kind: 'open-board' as const } }],
    };
    applyTray(deps as never, model);
    applyTray(deps as never, model);
    expect(calls).toEqual([
      'image',
      'tip:In a meeting until 15:00 · 3 of 7 free',
      'menu',
      'image',
      'tip:In a meeting until 15:00 · 3 of 7 free',
      'menu',
    ]);
    template[0]!.click!();
    expect(actions).toEqual([{ kind: 'open-board' }]);
    calls.length = 0;
    applyTray({ ...deps, platform: 'darwin' } as never, model);
    expect(calls).toEqual([
      'template',
      'image',
      'tip:In a meeting until 15:00 · 3 of 7 free',
      'title',
      'menu',
    ]);
  });

  it('each state has its own shape (not only a colour), in valid PNG and ICO files', () => {
    const alpha = (s: (typeof iconStates)[number]) =>
      Array.from(drawIcon(s, { size: 16, template: true }).filter((_, i) => i % 4 === 3)).join(',');
    expect(new Set(iconStates.map(alpha)).size).toBe(iconStates.length);
    const png = encodePng(drawIcon('free', { size: 22, count: 3 }), 22);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + length))).toHaveLength(22 * (22 * 4 + 1));
    const ico = encodeIco([{ size: 16, png }]);
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 1]);
  });
});

describe('desktop integration', () => {
  it('reads ricochet://join links and refuses anything else', () => {
    expect(
      parseJoinLink('ricochet://join?server=https%3A%2F%2Fteam.example.com%2F&code=EJy2ZR1v6i-X'),
    ).toEqual({ server: 'https://team.example.com', code: 'EJy2ZR1v6i-X' });
    expect(parseJoinLink('ricochet://join?server=javascript:alert(1)&code=abcdefghij')).toEqual({
      error: 'the link has no http(s) server address',
    });
    expect(parseJoinLink('https://example.com')).toEqual({ error: 'not a ricochet:// link' });
  });

  it('keeps secrets encrypted by the keychain, and says when Linux only has the weak fallback', () => {
    const safe = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    };
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-keychain-'));
    const store = new KeychainSecretStore(safe, dir, 'linux');
    store.set('token', 'secret-token-value');
    expect(store.get('token')).toBe('secret-token-value');
    expect(readFileSync(join(dir, 'secrets.bin'), 'utf8')).not.toContain('secret-token-value');
    expect(store.weak).toBe(false);
    expect(
      new KeychainSecretStore({ ...safe, getSelectedStorageBackend: () => 'basic_text' }, dir, 'linux').weak,
    ).toBe(true);
  });
});

describe('open at login on Linux', () => {
  it('writes and removes an XDG autostart entry', () => {
    const home = mkdtempSync(join(tmpdir(), 'ricochet-xdg-'));
    const file = setLinuxAutostart(true, '/opt/Ricochet/ricochet', home);
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Ricochet/ricochet --hidden');
    setLinuxAutostart(false, '/opt/Ricochet/ricochet', home);
    expect(existsSync(file)).toBe(false);
  });
});
