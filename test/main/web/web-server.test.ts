import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CoreHandlers } from '../../../main/core/core-api';
import { startWebServer } from '../../../main/web/web-server';
import { rawRequest } from '../../support/raw-http';

let web: Awaited<ReturnType<typeof startWebServer>>;
const root = mkdtempSync(join(tmpdir(), 'ricochet-web-root-'));

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ricochet</title>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets/app.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'ricochet-outside.txt'), 'secret');
  web = await startWebServer({
    port: 0,
    root,
    handlers: {
      'app:info': async () => ({ version: 't', platform: 'linux', mode: 'browser', packaged: false }),
    } as unknown as CoreHandlers,
    subscribe: () => () => {},
  });
});
afterAll(() => web?.close());

const get = (path: string) => fetch(`http://127.0.0.1:${web.port}${path}`);
const alive = async () => (await get('/')).status === 200;

describe('the browser mode’s server', () => {
  it('serves the app with its security headers, and app routes fall back to the page', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await get('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await get('/settings')).text()).toContain('<title>Ricochet</title>');
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/../ricochet-outside.txt',
      '/%2e%2e/ricochet-outside.txt',
      '/..%2fricochet-outside.txt',
    ]) {
      const res = await get(path);
      expect(await res.text()).not.toContain('secret');
    }
    const raw = await rawRequest(
      web.port,
      `GET /../ricochet-outside.txt HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n\r\n`,
    );
    expect(raw).not.toContain('secret');
  });

  it('a malformed path, a broken upgrade or an invalid frame is refused and the server keeps running', async () => {
    const host = `Host: 127.0.0.1:${web.port}\r\n`;
    const bad = await rawRequest(web.port, `GET /%E0%A4%A HTTP/1.1\r\n${host}\r\n`);
    expect(bad).toMatch(/^HTTP\/1\.1 (200|400|404)/);
    await rawRequest(
      web.port,
      `GET //[ HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    );
    expect(await alive()).toBe(true);
    // A text frame that is not UTF-8, before any secret: the socket closes, not the process.
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge`, {
      headers: { origin: `http://127.0.0.1:${web.port}` },
    });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise((r) => ws.once('close', r));
    (ws as unknown as { _socket: { write: (b: Buffer) => void } })._socket.write(
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]),
    );
    await closed;
    expect(await alive()).toBe(true);
  });
});

describe('fuzzing the browser mode’s HTTP server', () => {
  it('random paths and methods: never a 5xx, never a file from outside, always still up', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'),
        async (path, method) => {
          const raw = await rawRequest(
            web.port,
            `${method} /${path.replace(/[\r\n ]/g, '%20')} HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nConnection: close\r\n\r\n`,
          );
          expect(raw).not.toMatch(/^HTTP\/1\.1 5/);
          expect(raw).not.toContain('secret');
        },
      ),
      { numRuns: 150 },
    );
    expect(await alive()).toBe(true);
  });
});

describe('fuzzing the bridge', () => {
  it('random frames before and after the secret: refused in words, the server keeps running', async () => {
    const fc = (await import('fast-check')).default;
    const origin = { headers: { origin: `http://127.0.0.1:${web.port}` } };
    const open = async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge`, origin);
      await new Promise((r) => ws.once('open', r));
      return ws;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (frame) => {
          const ws = await open();
          const closed = new Promise((r) => ws.once('close', r));
          ws.send(frame);
          await closed; // no secret: the bridge hangs up, whatever was sent
        },
      ),
      { numRuns: 40 },
    );
    const ws = await open();
    const replies: { ok?: boolean; error?: string; type?: string }[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    ws.send(JSON.stringify({ type: 'hello', secret: web.secret }));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }),
        fc.jsonValue({ maxDepth: 2 }),
        async (channel, payload) => {
          const count = replies.length;
          ws.send(JSON.stringify({ id: 1, channel, payload }));
          for (let i = 0; i < 100 && replies.length === count; i++)
            await new Promise((r) => setTimeout(r, 5));
        },
      ),
      { numRuns: 60 },
    );
    expect(replies.filter((r) => r.ok === false).every((r) => typeof r.error === 'string')).toBe(true);
    expect(replies.some((r) => r.ok === false)).toBe(true);
    ws.close();
    expect(await alive()).toBe(true);
  });
});
