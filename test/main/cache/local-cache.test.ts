import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoard, readFeed } from '../../../main/cache/cache-queries';
import { LocalCache } from '../../../main/cache/local-cache';
import { changeSchema } from '../../../shared/protocol/changes';

const fresh = () => new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-cache-')));
const at = '2026-03-10T08:00:00Z';
/** A change as the server sends it: parsed by the wire's schema, so a test cannot send a wrong shape. */
const change = (seq: number, kind: string, memberId: string, data: unknown, entityId = memberId) =>
  changeSchema.parse({ seq, kind, memberId, entityId, at, data });
const member = (id: string, name: string, role = 'member') => ({
  id,
  teamId: 't',
  name,
  role,
  profile: {},
  createdAt: at,
});
const status = (state: string | null, text: string | null = null) => ({
  state,
  emoji: null,
  text,
  until: null,
  updatedAt: at,
});

describe('local cache', () => {
  it('applies the log in order, moves the cursor, and ignores what it already has', () => {
    const cache = fresh();
    const ana = member('a', 'Ana', 'admin');
    expect(
      cache.applyChanges([change(1, 'member', 'a', ana), change(2, 'status', 'a', status('focus', 'Q3'))]),
    ).toBe(2);
    expect(
      cache.applyChanges([
        change(2, 'status', 'a', status('dnd')),
        change(
          3,
          'post',
          'a',
          { id: 'p1', memberId: 'a', text: 'hi #x', tags: ['x'], createdAt: '2026-03-10T08:00:00Z' },
          'p1',
        ),
      ]),
    ).toBe(1);
    expect(cache.cursor).toBe(3);
    const [first] = readBoard(cache);
    expect(first).toMatchObject({
      name: 'Ana',
      status: { state: 'focus', text: 'Q3' },
      latestPost: { text: 'hi #x' },
    });
  });

  it('a page of posts and deletions ends on each person’s latest post that is left', () => {
    const cache = fresh();
    const post = (seq: number, id: string, who: string, minute: number) =>
      change(
        seq,
        'post',
        who,
        { id, memberId: who, text: id, tags: [], createdAt: `2026-03-10T08:${minute}:00Z` },
        id,
      );
    const deleted = (seq: number, id: string, who: string) => change(seq, 'post-deleted', who, { id }, id);
    cache.applyChanges([
      change(1, 'member', 'a', member('a', 'Ana')),
      change(2, 'member', 'b', member('b', 'Bob')),
      post(3, 'a1', 'a', 10),
      post(4, 'a3', 'a', 30),
      post(5, 'a2', 'a', 20),
      post(6, 'b1', 'b', 15),
      deleted(7, 'a3', 'a'), // Ana's latest goes: her 08:20 post is the latest again
      post(8, 'b2', 'b', 16),
      deleted(9, 'b2', 'b'),
    ]);
    const latest = Object.fromEntries(readBoard(cache).map((m) => [m.name, m.latestPost?.text]));
    expect(latest).toEqual({ Ana: 'a2', Bob: 'b1' });
  });

  it('a bulk write (a cold sync) keeps everything, and the journal is folded back in as usual after', async () => {
    const cache = fresh();
    await cache.inBulk(async () => {
      cache.applyChanges([
        change(1, 'member', 'a', member('a', 'Ana')),
        change(2, 'member', 'b', member('b', 'Bob')),
      ]);
    });
    expect(readBoard(cache).map((m) => m.name)).toEqual(['Ana', 'Bob']);
    expect(cache.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    cache.close();
  });

  it('survives a reopen: the file is the state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-cache-'));
    const first = new LocalCache(dir);
    first.applyChanges([change(1, 'member', 'a', member('a', 'Ana'))]);
    first.enqueue('x', { kind: 'post', id: 'x', text: 'hello' });
    first.close();
    const again = new LocalCache(dir);
    expect(again.cursor).toBe(1);
    expect(again.outbox().map((r) => r.id)).toEqual(['x']);
  });

  it('keeps only the latest queued status and availability, but every post, in order', () => {
    const cache = fresh();
    cache.enqueue('1', { kind: 'post', id: '1', text: 'one' });
    cache.enqueue('2', { kind: 'status', status: { state: 'focus' } });
    cache.enqueue('3', { kind: 'post', id: '3', text: 'three' });
    cache.enqueue('4', { kind: 'status', status: null });
    expect(cache.outbox().map((r) => r.id)).toEqual(['1', '3', '4']);
  });

  it('a rejected post leaves the outbox and the feed, with the reason kept', () => {
    const cache = fresh();
    cache.addPendingPost({ id: 'p', memberId: 'a', text: 'x', tags: [], createdAt: '2026-03-10T08:00:00Z' });
    cache.enqueue('p', { kind: 'post', id: 'p', text: 'x' });
    cache.reject({ id: 'p', kind: 'post', body: '{}' }, 400, 'text: too long');
    expect(cache.outbox()).toEqual([]);
    expect(readFeed(cache)).toEqual([]);
    expect(cache.rejected()).toEqual([{ id: 'p', kind: 'post', status: 400, message: 'text: too long' }]);
  });

  /** A post by Ana at 08:0<id>, with its text and tags. */
  const post = (id: string, text: string, tags: string[]) =>
    change(
      Number(id),
      'post',
      'a',
      { id, memberId: 'a', text, tags, createdAt: `2026-03-10T08:0${id}:00Z` },
      id,
    );

  it('filters the feed by #tag and @mention', () => {
    const cache = fresh();
    cache.applyChanges([
      post('1', 'on #billing', ['billing']),
      post('2', 'ask @Bob', []),
      post('3', 'more #billing for @Bob', ['billing']),
    ]);
    expect(readFeed(cache, { tag: 'billing' }).map((p) => p.id)).toEqual(['3', '1']);
    expect(readFeed(cache, { mention: 'Bob' }).map((p) => p.id)).toEqual(['3', '2']);
  });

  it('a page of one #tag is full: posts that only say the word do not take its places', () => {
    const cache = fresh();
    cache.applyChanges([
      post('1', 'kickoff #design', ['design']),
      post('2', 'mockups #design', ['design']),
      // Words in the text are not tags, even a text that is the word alone.
      post('3', 'design', []),
      post('4', 'design', []),
    ]);
    expect(readFeed(cache, { tag: 'design', limit: 2 }).map((p) => p.id)).toEqual(['2', '1']);
  });
});
