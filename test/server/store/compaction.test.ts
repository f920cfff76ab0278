// The change log keeps what a newcomer needs, not history: on SQLite and PostgreSQL, with a real
// desktop cache syncing from it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard, readFeed } from '../../../main/cache/cache-queries';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import type { KyselyPlugin } from 'kysely';
import { pruneTombstones, readChanges } from '../../../server/store/change-log';
import { getMember } from '../../../server/store/members';
import { setStatus } from '../../../server/store/team-data';
import { setAvailability } from '../../../server/store/device-availability';
import type { Change } from '../../../shared/protocol/changes';
import { cli } from '../../support/run-cli';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';
import { runServer } from '../../../server/run-server';

afterAll(() => stopPostgres());

const window = { from: '2026-03-09T00:00:00Z', to: '2026-03-23T00:00:00Z' };

/** The i-th republish of one calendar: the same block, ending a minute later each time. */
const republish = (i: number) => ({
  window,
  busy: [
    {
      start: '2026-03-10T09:00:00Z',
      end: `2026-03-10T10:${String(i % 60).padStart(2, '0')}:00Z`,
      kind: 'busy' as const,
    },
  ],
  loadToday: i / 1000,
});

async function everyChange(api: (method: string, path: string) => Promise<{ body: { changes: Change[] } }>) {
  return (await api('GET', '/v1/sync?since=0&limit=1000')).body.changes;
}

describe.each(backends)('the change log is compacted on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer(backend);
  });
  afterAll(() => t?.server.close());

  it('after 1,000 republishes of one availability, a new device reads it once, the latest', async () => {
    const db = t.server.context.storage.db;
    const bob = await getMember(db, t.bob.id);
    for (let i = 0; i < 1000; i++) await setAvailability(db, bob, 'laptop', republish(i));
    for (let i = 0; i < 50; i++) await setStatus(db, bob, { state: 'focus', text: `step ${i}` });
    const changes = await everyChange(t.admin.api);
    const bobs = (kind: string) => changes.filter((c) => c.kind === kind && c.memberId === bob.id);
    expect(bobs('availability')).toHaveLength(1);
    expect(bobs('availability')[0]!.data).toMatchObject({ loadToday: 0.999 });
    expect(bobs('status')).toHaveLength(1);
    expect(bobs('status')[0]!.data).toMatchObject({ text: 'step 49' });
    expect(bobs('member')).toHaveLength(1);
  });

  it('an edited post is one change; a deleted one leaves only its tombstone', async () => {
    const id = randomUUID();
    await t.bob.api('POST', '/v1/posts', { id, text: 'first draft' });
    await t.bob.api('PATCH', `/v1/posts/${id}`, { text: 'second draft' });
    await t.bob.api('PATCH', `/v1/posts/${id}`, { text: 'final' });
    let about = (await everyChange(t.admin.api)).filter((c) => c.entityId === id);
    expect(about.map((c) => c.kind)).toEqual(['post']);
    expect(about[0]!.data).toMatchObject({ text: 'final' });
    await t.bob.api('DELETE', `/v1/posts/${id}`);
    about = (await everyChange(t.admin.api)).filter((c) => c.entityId === id);
    expect(about.map((c) => c.kind)).toEqual(['post-deleted']);
  });

  // PostgreSQL only: SQLite's one connection stays held while a plugin sees a result, so the
  // edit could not run between the two reads there (the server interleaves them the same way).
  if (backend === 'postgres')
    it('a change superseded while a page is read: the page answers, and the next one has what replaced it', async () => {
      const db = t.server.context.storage.db;
      const since = (await everyChange(t.admin.api)).at(-1)!.seq;
      const [first, second] = [randomUUID(), randomUUID()];
      await t.bob.api('POST', '/v1/posts', { id: first, text: 'first' });
      await t.bob.api('POST', '/v1/posts', { id: second, text: 'second' });
      // Between the page's two reads, Bob edits the first post: its row is superseded (deleted).
      let edited = false;
      const editInBetween: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async ({ result }) => {
          const row = result.rows[0] as Record<string, unknown> | undefined;
          if (!edited && row && Object.keys(row).join() === 'seq,size') {
            edited = true;
            expect((await t.bob.api('PATCH', `/v1/posts/${first}`, { text: 'first, edited' })).status).toBe(
              200,
            );
          }
          return result;
        },
      };
      const page = await readChanges(
        db.withPlugin(editInBetween),
        t.team.team.id,
        { since, limit: 1 },
        t.admin.id,
      );
      expect(edited).toBe(true);
      expect(page).toMatchObject({ changes: [], more: true });
      const next = await readChanges(db, t.team.team.id, { since: page.cursor, limit: 10 }, t.admin.id);
      expect(next.changes.map((c) => c.data)).toEqual([
        expect.objectContaining({ text: 'second' }),
        expect.objectContaining({ text: 'first, edited' }),
      ]);
    });

  it('a device offline longer than tombstones are kept gets a snapshot, not a gap', async () => {
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-compaction-')));
    const sync = new SyncClient({ cache, server: t.url, token: t.admin.token });
    const id = randomUUID();
    await t.bob.api('POST', '/v1/posts', { id, text: 'soon deleted' });
    await sync.pull();
    expect(readFeed(cache).map((p) => p.id)).toContain(id);
    const members = readBoard(cache).length;

    // The device goes away; the post is deleted, and 31 days later its tombstone is pruned.
    await t.bob.api('DELETE', `/v1/posts/${id}`);
    await t.bob.api('POST', '/v1/posts', { id: randomUUID(), text: 'written meanwhile' });
    expect(
      await pruneTombstones(t.server.context.storage.db, 30, Date.now() + 31 * 86_400_000),
    ).toBeGreaterThan(0);
    expect((await everyChange(t.admin.api)).some((c) => c.kind === 'post-deleted')).toBe(false);

    await sync.pull();
    expect(readFeed(cache).map((p) => p.id)).not.toContain(id);
    expect(readFeed(cache).map((p) => p.text)).toContain('written meanwhile');
    expect(readBoard(cache)).toHaveLength(members);
    // And once caught up, no second snapshot: the next pull reads only what is new.
    const before = cache.cursor;
    expect(await sync.pull()).toBe(0);
    expect(cache.cursor).toBe(before);
    cache.close();
  });

  it('a tombstone at the head of the log, pruned: one snapshot, and the next pull reads nothing', async () => {
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-compaction-')));
    const sync = new SyncClient({ cache, server: t.url, token: t.admin.token });
    const id = randomUUID();
    await t.bob.api('POST', '/v1/posts', { id, text: 'the last thing said' });
    await sync.pull();
    await t.bob.api('DELETE', `/v1/posts/${id}`); // the head of the log is its tombstone
    await pruneTombstones(t.server.context.storage.db, 30, Date.now() + 31 * 86_400_000);
    await sync.pull();
    expect(readFeed(cache).map((p) => p.id)).not.toContain(id);
    const cursor = cache.cursor;
    expect(await sync.pull()).toBe(0);
    expect(cache.cursor).toBe(cursor);
    cache.close();
  });

  it('an admin prunes posts older than a year: a device synced to the head drops them too', async () => {
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-compaction-')));
    const sync = new SyncClient({ cache, server: t.url, token: t.admin.token });
    const [old, recent] = [randomUUID(), randomUUID()];
    await t.bob.api('POST', '/v1/posts', { id: old, text: 'a year and more ago' });
    await t.bob.api('POST', '/v1/posts', { id: recent, text: 'this week' });
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await t.server.context.storage.db
      .updateTable('posts')
      .set({ created_at: longAgo })
      .where('id', '=', old)
      .execute();
    await sync.pull();
    expect(readFeed(cache).map((p) => p.id)).toEqual(expect.arrayContaining([old, recent]));

    const where =
      t.storage.kind === 'sqlite' ? ['--data', t.storage.dataDir] : ['--database-url', t.storage.url];
    const pruned = await cli(
      'admin',
      'prune-posts',
      '--team',
      t.team.team.id,
      '--older-than',
      '365d',
      ...where,
    );
    expect(pruned.stdout).toMatch(/^Pruned 1 post\(s\) written before /);
    expect(pruned.code).toBe(0);

    await sync.pull();
    const ids = readFeed(cache, { limit: 500 }).map((p) => p.id);
    expect(ids).not.toContain(old);
    expect(ids).toContain(recent);
    expect(await sync.pull()).toBe(0);
    cache.close();
  });
});

// Behind a load balancer: two instances on one PostgreSQL, writes landing on both at once.
describe.each(backends.filter((b) => b === 'postgres'))('compaction with two instances on %s', (backend) => {
  it('republishes on both instances at once: one availability, the last acknowledged, on every device', async () => {
    const t = await teamServer(backend, { rateLimit: { capacity: 100_000, perSecond: 100_000 } });
    const other = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage: t.storage,
      rateLimit: { capacity: 100_000, perSecond: 100_000 },
    });
    const follower = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-compaction-')));
    const following = new SyncClient({ cache: follower, server: other.url, token: t.admin.token });
    try {
      const bob = [t.bob.api, client(other.url, t.bob.token)];
      const publish = (i: number) => bob[i % 2]!('PUT', '/v1/me/availability', republish(i));
      // Rounds of 20 parallel publishes on both instances, a device pulling between rounds.
      for (let round = 0; round < 10; round++) {
        const answers = await Promise.all(Array.from({ length: 20 }, (_, k) => publish(round * 20 + k)));
        expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
        await following.pull();
      }
      // Each instance prunes at its start and daily: both at once must agree.
      await Promise.all([
        pruneTombstones(t.server.context.storage.db, 30),
        pruneTombstones(other.context.storage.db, 30),
      ]);
      // The last publish, alone, so that "the latest" is defined.
      expect((await publish(999)).status).toBe(200);
      await following.pull();

      for (const url of [t.url, other.url]) {
        const changes = await everyChange(client(url, t.admin.token));
        const bobs = changes.filter((c) => c.kind === 'availability' && c.memberId === t.bob.id);
        expect(bobs).toHaveLength(1);
        expect(bobs[0]!.data).toMatchObject({ loadToday: 0.999 });
        // Sequence numbers strictly increasing: no reader can see a gap closed behind it.
        const seqs = changes.map((c) => c.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(seqs.length);
      }
      const cold = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-compaction-')));
      await new SyncClient({ cache: cold, server: t.url, token: t.admin.token }).pull();
      const loadOf = (cache: LocalCache) =>
        readBoard(cache).find((m) => m.id === t.bob.id)?.availability?.loadToday;
      expect(loadOf(cold)).toBe(0.999);
      expect(loadOf(follower)).toBe(0.999);
      cold.close();
    } finally {
      follower.close();
      await other.close();
      await t.server.close();
    }
  });
});
