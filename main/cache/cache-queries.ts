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

/** The whole board from the cache: one query, the latest post through its index. */
export function readBoard(cache: LocalCache): BoardMember[] {
  const rows = cache.db
    .prepare(
      `SELECT m.data AS member, s.data AS status, a.data AS availability,
              (SELECT p.data FROM posts p WHERE p.member_id = m.id ORDER BY p.created_at DESC LIMIT 1) AS post
         FROM members m
         LEFT JOIN statuses s ON s.member_id = m.id
         LEFT JOIN availability a ON a.member_id = m.id
        ORDER BY m.name COLLATE NOCASE`,
    )
    .all() as { member: string; status: string | null; availability: string | null; post: string | null }[];
  return rows.map((row) => {
    const member = JSON.parse(row.member) as Omit<BoardMember, 'status' | 'availability' | 'latestPost'>;
    return {
      ...member,
      profile: member.profile ?? {},
      topics: member.topics ?? [],
      status: parse<StatusData>(row.status),
      availability: parse<AvailabilityData>(row.availability),
      latestPost: parse<CachedPost>(row.post),
    };
  });
}

/** Posts newest first; `before` pages; a #tag or @mention narrows the feed. */
export function readFeed(
  cache: LocalCache,
  options: { before?: string; limit?: number; memberId?: string; tag?: string; mention?: string } = {},
) {
  const clauses: [string, unknown][] = [];
  if (options.before) clauses.push(['created_at < ?', options.before]);
  if (options.memberId) clauses.push(['member_id = ?', options.memberId]);
  if (options.tag) clauses.push(["data LIKE ? ESCAPE '\\'", `%"${escapeLike(options.tag.toLowerCase())}"%`]);
  if (options.mention) clauses.push(["data LIKE ? ESCAPE '\\'", `%@${escapeLike(options.mention)}%`]);
  const where = clauses.map(([c]) => c);
  const args = clauses.map(([, a]) => a);
  const sql = `SELECT data, pending FROM posts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
  const rows = cache.db.prepare(sql).all(...args, options.limit ?? 50) as { data: string; pending: number }[];
  return rows
    .map((r) => ({ ...(JSON.parse(r.data) as CachedPost), pending: r.pending === 1 }))
    .filter((p) => !options.tag || p.tags.includes(options.tag.toLowerCase()));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
