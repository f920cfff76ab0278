import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { appendGroup } from '../../server/store/groups';
import { hashSecret } from '../../server/store/secrets';

/**
 * An organisation of `teams` teams of `size` people, each with a token (`token-<i>`) and
 * `starsEach` stars on people of other teams, written straight into the tables with their log
 * rows (the API would take minutes for 5,000 people; the rows are the same).
 */
export async function seedOrganisation(
  db: Kysely<Database>,
  orgId: string,
  options: { teams: number; size: number; starsEach: number },
) {
  const people: { id: string; team: number; token: string }[] = [];
  const groups: string[] = [];
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    let { seq } = await trx
      .selectFrom('teams')
      .select('seq')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const members = [];
    const changes = [];
    for (let t = 0; t < options.teams; t++) {
      groups.push(randomUUID());
      for (let i = 0; i < options.size; i++) {
        const id = randomUUID();
        const n = people.length;
        people.push({ id, team: t, token: `token-${n}` });
        members.push({
          id,
          team_id: orgId,
          name: `Person ${n}`,
          email: `p${n}@org.test`,
          role: 'member' as const,
          profile: '{}',
          created_at: at,
          removed_at: null,
        });
        const data = JSON.stringify({
          id,
          teamId: orgId,
          name: `Person ${n}`,
          role: 'member',
          profile: {},
          createdAt: at,
        });
        changes.push({
          team_id: orgId,
          seq: ++seq,
          kind: 'member',
          member_id: id,
          entity_id: id,
          at,
          data,
          size: data.length,
        });
      }
    }
    for (let i = 0; i < members.length; i += 500) {
      await trx
        .insertInto('members')
        .values(members.slice(i, i + 500))
        .execute();
      await trx
        .insertInto('tokens')
        .values(
          people
            .slice(i, i + 500)
            .map((p) => ({ hash: hashSecret(p.token), member_id: p.id, created_at: at, revoked_at: null })),
        )
        .execute();
    }
    for (let i = 0; i < changes.length; i += 500)
      await trx
        .insertInto('changes')
        .values(changes.slice(i, i + 500))
        .execute();
    await trx.updateTable('teams').set({ seq }).where('id', '=', orgId).execute();
    await trx
      .insertInto('groups')
      .values(groups.map((id, t) => ({ id, team_id: orgId, name: `Team ${t}`, created_at: at })))
      .execute();
    for (let i = 0; i < people.length; i += 500)
      await trx
        .insertInto('group_members')
        .values(people.slice(i, i + 500).map((p) => ({ group_id: groups[p.team]!, member_id: p.id })))
        .execute();
    for (const id of groups) await appendGroup(trx, id, '');
    // Stars: each person watches `starsEach` people of the next teams.
    const stars = people.flatMap((p, n) =>
      Array.from({ length: options.starsEach }, (_, k) => ({
        member_id: p.id,
        star_id: people[(n + (k + 1) * options.size) % people.length]!.id,
        created_at: at,
      })),
    );
    for (let i = 0; i < stars.length; i += 500)
      await trx
        .insertInto('stars')
        .values(stars.slice(i, i + 500))
        .execute();
  });
  return { people, groups };
}
