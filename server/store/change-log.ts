import type { Kysely, Transaction } from 'kysely';
import {
  changeSchema,
  type Change,
  type ChangeData,
  type ChangeKind,
  type SyncPage,
} from '../../shared/protocol/changes';
import type { Database } from '../db/schema';
import { nowIso } from './secrets';
import { audienceList } from '../../shared/protocol/changes';

/**
 * Appends a change inside the caller's transaction. The team row's counter gives the
 * next sequence number; updating it locks the row, so the numbers of one team are
 * strictly increasing and commit in order, on SQLite and on PostgreSQL alike.
 */
export async function appendChange<K extends Exclude<ChangeKind, 'private'>>(
  trx: Transaction<Database>,
  teamId: string,
  kind: K,
  memberId: string,
  entityId: string,
  data: ChangeData<K>,
  /** Only these members see it (an ask); everyone else sees that a private change happened. */
  audience?: readonly string[],
): Promise<void> {
  const { seq } = await trx
    .updateTable('teams')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const at = nowIso();
  await trx
    .insertInto('changes')
    .values({
      team_id: teamId,
      seq: Number(seq),
      kind,
      member_id: memberId,
      entity_id: entityId,
      at,
      data: JSON.stringify(data),
      audience: audience ? JSON.stringify(audience) : null,
    })
    .execute();
}

/**
 * A change as one member may see it: in full when it is for the whole team or for them;
 * otherwise only its place in the sequence, so nobody's stream shows a gap.
 */
export function changeFor(row: Database['changes'], viewer: string | undefined): Change {
  if (row.audience && !audienceList.parse(JSON.parse(row.audience)).includes(viewer ?? ''))
    return { seq: Number(row.seq), kind: 'private', memberId: '', entityId: '', at: row.at, data: null };
  return toChange(row);
}

/**
 * A stored row read back through the wire's schema: what was appended typed comes back typed,
 * with no cast; a row this server cannot read (written by a bug) is sent as a private one.
 */
export function toChange(row: Database['changes']): Change {
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

/** One page of a team's change rows after `since`, unmasked (the hub masks per stream). */
export async function readRows(db: Kysely<Database>, teamId: string, since: number, limit: number) {
  const rows = await db
    .selectFrom('changes')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** One page of a team's changes after `since`, as `viewer` may see them. */
export async function readChanges(
  db: Kysely<Database>,
  teamId: string,
  since: number,
  limit: number,
  viewer?: string,
): Promise<SyncPage> {
  const { rows, more } = await readRows(db, teamId, since, limit);
  const changes = rows.map((row) => changeFor(row, viewer));
  return { changes, cursor: changes.at(-1)?.seq ?? since, more };
}
