import type { z } from 'zod';
import {
  askSchema,
  availabilityData,
  groupData,
  postData,
  statusData,
  type Ask,
  type AvailabilityData,
  type GroupData,
  type StatusData,
} from '../../shared/protocol/changes';
import { cachedMember } from './apply-change';
import type { CachedPost, LocalCache } from './local-cache';

export interface BoardMember extends Omit<z.infer<typeof cachedMember>, 'topics'> {
  topics: string[];
  status: StatusData | null;
  availability: AvailabilityData | null;
  latestPost: CachedPost | null;
}

/** A stored row read back through its schema: null when absent or unreadable (that member only). */
const read = <T>(schema: z.ZodType<T>, text: string | null): T | null =>
  text === null ? null : (schema.safeParse(JSON.parse(text)).data ?? null);

/** Board rows by their revisions: a read after one change rebuilds one member, not 500. */
const memo = new WeakMap<LocalCache, Map<string, BoardMember>>();
/** The last board read, by the cache's version: a read with nothing changed is no query at all. */
const last = new WeakMap<LocalCache, { version: string; board: BoardMember[] }>();

const KEYS = `m.id, m.rev AS m, s.rev AS s, a.rev AS a, m.latest_post AS p, p.created_at AS pc, p.pending AS pp`;
const DATA = `m.data AS member, s.data AS status, a.data AS availability, p.data AS post`;
const JOINS = `FROM members m
         LEFT JOIN statuses s ON s.member_id = m.id
         LEFT JOIN availability a ON a.member_id = m.id`;

interface StoredMember {
  member: string;
  status: string | null;
  availability: string | null;
  post: string | null;
}

/**
 * The whole board from the cache. Reads revisions first and the JSON only of changed rows; the
 * first read (an app starting) reads everyone in one query instead of one per member.
 */
export function readBoard(cache: LocalCache): BoardMember[] {
  const version = cache.version();
  const previous = last.get(cache);
  if (previous?.version === version) return previous.board;
  let rows = memo.get(cache);
  if (!rows) memo.set(cache, (rows = new Map()));
  const cold = rows.size === 0;
  const keys = cache
    .stmt(
      `SELECT ${KEYS}${cold ? `, ${DATA}` : ''} ${JOINS}
         LEFT JOIN posts p ON p.id = m.latest_post
        ORDER BY m.name COLLATE NOCASE`,
    )
    .raw()
    .all() as unknown[][];
  const next = new Map<string, BoardMember>();
  const board: BoardMember[] = [];
  for (const k of keys) {
    const key = k.slice(0, 7).join('|');
    const member =
      rows.get(key) ??
      (cold
        ? boardMember({ member: k[7], status: k[8], availability: k[9], post: k[10] } as StoredMember)
        : loadMember(cache, String(k[0]), typeof k[4] === 'string' ? k[4] : null));
    if (!member) continue; // a row this version cannot read hides that member only
    next.set(key, member);
    board.push(member);
  }
  memo.set(cache, next);
  // Shared by every reader until the cache changes: frozen, so that none can sort it for the others.
  last.set(cache, { version, board: Object.freeze(board) as BoardMember[] });
  return board;
}

function loadMember(cache: LocalCache, id: string, postId: string | null): BoardMember | null {
  const row = cache
    .stmt(`SELECT ${DATA} ${JOINS} LEFT JOIN posts p ON p.id = ? WHERE m.id = ?`)
    .get(postId, id);
  return boardMember(row as StoredMember);
}

function boardMember(row: StoredMember): BoardMember | null {
  const member = read(cachedMember, row.member);
  if (!member) return null;
  return {
    ...member,
    topics: member.topics ?? [],
    status: read(statusData, row.status),
    availability: read(availabilityData, row.availability),
    latestPost: read(postData, row.post),
  };
}

/** Posts newest first; `before` pages; a #tag or @mention narrows the feed. */
export function readFeed(
  cache: LocalCache,
  options: {
    before?: string;
    limit?: number;
    memberId?: string;
    /** Posts by these people only (one of my teams). */
    memberIds?: readonly string[];
    tag?: string;
    mention?: string;
    decisions?: boolean;
  } = {},
) {
  const clauses: [string, unknown][] = [];
  if (options.before) clauses.push(['created_at < ?', options.before]);
  if (options.memberId) clauses.push(['member_id = ?', options.memberId]);
  if (options.memberIds)
    clauses.push(['member_id IN (SELECT value FROM json_each(?))', JSON.stringify(options.memberIds)]);
  // The tag among the post's tags, in SQL, so LIMIT counts only tagged posts (a text that is the
  // word alone is not a tag).
  if (options.tag)
    clauses.push([
      "EXISTS (SELECT 1 FROM json_each(data, '$.tags') WHERE value = ?)",
      options.tag.toLowerCase(),
    ]);
  if (options.mention) clauses.push(["data LIKE ? ESCAPE '\\'", `%@${escapeLike(options.mention)}%`]);
  if (options.decisions) clauses.push(['data LIKE ?', '%"kind":"decision"%']);
  const where = clauses.map(([c]) => c);
  const args = clauses.map(([, a]) => a);
  const sql = `SELECT data, pending FROM posts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
  const rows = cache.stmt(sql).all(...args, options.limit ?? 50) as { data: string; pending: number }[];
  return rows.flatMap((r) => {
    const post = read(postData, r.data);
    return post ? [{ ...post, pending: r.pending === 1 }] : [];
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The organisation's teams as last synced (each with its member ids); unreadable rows are skipped. */
export function readGroups(cache: LocalCache): GroupData[] {
  const rows = cache.stmt('SELECT data FROM groups ORDER BY name COLLATE NOCASE').all() as { data: string }[];
  return rows.flatMap((r) => groupData.safeParse(JSON.parse(r.data)).data ?? []);
}

/** The people I star, as the server last said. */
export function readStars(cache: LocalCache): string[] {
  return (cache.stmt('SELECT member_id FROM stars').pluck().all() as unknown[]).map(String);
}

/** The asks I sent or received, newest first, each read through its schema (an unreadable one is left out). */
export function readAsks(cache: LocalCache): Ask[] {
  return cache.asks().flatMap((a) => askSchema.safeParse(a).data ?? []);
}
