import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openStorage } from '../../server/db/connect';
import { createOrganisation } from '../../server/store/members';
import { appendGroup } from '../../server/store/groups';
import { storageFor } from './team-server';
import type { Database } from '../../server/db/schema';

/**
 * Fills a team with `members` members and `posts` posts, each with its change-log row, in
 * one transaction (the API would take minutes for 20,000 posts; the rows are the same).
 */
export async function seedTeam(db: Kysely<Database>, teamId: string, members: number, posts: number) {
  const base = Date.now() - 20 * 86_400_000;
  await db.transaction().execute(async (trx) => {
    const team = await trx
      .selectFrom('teams')
      .select('seq')
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow();
    let seq = Number(team.seq);
    const ids: string[] = [];
    const memberRows = [];
    const changes = [];
    for (let i = 0; i < members; i++) {
      const id = randomUUID();
      ids.push(id);
      const at = new Date(base + i).toISOString();
      const profile = { role: 'Engineer', skills: ['go', 'sql'], timezone: 'Europe/Paris' };
      memberRows.push({
        id,
        team_id: teamId,
        name: `Member ${i}`,
        email: `m${i}@bench.test`,
        role: 'member' as const,
        profile: JSON.stringify(profile),
        created_at: at,
        removed_at: null,
      });
      changes.push({
        team_id: teamId,
        seq: ++seq,
        kind: 'member',
        member_id: id,
        entity_id: id,
        at,
        data: JSON.stringify({ id, teamId, name: `Member ${i}`, role: 'member', profile, createdAt: at }),
      });
    }
    for (let i = 0; i < memberRows.length; i += 500)
      await trx
        .insertInto('members')
        .values(memberRows.slice(i, i + 500))
        .execute();
    const postRows = [];
    for (let i = 0; i < posts; i++) {
      const id = randomUUID();
      const memberId = ids[i % ids.length]!;
      const at = new Date(base + 1000 + i * 60_000).toISOString();
      const text = `Working on #topic${i % 17} with the team, item ${i}`;
      postRows.push({
        id,
        team_id: teamId,
        member_id: memberId,
        text,
        tags: JSON.stringify([`topic${i % 17}`]),
        created_at: at,
        deleted_at: null,
        kind: 'post',
      });
      changes.push({
        team_id: teamId,
        seq: ++seq,
        kind: 'post',
        member_id: memberId,
        entity_id: id,
        at,
        data: JSON.stringify({ id, memberId, text, tags: [`topic${i % 17}`], createdAt: at }),
      });
    }
    for (let i = 0; i < postRows.length; i += 500)
      await trx
        .insertInto('posts')
        .values(postRows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < changes.length; i += 500)
      await trx
        .insertInto('changes')
        .values(changes.slice(i, i + 500).map((c) => ({ ...c, size: c.data.length })))
        .execute();
    await trx.updateTable('teams').set({ seq }).where('id', '=', teamId).execute();
    // Joined as through the organisation's first invite: into its first team.
    const first = await trx
      .selectFrom('groups')
      .select('id')
      .where('team_id', '=', teamId)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    if (first) {
      for (let i = 0; i < ids.length; i += 500)
        await trx
          .insertInto('group_members')
          .values(ids.slice(i, i + 500).map((id) => ({ group_id: first.id, member_id: id })))
          .execute();
      await appendGroup(trx, first.id, '', Date.now());
    }
  });
}

/** A fresh SQLite database holding a 500-member team with 20,000 posts, left open. */
export async function bigTeam() {
  const config = await storageFor('sqlite');
  const storage = await openStorage(config);
  const team = await createOrganisation(storage.db, {
    name: 'Big',
    adminName: 'Ana',
    adminEmail: 'ana@big.test',
  });
  await seedTeam(storage.db, team.team.id, 500, 20_000);
  return { config, storage, team };
}
