import type { Kysely } from 'kysely';
import { availabilityData, type AvailabilityData, type StatusData } from '../../shared/protocol/changes';
import type { ProfilePatch, StatusBody } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { appendChange, lockOrganisation } from './change-log';
import { publicMember, toMember, type Member } from './members';
import { toPost, type Post } from './posts';
import { writeTransaction } from './write-transaction';

// The JSON columns are read back through the wire's own schemas: no cast between the store and
// what is sent.
const busyList = availabilityData.shape.busy;
const titleList = availabilityData.shape.titles.unwrap();
const placeList = availabilityData.shape.places.unwrap();

const toStatus = (row: Database['statuses']): StatusData => ({
  state: row.state,
  emoji: row.emoji,
  text: row.text,
  until: row.until,
  updatedAt: row.updated_at,
});

export const toAvailability = (row: Database['availability']): AvailabilityData => ({
  window: { from: row.window_from, to: row.window_to },
  busy: busyList.parse(JSON.parse(row.busy)),
  loadToday: row.load_today,
  loadWeek: row.load_week,
  ...(row.titles ? { titles: titleList.parse(JSON.parse(row.titles)) } : {}),
  ...(row.stale_since ? { staleSince: row.stale_since } : {}),
  ...(row.places ? { places: placeList.parse(JSON.parse(row.places)) } : {}),
  updatedAt: row.updated_at,
});

const maybe = <R, T>(row: R | undefined, to: (row: R) => T): T | null => (row ? to(row) : null);

/**
 * Stores a profile edit. `now`: it goes into the log at once; otherwise it is held (flagged, out
 * of the log) until `publishHeldProfile`, so a burst of edits reaches the others once.
 */
export async function updateProfile(
  db: Kysely<Database>,
  member: Member,
  patch: ProfilePatch,
  publish = true,
  now = Date.now(),
): Promise<Member> {
  const { name, ...profile } = patch;
  const next: Member = { ...member, name: name ?? member.name, profile: { ...member.profile, ...profile } };
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable('members')
      .set({ name: next.name, profile: JSON.stringify(next.profile), profile_pending: publish ? 0 : 1 })
      .where('id', '=', member.id)
      .execute();
    if (publish)
      await appendChange(trx, now, member.orgId, 'member', member.id, member.id, publicMember(next));
  });
  return next;
}

/**
 * A held profile edit goes into the log as the member's profile is now (the last of the burst).
 * Answers the organisation whose log grew, or nothing when nothing was held (sent already by
 * another instance, or the member was removed meanwhile).
 */
export async function publishHeldProfile(
  db: Kysely<Database>,
  memberId: string,
  now = Date.now(),
): Promise<string | null> {
  return writeTransaction(db, async (trx) => {
    const found = await trx
      .selectFrom('members')
      .select('team_id')
      .where('id', '=', memberId)
      .executeTakeFirst();
    if (!found) return null;
    await lockOrganisation(trx, found.team_id);
    const row = await trx
      .selectFrom('members')
      .selectAll()
      .where('id', '=', memberId)
      .where('profile_pending', '=', 1)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    await trx.updateTable('members').set({ profile_pending: 0 }).where('id', '=', memberId).execute();
    await appendChange(trx, now, row.team_id, 'member', row.id, row.id, publicMember(toMember(row)));
    return row.team_id;
  });
}

/** Members whose last profile edit is held (a restart came before it went out). */
export async function heldProfiles(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('members').select('id').where('profile_pending', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** `now`: the server's clock (tests and the routes pass theirs). */
export async function setStatus(
  db: Kysely<Database>,
  member: Member,
  body: StatusBody | null,
  now = Date.now(),
) {
  const row = {
    member_id: member.id,
    state: body?.state ?? null,
    emoji: body?.emoji ?? null,
    text: body?.text ?? null,
    until: body?.until ?? null,
    updated_at: new Date(now).toISOString(),
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
    await appendChange(trx, now, member.orgId, 'status', member.id, member.id, toStatus(row));
  });
  return toStatus(row);
}

/** Every member of the organisation with status, availability, latest post and topics. */
export async function board(db: Kysely<Database>, orgId: string, now = Date.now()) {
  const [members, statuses, availability, posts] = await Promise.all([
    db
      .selectFrom('members')
      .selectAll()
      .where('team_id', '=', orgId)
      .where('removed_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('statuses')
      .innerJoin('members', 'members.id', 'statuses.member_id')
      .selectAll('statuses')
      .where('members.team_id', '=', orgId)
      .execute(),
    db
      .selectFrom('availability')
      .innerJoin('members', 'members.id', 'availability.member_id')
      .selectAll('availability')
      .where('members.team_id', '=', orgId)
      .execute(),
    db
      .selectFrom('posts')
      .selectAll()
      .where('team_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .where('created_at', '>=', new Date(now - 30 * 86_400_000).toISOString())
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
