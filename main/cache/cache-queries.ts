import type { CachedPost, LocalCache } from './local-cache';

export interface StatusData {
  state: string | null;
  emoji: string | null;
  text: string | null;
  until: string | null;
  updatedAt?: string;
}

export interface AvailabilityData {
  window: { from: string; to: string };
  busy: { start: string; end: string; kind: 'busy' | 'tentative' | 'oof' }[];
  titles?: { start: string; title: string }[];
  staleSince?: string;
  loadToday: number | null;
  loadWeek: number | null;
  updatedAt?: string;
}

export interface BoardMember {
  id: string;
  name: string;
  role: 'admin' | 'member';
  profile: {
    role?: string;
    skills?: string[];
    timezone?: string;
    workingHours?: { start: number; end: number }[][];
  };
  topics: string[];
  status: StatusData | null;
  availability: AvailabilityData | null;
  latestPost: CachedPost | null;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** Board rows by their revisions: a read after one change rebuilds one member, not 500. */
const memo = new WeakMap<LocalCache, Map<string, BoardMember>>();

/** The whole board from the cache. Reads revisions first and the JSON only of changed rows. */
export function readBoard(cache: LocalCache): BoardMember[] {
  let rows = memo.get(cache);
  if (!rows) memo.set(cache, (rows = new Map()));
  const keys = cache
    .stmt(
      `SELECT m.id, m.rev AS m, s.rev AS s, a.rev AS a, m.latest_post AS p, p.created_at AS pc, p.pending AS pp
         FROM members m
         LEFT JOIN statuses s ON s.member_id = m.id
         LEFT JOIN availability a ON a.member_id = m.id
         LEFT JOIN posts p ON p.id = m.latest_post
        ORDER BY m.name COLLATE NOCASE`,
    )
    .raw()
    .all() as unknown[][];
  const next = new Map<string, BoardMember>();
  const board = keys.map((k) => {
    const key = k.join('|');
    let member = rows.get(key);
    if (!member) member = loadMember(cache, String(k[0]), k[4] as string | null);
    next.set(key, member);
    return member;
  });
  memo.set(cache, next);
  return board;
}

function loadMember(cache: LocalCache, id: string, postId: string | null): BoardMember {
  const row = cache
    .stmt(
      `SELECT m.data AS member, s.data AS status, a.data AS availability, p.data AS post
         FROM members m LEFT JOIN statuses s ON s.member_id = m.id LEFT JOIN availability a ON a.member_id = m.id
         LEFT JOIN posts p ON p.id = ? WHERE m.id = ?`,
    )
    .get(postId, id) as {
    member: string;
    status: string | null;
    availability: string | null;
    post: string | null;
  };
  const member = JSON.parse(row.member) as Omit<BoardMember, 'status' | 'availability' | 'latestPost'>;
  return {
    ...member,
    profile: member.profile ?? {},
    topics: member.topics ?? [],
    status: parse<StatusData>(row.status),
    availability: parse<AvailabilityData>(row.availability),
    latestPost: parse<CachedPost>(row.post),
  };
}

/** Posts newest first; `before` pages; a #tag or @mention narrows the feed. */
export function readFeed(
  cache: LocalCache,
  options: {
    before?: string;
    limit?: number;
    memberId?: string;
    tag?: string;
    mention?: string;
    decisions?: boolean;
  } = {},
) {
  const clauses: [string, unknown][] = [];
  if (options.before) clauses.push(['created_at < ?', options.before]);
  if (options.memberId) clauses.push(['member_id = ?', options.memberId]);
  if (options.tag) clauses.push(["data LIKE ? ESCAPE '\\'", `%"${escapeLike(options.tag.toLowerCase())}"%`]);
  if (options.mention) clauses.push(["data LIKE ? ESCAPE '\\'", `%@${escapeLike(options.mention)}%`]);
  if (options.decisions) clauses.push(['data LIKE ?', '%"kind":"decision"%']);
  const where = clauses.map(([c]) => c);
  const args = clauses.map(([, a]) => a);
  const sql = `SELECT data, pending FROM posts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
  const rows = cache.stmt(sql).all(...args, options.limit ?? 50) as { data: string; pending: number }[];
  return rows
    .map((r) => ({ ...(JSON.parse(r.data) as CachedPost), pending: r.pending === 1 }))
    .filter((p) => !options.tag || p.tags.includes(options.tag.toLowerCase()));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
