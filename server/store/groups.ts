import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { GROUP_MEMBERS_MAX } from '../../shared/protocol/changes';
import { visibleText } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { appendChange, lockOrganisation } from './change-log';
import { isoAt } from './store-clock';
import { writeTransaction } from './write-transaction';

/** A team of the organisation as admins list it: its people by name. */
export interface Group {
  id: string;
  name: string;
  createdAt: string;
  members: { id: string; name: string }[];
}

const groupName = visibleText(80);

/**
 * The team's latest state appended to the log: every device that shows it (its people's
 * boards) learns of a new team, a person added or one gone, and only the latest is kept.
 */
export async function appendGroup(
  trx: Transaction<Database>,
  groupId: string,
  actor: string,
  now: number,
): Promise<void> {
  const group = await trx
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', groupId)
    .executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom('group_members')
    .select('member_id')
    .where('group_id', '=', groupId)
    .orderBy('member_id')
    .execute();
  await appendChange(trx, now, group.team_id, 'group', actor, group.id, {
    id: group.id,
    name: group.name,
    members: members.map((m) => m.member_id),
    createdAt: group.created_at,
  });
}

/** A new team in the organisation, empty; its name is unique there (case aside). */
export async function createGroup(
  db: Kysely<Database>,
  orgId: string,
  name: string,
  now = Date.now(),
): Promise<Group> {
  const parsed = groupName.safeParse(name);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', `name: ${parsed.error.issues[0]!.message}`);
  const row = { id: randomUUID(), team_id: orgId, name: parsed.data, created_at: isoAt(now) };
  await writeTransaction(db, async (trx) => {
    const org = await trx.selectFrom('teams').select('id').where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound('organisation');
    await lockOrganisation(trx, orgId);
    const taken = await trx
      .selectFrom('groups')
      .select('id')
      .where('team_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', row.name.toLowerCase()))
      .executeTakeFirst();
    if (taken)
      throw new ApiError(409, 'name_taken', `the organisation already has a team named "${row.name}"`);
    await trx.insertInto('groups').values(row).execute();
    await appendGroup(trx, row.id, '', now);
  });
  return { id: row.id, name: row.name, createdAt: row.created_at, members: [] };
}

/** A team of this organisation by its id or its name (what an admin types). */
export async function findGroup(db: Kysely<Database>, orgId: string, idOrName: string) {
  const row = await db
    .selectFrom('groups')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('id', '=', idOrName), eb(eb.fn('lower', ['name']), '=', idOrName.toLowerCase())]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('team');
  return row;
}

/**
 * Puts a person of the organisation in one of its teams, or takes them out. Returns whether
 * anything changed (adding someone already there is no change, and no log entry).
 */
export async function setInGroup(
  db: Kysely<Database>,
  groupId: string,
  memberId: string,
  inGroup: boolean,
  now = Date.now(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const member = await trx
      .selectFrom('members')
      .select('team_id')
      .where('id', '=', memberId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!member) throw notFound('member');
    const group = await trx
      .selectFrom('groups')
      .selectAll()
      .where('id', '=', groupId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // Another organisation's team is not found, rather than "not yours": nothing about it leaks.
    if (!group || group.team_id !== member.team_id) throw notFound('team');
    await lockOrganisation(trx, group.team_id);
    const there = await trx
      .selectFrom('group_members')
      .select('member_id')
      .where('group_id', '=', groupId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (!!there === inGroup) return false;
    if (inGroup) {
      const size = await trx
        .selectFrom('group_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('group_id', '=', groupId)
        .executeTakeFirstOrThrow();
      if (Number(size.n) >= GROUP_MEMBERS_MAX)
        throw new ApiError(409, 'team_full', `a team holds at most ${GROUP_MEMBERS_MAX} people`);
      await trx.insertInto('group_members').values({ group_id: groupId, member_id: memberId }).execute();
      // Placed in a team: they see their teams now, no longer the whole organisation.
      await trx.updateTable('members').set({ whole_organisation: 0 }).where('id', '=', memberId).execute();
    } else {
      await trx
        .deleteFrom('group_members')
        .where('group_id', '=', groupId)
        .where('member_id', '=', memberId)
        .execute();
    }
    await appendGroup(trx, groupId, memberId, now);
    return true;
  });
}

/** A removed person leaves every team they were in (inside the removal's transaction). */
export async function leaveAllGroups(
  trx: Transaction<Database>,
  memberId: string,
  now: number,
): Promise<void> {
  const groups = await trx
    .selectFrom('group_members')
    .select('group_id')
    .where('member_id', '=', memberId)
    .execute();
  await trx.deleteFrom('group_members').where('member_id', '=', memberId).execute();
  for (const g of groups) await appendGroup(trx, g.group_id, memberId, now);
}

/** The organisation's teams with their people, by name. */
export async function listGroups(db: Kysely<Database>, orgId: string): Promise<Group[]> {
  const groups = await db
    .selectFrom('groups')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .innerJoin('members', 'members.id', 'group_members.member_id')
    .select(['group_members.group_id as groupId', 'members.id as id', 'members.name as name'])
    .where('groups.team_id', '=', orgId)
    .orderBy('members.name')
    .execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    createdAt: g.created_at,
    members: rows.filter((r) => r.groupId === g.id).map((r) => ({ id: r.id, name: r.name })),
  }));
}
