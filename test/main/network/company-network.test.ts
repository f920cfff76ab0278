// A laptop on a company network: the proxy is the way out and a company root certificate signs
// the team server's and a feed's TLS. Login, sync, a feed and the live stream all go through the
// proxy with that root trusted, and each failure says what to set.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import { chromiumProxy, useChromiumNetwork } from '../../../main/network/company-network';
import { createOrganisation } from '../../../server/store/members';
import { runServer } from '../../../server/run-server';
import { hasTinyproxy, startProxy } from '../../support/company-proxy';
import { ics } from '../../support/ics';
import { freePort } from '../../support/free-port';
import { httpsStandIn } from '../../support/stand-ins/https-stand-in';
import { storageFor } from '../../support/team-server';
import { testCa } from '../../support/test-ca';

const bin = join(import.meta.dirname, '../../../bin/ricochet.mjs');

/** `ricochet` in its own process, with the environment a company laptop gives it. */
function ricochet(env: NodeJS.ProcessEnv, ...argv: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [bin, ...argv], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe.runIf(hasTinyproxy())('through the company proxy, with the company CA', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let server: Awaited<ReturnType<typeof runServer>>;
  let feed: Awaited<ReturnType<typeof httpsStandIn>>;
  let token: string;
  const ca = testCa();
  const profile = ['--profile', mkdtempSync(join(tmpdir(), 'ricochet-company-'))];
  /** The laptop's environment: the proxy for everything (NO_PROXY empty), the company's root. */
  const laptop = (more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const { NO_PROXY: _a, no_proxy: _b, HTTP_PROXY: _c, http_proxy: _d, ...rest } = process.env;
    return {
      ...rest,
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '',
      NODE_EXTRA_CA_CERTS: ca.caPath,
      ...more,
    };
  };

  beforeAll(async () => {
    proxy = await startProxy();
    server = await runServer({
      host: '127.0.0.1',
      port: await freePort(),
      storage: await storageFor('sqlite'),
      tls: { cert: join(ca.dir, 'server.pem'), key: join(ca.dir, 'server.key') },
    });
    token = (
      await createOrganisation(server.context.storage.db, {
        name: 'Acme',
        adminName: 'Ana',
        adminEmail: 'ana@acme.test',
      })
    ).token;
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 13);
    feed = await httpsStandIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(ics([`DTSTART:${soon}0000Z`, `DTEND:${soon}3000Z`, 'SUMMARY:Board meeting']));
    });
  });
  afterAll(async () => {
    proxy?.stop();
    await feed?.close();
    await server?.close();
  });

  it('login, a feed and sync reach the https server and feed only through the proxy', async () => {
    expect(server.url).toMatch(/^https:/);
    const port = new URL(server.url).port;
    const login = await ricochet(laptop(), 'login', '--server', server.url, '--token', token, ...profile);
    expect(login.stderr).toBe('');
    expect(login.stdout).toMatch(/^Logged in to Acme as Ana/);
    const added = await ricochet(laptop(), 'calendars', 'add', `${feed.url}/work.ics`, ...profile);
    expect(added.code, added.stderr).toBe(0);
    expect(await ricochet(laptop(), 'sync', ...profile)).toMatchObject({ code: 0 });
    const board = JSON.parse((await ricochet(laptop(), 'board', '--json', ...profile)).stdout);
    expect(board.online).toBe(true);
    expect(board.members[0].availability.busy).toHaveLength(1);
    expect(proxy.requests()).toEqual(
      expect.arrayContaining([`CONNECT 127.0.0.1:${port}`, `CONNECT 127.0.0.1:${new URL(feed.url).port}`]),
    );
    expect(feed.requests.length).toBeGreaterThan(0);
  });

  it('NO_PROXY alone sends a host direct', async () => {
    const before = proxy.requests().length;
    expect(await ricochet(laptop({ NO_PROXY: '127.0.0.1' }), 'sync', ...profile)).toMatchObject({ code: 0 });
    expect(proxy.requests()).toHaveLength(before);
  });

  it('the live stream goes through the proxy too', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { HTTPS_PROXY: proxy.url, NO_PROXY: '', no_proxy: '' });
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-stream-')));
    const client = new SyncClient({ cache, server: server.url, token });
    try {
      const before = proxy.requests().length;
      client.start();
      await expect.poll(() => client.connection, { timeout: 10_000 }).toBe('live');
      expect(proxy.requests().slice(before)).toContain(`CONNECT 127.0.0.1:${new URL(server.url).port}`);
    } finally {
      client.stop();
      cache.close();
      process.env = saved;
    }
  });

  it('in the app, the proxy Chromium resolves (system settings, a PAC file) carries the live stream', async () => {
    expect(chromiumProxy('PROXY proxy.corp:8080; DIRECT')).toBe('http://proxy.corp:8080');
    expect(chromiumProxy('HTTPS proxy.corp:443')).toBe('https://proxy.corp:443');
    expect(chromiumProxy('DIRECT')).toBeNull();
    expect(chromiumProxy('SOCKS5 socks.corp:1080; DIRECT')).toBeNull();
    const nodeFetch = globalThis.fetch;
    const asked: string[] = [];
    // No proxy variable at all: Chromium's answer alone sends the stream through the proxy.
    useChromiumNetwork({
      fetch: nodeFetch,
      resolveProxy: async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}; DIRECT`),
    });
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-chromium-')));
    const client = new SyncClient({ cache, server: server.url, token });
    try {
      const before = proxy.requests().length;
      client.start();
      await expect.poll(() => client.connection, { timeout: 10_000 }).toBe('live');
      expect(asked).toEqual([`${server.url}/v1/stream`]);
      expect(proxy.requests().slice(before)).toContain(`CONNECT 127.0.0.1:${new URL(server.url).port}`);
    } finally {
      client.stop();
      cache.close();
      useChromiumNetwork({ fetch: nodeFetch, resolveProxy: async () => 'DIRECT' });
    }
  });

  it('without the company root, or with the proxy down, the message says what to set', async () => {
    const untrusted = laptop();
    delete untrusted.NODE_EXTRA_CA_CERTS;
    const refused = await ricochet(untrusted, 'login', '--server', server.url, '--token', token, ...profile);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `127.0.0.1:${new URL(server.url).port}: certificate signed by an unknown authority: set NODE_EXTRA_CA_CERTS`,
    );
    const dead = `http://127.0.0.1:${await freePort()}`;
    const down = await ricochet(
      laptop({ HTTPS_PROXY: dead }),
      'login',
      '--server',
      server.url,
      '--token',
      token,
      ...profile,
    );
    expect(down.stderr).toContain(`the proxy ${new URL(dead).host} does not answer`);
  });
});
