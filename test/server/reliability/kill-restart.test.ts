import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/db/connect';
import { createOrganisation } from '../../../server/store/members';
import { spawnServer } from '../../support/server-process';
import { openStream } from '../../support/stream-client';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';

afterAll(() => stopPostgres());

async function seededStorage(backend: (typeof backends)[number]) {
  const config = await storageFor(backend);
  const storage = await openStorage(config);
  const team = await createOrganisation(storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'ana@acme.test',
  });
  await storage.close();
  return { config, team };
}

describe.each(backends)('reliability on %s', (backend) => {
  it('every post that got a 2xx survives kill -9, exactly once', async () => {
    const { config, team } = await seededStorage(backend);
    const server = await spawnServer(config);
    const tokens = [team.token];
    for (let i = 0; i < 4; i++) {
      const joined = await client(server.url)('POST', '/v1/join', {
        code: team.invite,
        name: `W${i}`,
        email: `w${i}@acme.test`,
      });
      tokens.push(joined.body.token);
    }
    const acknowledged: string[] = [];
    let stop = false;
    const writers = tokens.map(async (token) => {
      const api = client(server.url, token);
      while (!stop) {
        const id = randomUUID();
        try {
          const res = await api('POST', '/v1/posts', { id, text: `post ${id}` });
          if (res.status === 201) acknowledged.push(id);
        } catch {
          return; // the server died under this request: it was never acknowledged
        }
      }
    });
    // Killed once a count of posts is acknowledged, however slow the machine: never by the clock.
    // A server that stops answering fails here with what it said, not as a silent test timeout.
    for (let waited = 0; acknowledged.length < 25; waited++) {
      if (waited > 12_000) throw new Error(`${acknowledged.length} posts acknowledged: ${server.output()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);

    const restarted = await spawnServer(config, server.port);
    const api = client(restarted.url, team.token);
    const stored: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await api('GET', `/v1/posts?limit=200${before ? `&before=${before}` : ''}`);
      stored.push(...page.body.posts.map((p: { id: string }) => p.id));
      if (page.body.posts.length < 200) break;
      before = page.body.posts.at(-1).createdAt;
    }
    const counts = new Map<string, number>();
    for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of acknowledged) expect(counts.get(id), `post ${id}`).toBe(1);
    await restarted.kill('SIGTERM');
    // Kill, restart on PostgreSQL and read back: 2 s alone, and far more on 2 busy cores under Node 24.
  }, 90_000);

  it('a stream client that missed changes across a restart catches up with no gap and no duplicate', async () => {
    const { config, team } = await seededStorage(backend);
    const server = await spawnServer(config);
    const api = client(server.url, team.token);
    const stream = await openStream(server.url, team.token);
    await stream.ready();
    await api('POST', '/v1/posts', { id: randomUUID(), text: 'before restart' });
    await stream.until(() => stream.changes().length === 1);
    let cursor = stream.changes()[0]!.seq;

    expect(await server.kill('SIGTERM')).toBe(0); // graceful: exits cleanly, closing streams
    const restarted = await spawnServer(config, server.port);
    const api2 = client(restarted.url, team.token);
    for (let i = 0; i < 7; i++) await api2('POST', '/v1/posts', { id: randomUUID(), text: `after ${i}` });

    const seen = stream.changes().map((c) => c.seq);
    for (let more = true; more;) {
      const page = await api2('GET', `/v1/sync?since=${cursor}&limit=3`);
      seen.push(...page.body.changes.map((c: { seq: number }) => c.seq));
      cursor = page.body.cursor;
      more = page.body.more;
    }
    expect(seen).toEqual(Array.from({ length: 8 }, (_, i) => seen[0]! + i));
    const reconnected = await openStream(restarted.url, team.token);
    expect(await reconnected.ready()).toBe(cursor);
    reconnected.close();
    await restarted.kill('SIGTERM');
  });
});

// Where PostgreSQL is installed (CI=true fails without it: test/support/requirements.ts).
describe.each(backends.filter((b) => b === 'postgres'))('several instances on one PostgreSQL (%s)', () => {
  it('a change accepted by one instance reaches live clients of the other', async () => {
    const { config, team } = await seededStorage('postgres');
    const a = await spawnServer(config);
    const b = await spawnServer(config);
    const onA = await openStream(a.url, team.token);
    await onA.ready();
    const joined = await client(b.url)('POST', '/v1/join', {
      code: team.invite,
      name: 'Bob',
      email: 'bob@acme.test',
    });
    await client(b.url, joined.body.token)('PUT', '/v1/me/status', { state: 'focus', text: 'via B' });
    await onA.until(() => onA.changes().some((c) => c.kind === 'status'));
    // Bob joined an organisation without teams: his arrival, then his status.
    expect(onA.changes().map((c) => c.kind)).toEqual(['member', 'status']);
    expect(onA.changes().find((c) => c.kind === 'status')!.data).toMatchObject({
      state: 'focus',
      text: 'via B',
    });
    onA.close();
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
  });
});
