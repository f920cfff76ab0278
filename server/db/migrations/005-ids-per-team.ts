import { sql, type Kysely, type Migration } from 'kysely';

// Post and ask ids are the clients' own (UUIDs): unique within a team, so that reusing another
// team's id says nothing about it (a new id in your team's space, not "409 id taken").
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('posts_per_team')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('post'))
      .addPrimaryKeyConstraint('posts_per_team_pk', ['team_id', 'id'])
      .execute();
    await sql`INSERT INTO posts_per_team (id, team_id, member_id, text, tags, created_at, deleted_at, kind)
      SELECT id, team_id, member_id, text, tags, created_at, deleted_at, kind FROM posts`.execute(db);
    await db.schema.dropTable('posts').execute();
    await db.schema.alterTable('posts_per_team').renameTo('posts').execute();
    await db.schema
      .createIndex('posts_team_created')
      .on('posts')
      .columns(['team_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('asks_per_team')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('from_member', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('to_member', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deliver_at', 'text', (c) => c.notNull())
      .addColumn('waits_for', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('seen_at', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('snoozed_until', 'text')
      .addPrimaryKeyConstraint('asks_per_team_pk', ['team_id', 'id'])
      .execute();
    await sql`INSERT INTO asks_per_team (id, team_id, from_member, to_member, text, created_at, deliver_at,
        waits_for, delivered_at, seen_at, state, answer, snoozed_until)
      SELECT id, team_id, from_member, to_member, text, created_at, deliver_at,
        waits_for, delivered_at, seen_at, state, answer, snoozed_until FROM asks`.execute(db);
    await db.schema.dropTable('asks').execute();
    await db.schema.alterTable('asks_per_team').renameTo('asks').execute();
    await db.schema.createIndex('asks_due').on('asks').columns(['state', 'deliver_at']).execute();
    await db.schema.createIndex('asks_to').on('asks').columns(['to_member', 'state']).execute();
  },
};
