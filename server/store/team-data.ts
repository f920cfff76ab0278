import type { Kysely, Transaction } from 'kysely';
import {
  availabilityData,
  postData,
  type AvailabilityData,
  type PostData,
  type StatusData,
} from '../../shared/protocol/changes';
import type { AvailabilityBody, PostBody, ProfilePatch, StatusBody } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import type { ViewerScope } from './visibility';
import { ApiError, notFound } from './api-error';
import { appendChange } from './change-log';
import { publicMember, toMember, type Member } from './members';
import { nowIso } from './secrets';
import { extractTags } from '../../shared/quick-post/parse-quick-post';
import { writeTransaction } from './write-transaction';

export type Post = PostData;

// The JSON columns are read back through the wire's own schemas: no cast between the store and
// what is sent.
const tagList = postData.shape.tags;
const busyList = availabilityData.shape.busy;
const titleList = availabilityData.shape.titles.unwrap();

const toPost = (row: Database['posts']): Post => ({
  id: row.id,
  memberId: row.member_id,
  text: row.text,
  tags: tagList.parse(JSON.parse(row.tags)),
  createdAt: row.created_at,
  ...(row.kind === 'decision' ? { kind: 'decision' as const } : {}),
});

const toStatus = (row: Database['statuses']): StatusData => ({
  state: row.state,
  emoji: row.emoji,
  text: row.text,
  until: row.until,
  updatedAt: row.updated_at,
});

const toAvailability = (row: Database['availability']): AvailabilityData => ({
  window: { from: row.window_from, to: row.window_to },
  busy: busyList.parse(JSON.parse(row.busy)),
  loadToday: row.load_today,
  loadWeek: row.load_week,
  ...(row.titles ? { titles: titleList.parse(JSON.parse(row.titles)) } : {}),
  ...(row.stale_since ? { staleSince: row.stale_since } : {}),
  updatedAt: row.updated_at,
});

const maybe = <R, T>(row: R | undefined, to: (row: R) => T): T | null => (row ? to(row) : null);

export async function updateProfile(
  db: Kysely<Database>,
  member: Member,
  patch: ProfilePatch,
): Promise<Member> {
  const { name, ...profile } = patch;
  const next: Member = { ...member, name: name ?? member.name, profile: { ...member.profile, ...profile } };
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable('members')
      .set({ name: next.name, profile: JSON.stringify(next.profile) })
      .where('id', '=', member.id)
      .execute();
    await appendChange(trx, member.teamId, 'member', member.id, member.id, publicMember(next));
  });
  return next;
}

export async function setStatus(db: Kysely<Database>, member: Member, body: StatusBody | null) {
  const row = {
    member_id: member.id,
    state: body?.state ?? null,
    emoji: body?.emoji ?? null,
    text: body?.text ?? null,
    until: body?.until ?? null,
    updated_at: nowIso(),
  };
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto('statuses')
      .values(row)
      .onConflict((oc) =>
        oc.column('member_id').doUpdateSet({
          state: row.state,
          emoji: row.emoji,
          text: row.text,
          until: row.until,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    await appendChange(trx, member.teamId, 'status', member.id, member.id, toStatus(row));
  });
  return toStatus(row);
}

export async function setAvailability(db: Kysely<Database>, member: Member, body: AvailabilityBody) {
  const row = {
    member_id: member.id,
    window_from: body.window.from,
    window_to: body.window.to,
    busy: JSON.stringify(body.busy),
    load_today: body.loadToday ?? null,
    load_week: body.loadWeek ?? null,
    titles: body.titles ? JSON.stringify(body.titles) : null,
    updated_at: nowIso(),
    stale_since: body.staleSince ?? null,
  };
  const { member_id: _m, ...update } = row;
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto('availability')
      .values(row)
      .onConflict((oc) => oc.column('member_id').doUpdateSet(update))
      .execute();
    await appendChange(trx, member.teamId, 'availability', member.id, member.id, toAvailability(row));
  });
  return toAvailability(row);
}

/**
 * When a post was written: its client id is a UUID v7, stamped by the writer's clock, so a post
 * queued offline keeps the moment it was written, not the moment it arrived. Only a stamp from
 * the last seven days and not from the future counts; anything else is stamped on arrival.
 */
export function writtenAt(id: string, now = Date.now()): string {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{12}7/i.test(hex)) return new Date(now).toISOString();
  const stamp = parseInt(hex.slice(0, 12), 16);
  return new Date(stamp <= now && stamp >= now - 7 * 86_400_000 ? stamp : now).toISOString();
}

/** Creates a post; the same client id again answers the stored post, never a duplicate. */
export async function createPost(
  db: Kysely<Database>,
  member: Member,
  body: PostBody,
): Promise<{ post: Post; created: boolean }> {
  return writeTransaction(db, async (trx) => {
    // Ids are per team: another team's post with this id is none of this team's business.
    const existing = await trx
      .selectFrom('posts')
      .selectAll()
      .where('team_id', '=', member.teamId)
      .where('id', '=', body.id)
      .executeTakeFirst();
    if (existing) {
      if (existing.member_id !== member.id)
        throw new ApiError(409, 'id_taken', 'this post id is already used in your team');
      return { post: toPost(existing), created: false };
    }
    const tags = tagsOf(body.text, body.tags ?? []);
    const row = {
      id: body.id,
      team_id: member.teamId,
      member_id: member.id,
      text: body.text,
      tags: JSON.stringify(tags),
      created_at: writtenAt(body.id),
      deleted_at: null,
      kind: body.kind ?? 'post',
    };
    await trx.insertInto('posts').values(row).execute();
    await appendChange(trx, member.teamId, 'post', member.id, row.id, toPost(row));
    return { post: toPost(row), created: true };
  });
}

export async function listPosts(
  db: Kysely<Database>,
  teamId: string,
  before: string | undefined,
  limit: number,
  scope: ViewerScope,
): Promise<Post[]> {
  let query = db
    .selectFrom('posts')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('deleted_at', 'is', null);
  // Posts are for the author's teams (visibility.ts): mine and my teammates'.
  if (!scope.everyone) query = query.where('member_id', 'in', [scope.id, ...scope.teammates]);
  if (before) query = query.where('created_at', '<', before);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toPost);
}

/** Edits one's own post: same id and time, new text and tags; teammates get the change. */
export async function editPost(
  db: Kysely<Database>,
  member: Member,
  postId: string,
  text: string,
): Promise<Post> {
  return writeTransaction(db, async (trx) => {
    const post = await teamPost(trx, member, postId);
    if (post.member_id !== member.id) throw new ApiError(403, 'forbidden', 'only its author may edit a post');
    const row = { ...post, text, tags: JSON.stringify(tagsOf(text, [])) };
    await trx
      .updateTable('posts')
      .set({ text: row.text, tags: row.tags })
      .where('team_id', '=', member.teamId)
      .where('id', '=', postId)
      .execute();
    await appendChange(trx, member.teamId, 'post', member.id, postId, toPost(row));
    return toPost(row);
  });
}

/** A live post of the caller's team; another team's, or a deleted one, is a 404. */
async function teamPost(trx: Transaction<Database>, member: Member, postId: string) {
  const post = await trx
    .selectFrom('posts')
    .selectAll()
    .where('id', '=', postId)
    .where('team_id', '=', member.teamId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!post) throw notFound('post');
  return post;
}

const tagsOf = (text: string, given: string[]) => [...new Set([...given, ...extractTags(text)])];

/** Deletes a post of the caller's team: one's own, or any for an admin. */
export async function deletePost(db: Kysely<Database>, member: Member, postId: string): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const post = await teamPost(trx, member, postId);
    if (post.member_id !== member.id && member.role !== 'admin')
      throw new ApiError(403, 'forbidden', 'only its author or an admin may delete a post');
    await trx
      .updateTable('posts')
      .set({ deleted_at: nowIso() })
      .where('team_id', '=', member.teamId)
      .where('id', '=', postId)
      .execute();
    await appendChange(trx, member.teamId, 'post-deleted', post.member_id, postId, { id: postId });
  });
}

/** Every member of the team with status, availability, latest post and topics. */
export async function board(db: Kysely<Database>, teamId: string) {
  const [members, statuses, availability, posts] = await Promise.all([
    db
      .selectFrom('members')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('removed_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('statuses')
      .innerJoin('members', 'members.id', 'statuses.member_id')
      .selectAll('statuses')
      .where('members.team_id', '=', teamId)
      .execute(),
    db
      .selectFrom('availability')
      .innerJoin('members', 'members.id', 'availability.member_id')
      .selectAll('availability')
      .where('members.team_id', '=', teamId)
      .execute(),
    db
      .selectFrom('posts')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('deleted_at', 'is', null)
      .where('created_at', '>=', new Date(Date.now() - 30 * 86_400_000).toISOString())
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  const statusBy = new Map(statuses.map((s) => [s.member_id, s]));
  const availabilityBy = new Map(availability.map((a) => [a.member_id, a]));
  const latest = new Map<string, Post>();
  const tagCounts = new Map<string, Map<string, number>>();
  for (const row of posts) {
    const post = toPost(row);
    if (!latest.has(post.memberId)) latest.set(post.memberId, post);
    const counts = tagCounts.get(post.memberId) ?? new Map<string, number>();
    for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    tagCounts.set(post.memberId, counts);
  }
  return members.map((row) => {
    const member = publicMember(toMember(row));
    const counts = [...(tagCounts.get(row.id) ?? new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    return {
      ...member,
      status: maybe(statusBy.get(row.id), toStatus),
      availability: maybe(availabilityBy.get(row.id), toAvailability),
      latestPost: latest.get(row.id) ?? null,
      topics: counts.slice(0, 5).map(([tag]) => tag),
    };
  });
}
