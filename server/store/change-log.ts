import type { Kysely, Transaction } from 'kysely';
import type { Change, ChangeKind, SyncPage } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { nowIso } from './secrets';

/**
 * Appends a change inside the caller's transaction. The team row's counter gives the
 * next sequence number; updating it locks the row, so the numbers of one team are
 * strictly increasing and commit in order, on SQLite and on PostgreSQL alike.
 */
export async function appendChange(
  trx: Transaction<Database>,
  teamId: string,
  kind: ChangeKind,
  memberId: string,
  entityId: string,
  data: unknown,
  /** Only these members see it (an ask); everyone else sees that a private change happened. */
  audience?: readonly string[],
): Promise<Change> {
  const { seq } = await trx
    .updateTable('teams')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  const change = { seq: Number(seq), kind, memberId, entityId, at: nowIso(), data };
  await trx
    .insertInto('changes')
    .values({
      team_id: teamId,
      seq: change.seq,
      kind,
      member_id: memberId,
      entity_id: entityId,
      at: change.at,
      data: JSON.stringify(data),
      audience: audience ? JSON.stringify(audience) : null,
    })
    .execute();
  return change;
}

/**
 * A change as one member may see it: in full when it is for the whole team or for them;
 * otherwise only its place in the sequence, so nobody's stream shows a gap.
 */
export function changeFor(row: Database['changes'], viewer: string | undefined): Change {
  if (row.audience && !(JSON.parse(row.audience) as string[]).includes(viewer ?? ''))
    return { seq: Number(row.seq), kind: 'private', memberId: '', entityId: '', at: row.at, data: null };
  return toChange(row);
}

export function toChange(row: Database['changes']): Change {
  return {
    seq: Number(row.seq),
    kind: row.kind as ChangeKind,
    memberId: row.member_id,
    entityId: row.entity_id,
    at: row.at,
    data: JSON.parse(row.data),
  };
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
