import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Teams inside an organisation. What was a team becomes an organisation (its people, tokens,
 * log and cursors unchanged) holding one team of the same name with everyone in it, and its
 * invites lead into that team: nobody sees anything they did not see before, nothing is lost.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('groups_team').on('groups').columns(['team_id', 'name']).execute();
    await db.schema
      .createTable('group_members')
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'member_id'])
      .execute();
    await db.schema.createIndex('group_members_member').on('group_members').columns(['member_id']).execute();
    await db.schema.alterTable('invites').addColumn('group_id', 'text').execute();
    // The revocation poll reads recently revoked tokens every second.
    await db.schema.createIndex('tokens_revoked').on('tokens').columns(['revoked_at']).execute();

    const teams = await sql<{
      id: string;
      name: string;
      seq: number;
    }>`SELECT id, name, seq FROM teams`.execute(db);
    for (const team of teams.rows) {
      const group = { id: randomUUID(), name: team.name, createdAt: new Date().toISOString() };
      await sql`INSERT INTO groups (id, team_id, name, created_at)
        VALUES (${group.id}, ${team.id}, ${group.name}, ${group.createdAt})`.execute(db);
      await sql`INSERT INTO group_members (group_id, member_id)
        SELECT ${group.id}, id FROM members WHERE team_id = ${team.id} AND removed_at IS NULL`.execute(db);
      await sql`UPDATE invites SET group_id = ${group.id} WHERE team_id = ${team.id}`.execute(db);
      // Devices already synced learn of the team at their next pull, like any change.
      const members = await sql<{ id: string }>`SELECT member_id AS id FROM group_members
        WHERE group_id = ${group.id} ORDER BY member_id`.execute(db);
      const data = JSON.stringify({ ...group, members: members.rows.map((m) => m.id) });
      const seq = Number(team.seq) + 1;
      await sql`UPDATE teams SET seq = ${seq} WHERE id = ${team.id}`.execute(db);
      await sql`INSERT INTO changes (team_id, seq, kind, member_id, entity_id, at, data, size, audience)
        VALUES (${team.id}, ${seq}, 'group', '', ${group.id}, ${group.createdAt}, ${data}, ${data.length}, NULL)`.execute(
        db,
      );
    }
  },
};
