import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { memberProfileData } from '../../shared/protocol/changes';
import { newTeam } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { appendChange, lockOrganisation } from './change-log';
import { hashSecret, newInviteCode, sameHash } from './secrets';
import { isoAt } from './store-clock';
import { issueToken } from './tokens';
import { appendGroup, leaveAllGroups } from './groups';
import { writeTransaction } from './write-transaction';

export type Profile = z.infer<typeof memberProfileData>;

export interface Member {
  id: string;
  orgId: string;
  name: string;
  email: string;
  role: 'admin' | 'member';
  profile: Profile;
  createdAt: string;
}

export const toMember = (
  row: Omit<Database['members'], 'whole_organisation' | 'profile_pending' | 'external_id'>,
): Member => ({
  id: row.id,
  orgId: row.team_id,
  name: row.name,
  email: row.email,
  role: row.role,
  profile: memberProfileData.parse(JSON.parse(row.profile)),
  createdAt: row.created_at,
});

/**
 * A member on the wire, as the caller sees themselves (with their email). The wire still calls
 * the organisation's id `teamId`: it is public, and desktops already installed read it.
 */
export const selfOf = ({ orgId, ...rest }: Member) => ({ ...rest, teamId: orgId });

/** What other members see of a member: no email. */
export const publicMember = (member: Member) => {
  const { email: _email, ...rest } = selfOf(member);
  return rest;
};

export async function createOrganisation(
  db: Kysely<Database>,
  given: { name: string; adminName: string; adminEmail: string },
  now = Date.now(),
) {
  // The same sanitiser as every name from the API: no escape sequence reaches a joiner's terminal.
  const parsed = newTeam.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(400, 'invalid_request', `${issue.path.join('.')}: ${issue.message}`);
  }
  const input = parsed.data;
  const team = { id: randomUUID(), name: input.name, created_at: isoAt(now) };
  const admin = {
    id: randomUUID(),
    team_id: team.id,
    name: input.adminName,
    email: input.adminEmail,
    role: 'admin' as const,
    profile: '{}',
    created_at: team.created_at,
    removed_at: null,
  };
  await writeTransaction(db, async (trx) => {
    await trx.insertInto('teams').values(team).execute();
    // No team yet: an organisation of a few people is one board, everyone seeing everyone, until
    // the admin makes teams (a team named like the organisation would outlive its purpose).
    await trx
      .insertInto('members')
      .values({ ...admin, whole_organisation: 1 })
      .execute();
    await appendChange(trx, now, team.id, 'member', admin.id, admin.id, publicMember(toMember(admin)));
  });
  const token = await issueToken(db, admin.id, null, null, now);
  const invite = await createInvite(db, team.id, {}, now);
  return {
    team: { id: team.id, name: team.name, createdAt: team.created_at },
    admin: toMember(admin),
    token,
    invite: invite.code,
  };
}

/** An invite nobody limited still ends: 25 uses within 14 days, unless the admin says otherwise. */
export const DEFAULT_INVITE = { uses: 25, days: 14 };

export async function createInvite(
  db: Kysely<Database>,
  orgId: string,
  /**
   * The team of the organisation a joiner enters: by default its first team; null, or an
   * organisation without teams: the organisation only (the joiner sees all of it).
   */
  options: { uses?: number; expiresAt?: string; groupId?: string | null },
  now = Date.now(),
) {
  const team = await db.selectFrom('teams').select('id').where('id', '=', orgId).executeTakeFirst();
  if (!team) throw notFound('team');
  let groupId: string | null = null;
  if (options.groupId !== null) {
    let groups = db
      .selectFrom('groups')
      .select('id')
      .where('team_id', '=', orgId)
      .where('deleted_at', 'is', null);
    groups = options.groupId
      ? groups.where('id', '=', options.groupId)
      : groups.orderBy('created_at').orderBy('id');
    const group = await groups.executeTakeFirst();
    if (options.groupId && !group) throw notFound('team');
    groupId = group?.id ?? null;
  }
  const code = newInviteCode();
  const uses = options.uses ?? DEFAULT_INVITE.uses;
  const expiresAt = options.expiresAt ?? isoAt(now + DEFAULT_INVITE.days * 86_400_000);
  await db
    .insertInto('invites')
    .values({
      hash: hashSecret(code),
      team_id: orgId,
      group_id: groupId,
      uses_left: uses,
      expires_at: expiresAt,
      created_at: isoAt(now),
    })
    .execute();
  return { code, uses, expiresAt };
}

/** Revokes an invite of this organisation: its code stops working at once. */
export async function revokeInvite(db: Kysely<Database>, orgId: string, code: string) {
  const gone = await db
    .deleteFrom('invites')
    .where('hash', '=', hashSecret(code))
    .where('team_id', '=', orgId)
    .executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new ApiError(404, 'not_found', 'no such invite in your team');
}

/** Redeems an invite: a wrong, used-up or expired code is 403 with the reason. */
export async function join(
  db: Kysely<Database>,
  input: { code: string; name: string; email: string; device?: string | undefined },
  now = Date.now(),
) {
  const hash = hashSecret(input.code);
  const member = await writeTransaction(db, async (trx) => {
    const invite = await trx.selectFrom('invites').selectAll().where('hash', '=', hash).executeTakeFirst();
    if (!invite || !sameHash(invite.hash, hash))
      throw new ApiError(403, 'invite_invalid', 'this invite code is not valid');
    if (invite.expires_at && invite.expires_at <= isoAt(now))
      throw new ApiError(403, 'invite_expired', 'this invite has expired');
    if (invite.uses_left !== null) {
      // One statement decides: two joins racing for the last use cannot both win.
      const used = await trx
        .updateTable('invites')
        .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
        .where('hash', '=', hash)
        .where('uses_left', '>', 0)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 0)
        throw new ApiError(403, 'invite_used_up', 'this invite has been used up');
    }
    const taken = await trx
      .selectFrom('members')
      .select('id')
      .where('team_id', '=', invite.team_id)
      .where('removed_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (taken)
      throw new ApiError(
        409,
        'already_member',
        `${input.email} is already a member of this organisation: add this computer from one where you are signed in (Settings → Devices → Add a device, or ricochet device add), then enter the code here (ricochet login --device-code)`,
      );
    // Invited into the organisation alone: the admin chose to leave them unplaced, so they see
    // the whole organisation until they join a team.
    return addMember(
      trx,
      {
        orgId: invite.team_id,
        name: input.name,
        email: input.email,
        groupId: invite.group_id,
        wholeOrganisation: !invite.group_id,
      },
      now,
    );
  });
  return {
    token: await issueToken(db, member.id, input.device ?? null, null, now),
    member,
    team: await organisationOf(db, member.orgId),
  };
}

/**
 * A new member of the organisation (joining, from the directory, or at a first single sign-on),
 * in the log for everyone, and in a team when one is given (inside the caller's transaction).
 */
export async function addMember(
  trx: Transaction<Database>,
  input: {
    orgId: string;
    name: string;
    email: string;
    groupId: string | null;
    wholeOrganisation: boolean;
    externalId?: string | null;
  },
  now: number,
): Promise<Member> {
  const row = {
    id: randomUUID(),
    team_id: input.orgId,
    name: input.name,
    email: input.email,
    role: 'member' as const,
    profile: '{}',
    created_at: isoAt(now),
    removed_at: null,
    whole_organisation: input.wholeOrganisation ? 1 : 0,
    external_id: input.externalId ?? null,
  };
  await trx.insertInto('members').values(row).execute();
  await appendChange(trx, now, row.team_id, 'member', row.id, row.id, publicMember(toMember(row)));
  if (input.groupId) {
    await trx.insertInto('group_members').values({ group_id: input.groupId, member_id: row.id }).execute();
    await appendGroup(trx, input.groupId, row.id, now);
  }
  return toMember(row);
}

/** An organisation's id and name, for its member. */
export async function organisationOf(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ id: string; name: string }> {
  return db.selectFrom('teams').select(['id', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
}

export async function listMembers(db: Kysely<Database>, orgId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('team_id', '=', orgId)
    .where('removed_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(toMember);
}

export async function getMember(db: Kysely<Database>, memberId: string): Promise<Member> {
  const row = await db
    .selectFrom('members')
    .selectAll()
    .where('id', '=', memberId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('member');
  return toMember(row);
}

/**
 * Removes a member from the organisation and revokes every token they hold; never the only admin.
 * The removal is the first row it writes: every stream drops them there, so the teams they leave
 * after it never widen what reaches them, not even for a moment.
 */
export async function removeMember(
  db: Kysely<Database>,
  memberId: string,
  now = Date.now(),
): Promise<Member> {
  const member = await getMember(db, memberId);
  await writeTransaction(db, async (trx) => {
    // The count is read under the organisation's lock: two admins removing each other at once
    // through two instances cannot both see the other one left.
    await lockOrganisation(trx, member.orgId);
    const still = await trx
      .selectFrom('members')
      .select('role')
      .where('id', '=', memberId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!still) throw notFound('member');
    if (still.role === 'admin') {
      const admins = await trx
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', member.orgId)
        .where('role', '=', 'admin')
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1)
        throw new ApiError(
          409,
          'last_admin',
          `${member.name} is this organisation's only admin: make another member admin first (ricochet admin promote --member <id>)`,
        );
    }
    const at = isoAt(now);
    await appendChange(trx, now, member.orgId, 'member-removed', memberId, memberId, { id: memberId });
    await trx.updateTable('members').set({ removed_at: at }).where('id', '=', memberId).execute();
    await trx
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('member_id', '=', memberId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.deleteFrom('device_availability').where('member_id', '=', memberId).execute();
    await leaveAllGroups(trx, memberId, now);
  });
  return member;
}

/** Makes a member an admin of their team (teammates see the new role). */
export async function promoteMember(
  db: Kysely<Database>,
  memberId: string,
  now = Date.now(),
): Promise<Member> {
  const member = await getMember(db, memberId);
  if (member.role === 'admin') return member;
  const promoted: Member = { ...member, role: 'admin' };
  await writeTransaction(db, async (trx) => {
    await trx.updateTable('members').set({ role: 'admin' }).where('id', '=', memberId).execute();
    await appendChange(trx, now, member.orgId, 'member', member.id, member.id, publicMember(promoted));
  });
  return promoted;
}
