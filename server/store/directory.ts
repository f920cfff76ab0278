import type { Kysely } from 'kysely';
import { visibleText } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { appendChange, lockOrganisation } from './change-log';
import { appendGroup, createGroup } from './groups';
import { addMember, publicMember, toMember, type Member } from './members';
import { hashSecret, newSecret, sameHash } from './secrets';
import { isoAt } from './store-clock';
import { writeTransaction } from './write-transaction';

/**
 * What the company's directory (SCIM) changes: people it provisions, renames and deactivates,
 * and teams it keeps with their people. A person deactivated is removed through removeMember,
 * the same path as an admin's removal.
 */

/** A new directory secret for the organisation; the previous one stops working. Shown once. */
export async function setDirectorySecret(db: Kysely<Database>, orgId: string): Promise<string> {
  const secret = newSecret();
  const done = await db
    .updateTable('teams')
    .set({ scim_secret_hash: hashSecret(secret) })
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw notFound('organisation');
  return secret;
}

/** The organisation a directory secret belongs to, or null. */
export async function organisationOfDirectory(db: Kysely<Database>, secret: string): Promise<string | null> {
  const hash = hashSecret(secret);
  const row = await db
    .selectFrom('teams')
    .select(['id', 'scim_secret_hash'])
    .where('scim_secret_hash', '=', hash)
    .executeTakeFirst();
  return row?.scim_secret_hash && sameHash(row.scim_secret_hash, hash) ? row.id : null;
}

const personName = visibleText(80);

export interface DirectoryPerson {
  name: string;
  email: string;
  externalId?: string | undefined;
}

/** A person the directory sends, in the organisation; the email must be free there. */
export async function provisionMember(
  db: Kysely<Database>,
  orgId: string,
  person: DirectoryPerson,
  now = Date.now(),
) {
  const name = personName.safeParse(person.name);
  if (!name.success) throw new ApiError(400, 'invalid_request', `name: ${name.error.issues[0]!.message}`);
  return writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, orgId);
    const taken = await trx
      .selectFrom('members')
      .select('id')
      .where('team_id', '=', orgId)
      .where('removed_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', person.email.toLowerCase()))
      .executeTakeFirst();
    if (taken)
      throw new ApiError(409, 'uniqueness', `${person.email} is already a member of this organisation`);
    // Until the directory puts them in a team: the whole organisation if it has no teams yet.
    const teams = await trx
      .selectFrom('groups')
      .select('id')
      .where('team_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return addMember(
      trx,
      {
        orgId,
        name: name.data,
        email: person.email,
        groupId: null,
        wholeOrganisation: !teams,
        externalId: person.externalId ?? null,
      },
      now,
    );
  });
}

/** The directory renamed someone or changed their email: teammates see the new name. */
export async function updateDirectoryPerson(
  db: Kysely<Database>,
  member: Member,
  change: Partial<DirectoryPerson>,
  now = Date.now(),
): Promise<Member> {
  const name = change.name === undefined ? member.name : personName.parse(change.name);
  const next: Member = { ...member, name, email: change.email ?? member.email };
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable('members')
      .set({
        name: next.name,
        email: next.email,
        ...(change.externalId !== undefined ? { external_id: change.externalId } : {}),
      })
      .where('id', '=', member.id)
      .execute();
    if (next.name !== member.name)
      await appendChange(trx, now, member.orgId, 'member', member.id, member.id, publicMember(next));
  });
  return next;
}

/** A person of this organisation by id, removed ones included (the directory asks after them). */
export async function directoryPerson(db: Kysely<Database>, orgId: string, id: string) {
  const row = await db
    .selectFrom('members')
    .selectAll()
    .where('id', '=', id)
    .where('team_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('user');
  return { member: toMember(row), active: row.removed_at === null, externalId: row.external_id };
}

/** The organisation's people, live ones, by email or external id when the directory filters. */
export async function directoryPeople(
  db: Kysely<Database>,
  orgId: string,
  filter: { userName?: string; externalId?: string },
) {
  let query = db
    .selectFrom('members')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('removed_at', 'is', null);
  if (filter.userName)
    query = query.where((eb) => eb(eb.fn('lower', ['email']), '=', filter.userName!.toLowerCase()));
  if (filter.externalId) query = query.where('external_id', '=', filter.externalId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ member: toMember(row), active: true, externalId: row.external_id }));
}

/** A team the directory made (a group), with its external id. */
export async function provisionGroup(
  db: Kysely<Database>,
  orgId: string,
  name: string,
  externalId?: string,
  now = Date.now(),
) {
  const group = await createGroup(db, orgId, name, now);
  if (externalId)
    await db.updateTable('groups').set({ external_id: externalId }).where('id', '=', group.id).execute();
  return group.id;
}

/** The directory renamed a team. */
export async function renameGroup(
  db: Kysely<Database>,
  orgId: string,
  groupId: string,
  name: string,
  now = Date.now(),
) {
  const parsed = visibleText(80).safeParse(name);
  if (!parsed.success)
    throw new ApiError(400, 'invalid_request', `displayName: ${parsed.error.issues[0]!.message}`);
  await writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, orgId);
    const done = await trx
      .updateTable('groups')
      .set({ name: parsed.data })
      .where('id', '=', groupId)
      .where('team_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('group');
    await appendGroup(trx, groupId, '', now);
  });
}

/**
 * The directory deleted a team: everyone leaves it (their boards stop showing it, each of them
 * sees no more than before), and it is kept out of every list.
 */
export async function deleteGroup(db: Kysely<Database>, orgId: string, groupId: string, now = Date.now()) {
  await writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, orgId);
    const done = await trx
      .updateTable('groups')
      .set({ deleted_at: isoAt(now) })
      .where('id', '=', groupId)
      .where('team_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('group');
    await trx.deleteFrom('group_members').where('group_id', '=', groupId).execute();
    await appendGroup(trx, groupId, '', now);
  });
}

/** The organisation's live teams with their people's ids, filtered by name when asked. */
export async function directoryGroups(
  db: Kysely<Database>,
  orgId: string,
  filter: { displayName?: string; id?: string },
) {
  let query = db
    .selectFrom('groups')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('deleted_at', 'is', null);
  if (filter.displayName)
    query = query.where((eb) => eb(eb.fn('lower', ['name']), '=', filter.displayName!.toLowerCase()));
  if (filter.id) query = query.where('id', '=', filter.id);
  const groups = await query.orderBy('created_at').orderBy('id').execute();
  const members = groups.length
    ? await db
        .selectFrom('group_members')
        .innerJoin('members', 'members.id', 'group_members.member_id')
        .select(['group_members.group_id as groupId', 'members.id as id', 'members.name as name'])
        .where(
          'group_members.group_id',
          'in',
          groups.map((g) => g.id),
        )
        .execute()
    : [];
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    externalId: g.external_id,
    createdAt: g.created_at,
    members: members.filter((m) => m.groupId === g.id).map((m) => ({ id: m.id, name: m.name })),
  }));
}
