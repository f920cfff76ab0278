import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
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
  options: { teams: number; size: number; starsEach: number; postsEach?: number },
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
          people.slice(i, i + 500).map((p) => ({
            hash: hashSecret(p.token),
            member_id: p.id,
            created_at: at,
            revoked_at: null,
            device_id: `device-${p.id}`,
            device_name: null,
            last_seen_at: null,
          })),
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
    for (const id of groups) await appendGroup(trx, id, '', Date.now());
    if (options.postsEach !== undefined) {
      const head = await trx
        .selectFrom('teams')
        .select('seq')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      const activity = activityOf(orgId, people, options.postsEach, Number(head.seq) + 1, at);
      for (const [table, rows] of Object.entries(activity.tables) as [
        keyof typeof activity.tables,
        never[],
      ][])
        for (let i = 0; i < rows.length; i += 200)
          await trx
            .insertInto(table)
            .values(rows.slice(i, i + 200))
            .execute();
      await trx.updateTable('teams').set({ seq: activity.seq }).where('id', '=', orgId).execute();
    }
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

/**
 * Everyone's status, availability (with titles) and `postsEach` posts, with their log rows
 * from sequence `from` on: what an organisation that has been running holds.
 */
function activityOf(orgId: string, people: { id: string }[], postsEach: number, from: number, at: string) {
  let seq = from - 1;
  const day = at.slice(0, 10);
  const statuses = [];
  const availability = [];
  const posts = [];
  const changes: Insertable<Database['changes']>[] = [];
  const log = (kind: string, member: string, entity: string, data: object) => {
    const text = JSON.stringify(data);
    changes.push({
      team_id: orgId,
      seq: ++seq,
      kind,
      member_id: member,
      entity_id: entity,
      at,
      data: text,
      size: text.length,
    });
  };
  for (const p of people) {
    const status = { state: 'focus', emoji: null, text: 'heads down', until: null, updatedAt: at };
    statuses.push({
      member_id: p.id,
      state: 'focus',
      emoji: null,
      text: 'heads down',
      until: null,
      updated_at: at,
    });
    log('status', p.id, p.id, status);
    const window = { from: `${day}T00:00:00.000Z`, to: `${day}T23:59:00.000Z` };
    const busy = [{ start: `${day}T09:00:00.000Z`, end: `${day}T10:00:00.000Z`, kind: 'busy' }];
    const titles = [{ start: `${day}T09:00:00.000Z`, title: 'Planning' }];
    availability.push({
      member_id: p.id,
      window_from: window.from,
      window_to: window.to,
      busy: JSON.stringify(busy),
      load_today: 0.3,
      load_week: 0.3,
      titles: JSON.stringify(titles),
      updated_at: at,
      stale_since: null,
    });
    log('availability', p.id, p.id, { window, busy, loadToday: 0.3, loadWeek: 0.3, titles, updatedAt: at });
    for (let k = 0; k < postsEach; k++) {
      const id = randomUUID();
      const text = `On the quarterly plan, part ${k}`;
      posts.push({
        id,
        team_id: orgId,
        member_id: p.id,
        text,
        tags: '[]',
        created_at: at,
        deleted_at: null,
        kind: 'post',
      });
      log('post', p.id, id, { id, memberId: p.id, text, tags: [], createdAt: at });
    }
  }
  return { seq, tables: { statuses, availability, posts, changes } };
}
