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
    })
    .execute();
  return change;
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

/** One page of a team's changes after `since`. */
export async function readChanges(
  db: Kysely<Database>,
  teamId: string,
  since: number,
  limit: number,
): Promise<SyncPage> {
  const rows = await db
    .selectFrom('changes')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const changes = rows.slice(0, limit).map(toChange);
  return { changes, cursor: changes.at(-1)?.seq ?? since, more };
}
