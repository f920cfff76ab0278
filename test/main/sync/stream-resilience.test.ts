import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import { freePort } from '../../support/free-port';
import { waitFor } from '../../support/wait-for';
import { teamServer } from '../../support/team-server';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A stream server that says ready, sends what it is given first, and never answers pings. */
async function deafServer(first: string[] = []) {
  const port = await freePort();
  const wss = new WebSocketServer({ port, host: '127.0.0.1', autoPong: false });
  let connections = 0;
  wss.on('connection', (ws) => {
    connections++;
    for (const frame of first) ws.send(frame);
    ws.send(JSON.stringify({ type: 'ready', cursor: 0 }));
  });
  cleanup.push(() => new Promise((r) => wss.close(r)));
  return { url: `http://127.0.0.1:${port}`, connections: () => connections };
}

function client(url: string) {
  const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-stream-')));
  const sync = new SyncClient({
    cache,
    server: url,
    token: 'x'.repeat(43),
    silenceMs: 100,
    maxBackoffMs: 50,
  });
  cleanup.push(() => cache.close());
  cleanup.push(() => sync.stop());
  return sync;
}

describe('the live stream, as the desktop holds it', () => {
  it('a bad frame is dropped and the stream still goes live', async () => {
    const server = await deafServer(['not json {', '\u0000\u0001', JSON.stringify({ type: 'nonsense' })]);
    const sync = client(server.url);
    sync.start();
    await waitFor(() => sync.connection === 'live');
    expect(sync.connection).toBe('live');
  });

  it('a silent connection (no ping from the server) is noticed and the client reconnects', async () => {
    const server = await deafServer();
    const sync = client(server.url);
    sync.start();
    await waitFor(() => server.connections() >= 2, 5_000);
    expect(server.connections()).toBeGreaterThanOrEqual(2);
  });
});

describe('the outbox while live', () => {
  it('a send the server refused is tried again by itself, without waiting for a reconnect', async () => {
    // A server that lets this member send one request a second, after a burst of 3.
    const t = await teamServer('sqlite', { rateLimit: { capacity: 3, perSecond: 1 } });
    cleanup.push(() => t.server.close());
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-outbox-')));
    const sync = new SyncClient({ cache, server: t.url, token: t.bob.token });
    cleanup.push(() => cache.close());
    cleanup.push(() => sync.stop());
    sync.start();
    await waitFor(() => sync.connection === 'live');
    for (let i = 0; i < 5; i++)
      cache.enqueue(randomUUID(), { kind: 'post', id: randomUUID(), text: `note ${i}` });
    const first = await sync.flush();
    expect(first.error).toMatch(/429|too many|rate/i);
    expect(first.remaining).toBeGreaterThan(0);
    await waitFor(() => cache.queuedCount === 0, 15_000);
    const texts = ((await t.admin.api('GET', '/v1/posts')).body.posts as { text: string }[]).map(
      (p) => p.text,
    );
    expect(texts.sort()).toEqual(['note 0', 'note 1', 'note 2', 'note 3', 'note 4']);
    expect(sync.connection).toBe('live');
  });
});
