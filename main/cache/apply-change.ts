import type Database from 'better-sqlite3';
import { z } from 'zod';
import { memberData, type Change } from '../../shared/protocol/changes';
import type { Presence } from '../../shared/protocol/responses';
import { addressesSomeone } from '../../shared/status/what-they-are-on';

/** The few things applying a change needs from the cache (its statements, revisions, latest post). */
export interface CacheWriter {
  stmt(sql: string): Database.Statement;
  nextRev(): number;
  noteLatest(memberId: string, postId: string, createdAt: string): void;
  /** This post became a message to someone: if it was their latest, the one before it is. */
  unnoteLatest(memberId: string, postId: string): void;
}

/**
 * A member's latest post that says what they are on: a message to someone (what-they-are-on.ts)
 * is skipped. `addresses_someone` is that rule, registered as a SQL function by the cache.
 */
export const LATEST_ON = `(SELECT id FROM posts WHERE member_id = members.id
   AND NOT addresses_someone(json_extract(data, '$.text')) ORDER BY created_at DESC LIMIT 1)`;

/**
 * One change of the team's log into the cache's tables. The switch is over the wire's own
 * union: each kind's data is typed by its schema, and a kind added to the protocol and not
 * handled here fails to compile.
 */
export function applyChange(cache: CacheWriter, change: Change): void {
  switch (change.kind) {
    case 'member': {
      const member = change.data;
      // Topics come from the server's board (setTopics), not from the member's change.
      const previous = cache.stmt('SELECT data FROM members WHERE id = ?').get(member.id) as
        { data: string } | undefined;
      const topics = previous ? topicsOf(previous.data) : undefined;
      cache
        .stmt(
          'INSERT INTO members (id, name, data, rev) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data, rev = excluded.rev',
        )
        .run(
          member.id,
          member.name,
          JSON.stringify({ ...member, ...(topics ? { topics } : {}) }),
          cache.nextRev(),
        );
      return;
    }
    case 'member-removed':
      for (const table of ['statuses', 'availability'])
        cache.stmt(`DELETE FROM ${table} WHERE member_id = ?`).run(change.memberId);
      cache.stmt('DELETE FROM members WHERE id = ?').run(change.memberId);
      return;
    case 'status':
    case 'availability':
      cache
        .stmt(
          `INSERT INTO ${change.kind === 'status' ? 'statuses' : 'availability'} (member_id, data, rev) VALUES (?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET data = excluded.data, rev = excluded.rev`,
        )
        .run(change.memberId, JSON.stringify(change.data), cache.nextRev());
      return;
    case 'post': {
      const post = change.data;
      cache
        .stmt(
          'INSERT INTO posts (id, member_id, created_at, data, pending) VALUES (?, ?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, data = excluded.data, pending = 0',
        )
        .run(post.id, post.memberId, post.createdAt, JSON.stringify(post));
      if (addressesSomeone(post.text)) cache.unnoteLatest(post.memberId, post.id);
      else cache.noteLatest(post.memberId, post.id, post.createdAt);
      return;
    }
    case 'ask': {
      const ask = change.data;
      cache
        .stmt(
          'INSERT INTO asks (id, from_member, to_member, state, created_at, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, data = excluded.data',
        )
        .run(ask.id, ask.from, ask.to, ask.state, ask.createdAt, JSON.stringify(ask));
      return;
    }
    case 'group':
      cache
        .stmt(
          'INSERT INTO groups (id, name, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data',
        )
        .run(change.data.id, change.data.name, JSON.stringify(change.data));
      return;
    case 'stars':
      cache.stmt('DELETE FROM stars').run();
      for (const id of change.data.ids)
        cache.stmt('INSERT OR IGNORE INTO stars (member_id) VALUES (?)').run(id);
      return;
    case 'private':
      return; // someone else's: only its place in the sequence
    case 'post-deleted':
      cache.stmt('DELETE FROM posts WHERE id = ?').run(change.entityId);
      cache.stmt(`UPDATE members SET latest_post = ${LATEST_ON} WHERE id = ?`).run(change.memberId);
      return;
    default:
      return unhandled(change);
  }
}

/**
 * A page of changes in order. A member's latest post is noted once per run of posts, not once
 * per post (a cold sync is mostly posts: 20,000 updates of the members table saved); anything
 * else (a deleted post, a removed member) sees the notes of the posts before it first.
 */
export function applyPage(cache: CacheWriter, changes: readonly Change[], after: number): number {
  const latest = new Map<string, { id: string; createdAt: string }>();
  const noteAll = () => {
    for (const [memberId, post] of latest) cache.noteLatest(memberId, post.id, post.createdAt);
    latest.clear();
  };
  const batched: CacheWriter = {
    stmt: (sql) => cache.stmt(sql),
    nextRev: () => cache.nextRev(),
    noteLatest(memberId, id, createdAt) {
      const known = latest.get(memberId);
      if (!known || known.createdAt <= createdAt) latest.set(memberId, { id, createdAt });
    },
    unnoteLatest(memberId, id) {
      noteAll(); // the notes before it first, so it can be taken back
      cache.unnoteLatest(memberId, id);
    },
  };
  let cursor = after;
  for (const change of changes) {
    if (change.seq <= cursor) continue;
    if (change.kind !== 'post') noteAll();
    applyChange(batched, change);
    cursor = change.seq;
  }
  noteAll();
  return cursor;
}

/** A kind of change this switch does not handle is a compile error here. */
function unhandled(change: never): never {
  throw new Error(`unhandled change ${JSON.stringify(change)}`);
}

/** A member as the cache keeps it: the wire's member, with the topics the board gave. */
export const cachedMember = memberData.extend({ topics: z.array(z.string()).optional() });

const topicsOf = (data: string) => cachedMember.safeParse(JSON.parse(data)).data?.topics;

/** What a cached status or availability says of its time (both carry `updatedAt`). */
const stamped = z.object({ updatedAt: z.string() });

/**
 * Status and availability of people I just started to watch (a new team, a star): the log
 * held them back while I did not. Only what is newer than the cache's is written, so a live
 * change that arrived first is never replaced by this older answer.
 */
export function applyPresence(cache: CacheWriter, people: Presence): number {
  let written = 0;
  for (const person of people)
    for (const [table, data] of [
      ['statuses', person.status],
      ['availability', person.availability],
    ] as const) {
      if (!data) continue;
      const known = cache.stmt(`SELECT data FROM ${table} WHERE member_id = ?`).get(person.id) as
        { data: string } | undefined;
      const knownAt = known ? (stamped.safeParse(JSON.parse(known.data)).data?.updatedAt ?? '') : '';
      if (known && knownAt >= data.updatedAt) continue;
      cache
        .stmt(
          `INSERT INTO ${table} (member_id, data, rev) VALUES (?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET data = excluded.data, rev = excluded.rev`,
        )
        .run(person.id, JSON.stringify(data), cache.nextRev());
      written++;
    }
  return written;
}
