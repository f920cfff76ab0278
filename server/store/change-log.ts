import type { Kysely, Transaction } from 'kysely';
import { noteAppended, type ChangeRow } from './appended-rows';
import {
  changeSchema,
  freeBusyOnly,
  type Change,
  type ChangeData,
  type ChangeKind,
  type SyncPage,
} from '../../shared/protocol/changes';
import type { Database } from '../db/schema';
import { isoAt } from './store-clock';
import { writeTransaction } from './write-transaction';
import { mayShow, rowSight, scopeOf, type Sight, type ViewerScope } from './visibility';

/**
 * Takes the organisation's row lock first, in a transaction that updates other rows before appending:
 * every writer then locks in one order (the organisation, then its rows), so two cannot deadlock.
 */
export async function lockOrganisation(trx: Transaction<Database>, orgId: string): Promise<void> {
  await trx
    .updateTable('teams')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', orgId)
    .execute();
}

/**
 * Appends a change inside the caller's transaction. The organisation row's counter gives the
 * next sequence number; updating it locks the row, so the numbers of one team are
 * strictly increasing and commit in order, on SQLite and on PostgreSQL alike.
 */
export async function appendChange<K extends Exclude<ChangeKind, 'private'>>(
  trx: Transaction<Database>,
  now: number,
  orgId: string,
  kind: K,
  memberId: string,
  entityId: string,
  data: ChangeData<K>,
  reach: {
    /** Only these members see it (an ask, my stars); nobody else hears of it. */
    audience?: readonly string[];
    /** Everyone a post ever named: they see it beside the author's teams (reach.ts). */
    reached?: readonly string[];
  } = {},
): Promise<void> {
  const { audience, reached } = reach;
  const { seq } = await trx
    .updateTable('teams')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', orgId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const text = JSON.stringify(data);
  const row: ChangeRow = {
    team_id: orgId,
    seq: Number(seq),
    kind,
    member_id: memberId,
    entity_id: entityId,
    at: isoAt(now),
    data: text,
    size: text.length,
    audience: audience ? JSON.stringify(audience) : null,
    mentioned: reached?.length ? JSON.stringify(reached) : null,
  };
  await trx.insertInto('changes').values(row).execute();
  noteAppended(row);
  // What this change supersedes is gone from the log: a member's latest availability is one
  // change, whatever the number of republishes, and a newcomer replays no history.
  await trx
    .deleteFrom('changes')
    .where('team_id', '=', orgId)
    .where('entity_id', '=', entityId)
    .where('kind', 'in', supersedes[kind])
    .where('seq', '<', Number(seq))
    .execute();
}

/** The kinds of older change of the same entity that a change of this kind makes useless. */
const supersedes: Record<Exclude<ChangeKind, 'private'>, ChangeKind[]> = {
  member: ['member'],
  status: ['status'],
  availability: ['availability'],
  post: ['post'],
  // The tombstone stays (a device that has the post must learn it is gone); the post does not.
  'post-deleted': ['post'],
  ask: ['ask'],
  group: ['group'],
  stars: ['stars'],
  'member-removed': ['member', 'status', 'availability'],
};

/**
 * A change as this viewer sees it (the reach table): in full; without its titles for someone who
 * watches the person from outside their teams; as a tombstone for someone a post stopped naming;
 * or null, not sent to them at all.
 */
export function changeAs(row: ChangeRow, scope: ViewerScope): Change | null {
  const seen = rowSight(scope, row);
  return seen && seenAs(toChange(row), seen);
}

/** A change shaped for one way of seeing it (the stream encodes each shape once). */
export function seenAs(change: Change, seen: Exclude<Sight, null>): Change {
  if (seen === 'outside' && change.kind === 'availability')
    return { ...change, data: freeBusyOnly(change.data) };
  if (seen === 'gone') return { ...change, kind: 'post-deleted', data: { id: change.entityId } };
  return change;
}

/**
 * A stored row read back through the wire's schema: what was appended typed comes back typed,
 * with no cast; a row this server cannot read (written by a bug) is sent as a private one.
 */
export function toChange(row: ChangeRow): Change {
  const change = changeSchema.safeParse({
    seq: Number(row.seq),
    kind: row.kind,
    memberId: row.member_id,
    entityId: row.entity_id,
    at: row.at,
    data: JSON.parse(row.data),
  });
  return change.success
    ? change.data
    : { seq: Number(row.seq), kind: 'private', memberId: '', entityId: '', at: row.at, data: null };
}

/** What one page of the log may weigh (its changes' data), whatever their count: 1 MB. */
export const PAGE_BYTES = 1_000_000;

/**
 * One page of the change rows after `since` (up to `head`) that `viewer` may see: at most
 * `limit` rows and about `PAGE_BYTES` of data (always at least one row). The sizes are read
 * first, so a page of large rows never loads more of them than it sends. The database skips
 * what the viewer may not see (`mayShow`), so a newcomer in an organisation of thousands gets
 * pages of its teams and stars, not pages of holes.
 */
async function readRows(
  db: Kysely<Database>,
  orgId: string,
  window: { since: number; head: number; limit: number },
  viewer: string,
) {
  const sizes = await db
    .selectFrom('changes')
    .select(['seq', 'size'])
    .where('team_id', '=', orgId)
    .where('seq', '>', window.since)
    .where('seq', '<=', window.head)
    .where(mayShow(viewer))
    .orderBy('seq')
    .limit(window.limit + 1)
    .execute();
  let bytes = 0;
  let take = 0;
  for (const row of sizes) {
    if (take === window.limit || (take > 0 && bytes + Number(row.size) > PAGE_BYTES)) break;
    bytes += Number(row.size);
    take++;
  }
  if (take === 0) return { rows: [], more: false, upTo: window.head };
  // A row of the first read may be superseded (deleted) before the second: the page still ends
  // where the first read said, so its cursor never depends on a row that is gone.
  const upTo = Number(sizes[take - 1]!.seq);
  const rows = await db
    .selectFrom('changes')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('seq', '>', window.since)
    .where('seq', '<=', upTo)
    .where(mayShow(viewer))
    .orderBy('seq')
    .execute();
  return { rows, more: sizes.length > take, upTo };
}

/**
 * The few rows a live stream has not had yet, in one query: the hub reads right after each
 * commit, usually one row, so it skips the sizes read and bounds memory by a small count
 * instead (`TAIL_ROWS` of the largest change a member may publish is a few MB).
 */
export async function readTail(db: Kysely<Database>, orgId: string, since: number) {
  const rows = await db
    .selectFrom('changes')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(TAIL_ROWS)
    .execute();
  return { rows, more: rows.length === TAIL_ROWS };
}

const TAIL_ROWS = 16;

/**
 * One page of an organisation's changes after `since`, as `viewer` may see them. A cursor older than
 * the organisation's compaction point may have missed a pruned tombstone: it gets the log from the
 * start with `reset` (the client starts again from an empty team, then reads the pages of
 * that snapshot with `snapshot`), never a gap.
 */
export async function readChanges(
  db: Kysely<Database>,
  orgId: string,
  query: { since: number; limit: number; snapshot?: boolean },
  viewer: string,
): Promise<SyncPage> {
  // The head first: every change up to it is committed (writers hold the organisation row until they
  // commit), so a page that ends at the head may say "up to date to here" without a gap.
  const team = await db
    .selectFrom('teams')
    .select(['compacted_to', 'seq'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  const compactedTo = Number(team?.compacted_to ?? 0);
  const head = Number(team?.seq ?? 0);
  const reset = query.since > 0 && !query.snapshot && query.since < compactedTo;
  const since = reset ? 0 : query.since;
  const { rows, more, upTo } = await readRows(db, orgId, { since, head, limit: query.limit }, viewer);
  const scope = await scopeOf(
    db,
    viewer,
    rows.map((r) => r.member_id),
  );
  // The query left out what the viewer may not see; `sight` still decides each row it read.
  const changes = rows.flatMap((row) => changeAs(row, scope) ?? []);
  // The cursor passes what was left out: at the end of the page when there is more, at the
  // head otherwise (and past the compaction point: what lay before it was read or compacted).
  const cursor = more ? upTo : Math.max(head, since, compactedTo);
  return { changes, cursor, more, ...(reset ? { reset } : {}) };
}

/**
 * Tombstones (a deleted post, a removed member) are kept for `days`, time enough for every
 * device in use to have read them; older ones go, and the organisation's compaction point moves past
 * them so that a device offline for longer gets a snapshot. Returns how many went.
 */
export async function pruneTombstones(db: Kysely<Database>, days: number, now = Date.now()): Promise<number> {
  const before = new Date(now - days * 86_400_000).toISOString();
  return writeTransaction(db, async (trx) => {
    const old = await trx
      .selectFrom('changes')
      .select(['team_id', (eb) => eb.fn.max('seq').as('last')])
      .where('kind', 'in', ['post-deleted', 'member-removed'])
      .where('at', '<', before)
      .groupBy('team_id')
      .execute();
    let pruned = 0;
    for (const { team_id, last } of old) {
      const gone = await trx
        .deleteFrom('changes')
        .where('team_id', '=', team_id)
        .where('kind', 'in', ['post-deleted', 'member-removed'])
        .where('seq', '<=', Number(last))
        .executeTakeFirst();
      pruned += Number(gone.numDeletedRows);
      await trx
        .updateTable('teams')
        .set({ compacted_to: Number(last) })
        .where('id', '=', team_id)
        .where('compacted_to', '<', Number(last))
        .execute();
    }
    return pruned;
  });
}

/**
 * The organisation's posts written before `before` go, with their changes (a retention the admin sets;
 * by default posts are kept). Every device holding them gets a snapshot at its next sync: the
 * compaction point moves to the head of the log. Returns how many posts went.
 */
export async function prunePosts(db: Kysely<Database>, orgId: string, before: string): Promise<number> {
  return writeTransaction(db, async (trx) => {
    const old = trx
      .selectFrom('posts')
      .select('id')
      .where('team_id', '=', orgId)
      .where('created_at', '<', before);
    await trx
      .deleteFrom('changes')
      .where('team_id', '=', orgId)
      .where('kind', 'in', ['post', 'post-deleted'])
      .where('entity_id', 'in', old)
      .execute();
    const gone = await trx
      .deleteFrom('posts')
      .where('team_id', '=', orgId)
      .where('created_at', '<', before)
      .executeTakeFirst();
    // Past every cursor in use, even one at the head: a sequence number no change takes.
    await trx
      .updateTable('teams')
      .set((eb) => ({ seq: eb('seq', '+', 1), compacted_to: eb('seq', '+', 1) }))
      .where('id', '=', orgId)
      .execute();
    return Number(gone.numDeletedRows);
  });
}
