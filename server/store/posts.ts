import type { Kysely, Transaction } from 'kysely';
import { postData, type PostData } from '../../shared/protocol/changes';
import type { PostBody } from '../../shared/protocol/schemas';
import { extractTags } from '../../shared/quick-post/parse-quick-post';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { appendChange } from './change-log';
import type { Member } from './members';
import { isoAt } from './store-clock';
import { mentionedList, REACHED_MAX, type ViewerScope } from './visibility';
import { writeTransaction } from './write-transaction';

export type Post = PostData;

// The JSON columns are read back through the wire's own schemas: no cast between the store and
// what is sent.
const tagList = postData.shape.tags;

export const toPost = (row: Database['posts']): Post => ({
  id: row.id,
  memberId: row.member_id,
  text: row.text,
  tags: tagList.parse(JSON.parse(row.tags)),
  createdAt: row.created_at,
  ...(row.kind === 'decision' ? { kind: 'decision' as const } : {}),
  ...(row.mentioned ? { mentions: mentionedList.parse(JSON.parse(row.mentioned)) } : {}),
});

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
  /** The server's clock: what a post's stamp is checked against. */
  now = Date.now(),
): Promise<{ post: Post; created: boolean }> {
  return writeTransaction(db, async (trx) => {
    // Ids are per organisation: another organisation's post with this id is none of its business.
    const existing = await trx
      .selectFrom('posts')
      .selectAll()
      .where('team_id', '=', member.orgId)
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
      team_id: member.orgId,
      member_id: member.id,
      text: body.text,
      tags: JSON.stringify(tags),
      created_at: writtenAt(body.id, now),
      deleted_at: null,
      kind: body.kind ?? 'post',
      mentioned: await mentionedIn(trx, member, body.mentions),
      reached: null as string | null,
    };
    row.reached = row.mentioned;
    await trx.insertInto('posts').values(row).execute();
    await appendChange(trx, now, member.orgId, 'post', member.id, row.id, toPost(row), reachOf(row));
    return { post: toPost(row), created: true };
  });
}

export async function listPosts(
  db: Kysely<Database>,
  orgId: string,
  before: string | undefined,
  limit: number,
  scope: ViewerScope,
): Promise<Post[]> {
  let query = db.selectFrom('posts').selectAll().where('team_id', '=', orgId).where('deleted_at', 'is', null);
  // The reach table's `teams-and-named` in full: mine, my teammates', and those naming me now
  // (one it stopped naming reached me as a tombstone).
  if (!scope.wholeOrganisation)
    query = query.where((eb) =>
      eb.or([
        eb('member_id', 'in', [scope.id, ...scope.teammates]),
        eb('mentioned', 'like', `%"${scope.id}"%`),
      ]),
    );
  if (before) query = query.where('created_at', '<', before);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toPost);
}

/** Edits one's own post: same id and time, new text and tags; teammates get the change. */
export async function editPost(
  db: Kysely<Database>,
  member: Member,
  postId: string,
  edit: { text: string; mentions?: readonly string[] | undefined },
  now = Date.now(),
): Promise<Post> {
  return writeTransaction(db, async (trx) => {
    const post = await teamPost(trx, member, postId);
    if (post.member_id !== member.id) throw new ApiError(403, 'forbidden', 'only its author may edit a post');
    const mentioned = edit.mentions ? await mentionedIn(trx, member, edit.mentions) : post.mentioned;
    // The edit reaches everyone the post ever named: those it stops naming get a tombstone.
    const reached = union(post.reached, mentioned);
    const row = { ...post, text: edit.text, tags: JSON.stringify(tagsOf(edit.text, [])), mentioned, reached };
    await trx
      .updateTable('posts')
      .set({ text: row.text, tags: row.tags, mentioned, reached })
      .where('team_id', '=', member.orgId)
      .where('id', '=', postId)
      .execute();
    await appendChange(trx, now, member.orgId, 'post', member.id, postId, toPost(row), reachOf(row));
    return toPost(row);
  });
}

/** A live post of the caller's organisation; another's, or a deleted one, is a 404. */
async function teamPost(trx: Transaction<Database>, member: Member, postId: string) {
  const post = await trx
    .selectFrom('posts')
    .selectAll()
    .where('id', '=', postId)
    .where('team_id', '=', member.orgId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!post) throw notFound('post');
  return post;
}

const tagsOf = (text: string, given: string[]) => [...new Set([...given, ...extractTags(text)])];

/** Deletes a post of the caller's team: one's own, or any for an admin. */
export async function deletePost(
  db: Kysely<Database>,
  member: Member,
  postId: string,
  now = Date.now(),
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const post = await teamPost(trx, member, postId);
    if (post.member_id !== member.id && member.role !== 'admin')
      throw new ApiError(403, 'forbidden', 'only its author or an admin may delete a post');
    await trx
      .updateTable('posts')
      .set({ deleted_at: isoAt(now) })
      .where('team_id', '=', member.orgId)
      .where('id', '=', postId)
      .execute();
    // Whoever the post reached hears that it is gone.
    await appendChange(
      trx,
      now,
      member.orgId,
      'post-deleted',
      post.member_id,
      postId,
      { id: postId },
      reachOf(post),
    );
  });
}

/**
 * The people a post names, as stored: members of the author's organisation (anyone, in any
 * team), not the author. An id that is not one is refused with its reason, nothing stored.
 */
async function mentionedIn(
  trx: Transaction<Database>,
  author: Member,
  ids: readonly string[] | undefined,
): Promise<string | null> {
  const wanted = [...new Set(ids ?? [])].filter((id) => id !== author.id);
  if (wanted.length === 0) return null;
  const found = await trx
    .selectFrom('members')
    .select('id')
    .where('team_id', '=', author.orgId)
    .where('removed_at', 'is', null)
    .where('id', 'in', wanted)
    .execute();
  const known = new Set(found.map((m) => m.id));
  const unknown = wanted.find((id) => !known.has(id));
  if (unknown)
    throw new ApiError(400, 'invalid_request', `mentions: ${unknown} is not a member of your organisation`);
  return JSON.stringify(wanted);
}

/** Everyone a post named before and names now, bounded: past that, an edit is refused. */
function union(before: string | null, now: string | null): string | null {
  const ids = [...new Set([...(listOf(before) ?? []), ...(listOf(now) ?? [])])];
  if (ids.length > REACHED_MAX)
    throw new ApiError(
      409,
      'too_many_named',
      `a post may name at most ${REACHED_MAX} people over its edits: write a new post instead`,
    );
  return ids.length ? JSON.stringify(ids) : null;
}

const listOf = (text: string | null) => (text ? mentionedList.parse(JSON.parse(text)) : null);

/** Whom a post's log entries reach beyond the author's teams: everyone it ever named. */
const reachOf = (row: { reached: string | null }) => {
  const reached = listOf(row.reached);
  return reached ? { reached } : {};
};
