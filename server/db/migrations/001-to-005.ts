import { sql, type Kysely, type Migration } from 'kysely';

// Migrations never change once released: add a new one for every schema change.
export const releasedMigrations: Record<string, Migration> = {
  '001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .execute();
      await db.schema.createIndex('members_team').on('members').column('team_id').execute();
      await db.schema
        .createTable('tokens')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('invites')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('uses_left', 'integer')
        .addColumn('expires_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('statuses')
        .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
        .addColumn('state', 'text')
        .addColumn('emoji', 'text')
        .addColumn('text', 'text')
        .addColumn('until', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('availability')
        .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
        .addColumn('window_from', 'text', (c) => c.notNull())
        .addColumn('window_to', 'text', (c) => c.notNull())
        .addColumn('busy', 'text', (c) => c.notNull())
        .addColumn('load_today', 'real')
        .addColumn('load_week', 'real')
        .addColumn('titles', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('posts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema
        .createIndex('posts_team_created')
        .on('posts')
        .columns(['team_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('changes')
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('changes_pk', ['team_id', 'seq'])
        .execute();
    },
  },
  '002_asks_decisions': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('changes').addColumn('audience', 'text').execute();
      await db.schema
        .alterTable('posts')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('post'))
        .execute();
      await db.schema
        .createTable('asks')
        .addColumn('id', 'text', (c) => c.primaryKey())
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
        .execute();
      await db.schema.createIndex('asks_due').on('asks').columns(['state', 'deliver_at']).execute();
      await db.schema.createIndex('asks_to').on('asks').columns(['to_member', 'state']).execute();
    },
  },
  '003_stale_availability': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('availability').addColumn('stale_since', 'text').execute();
    },
  },
  // The log keeps what a newcomer needs, not history: a change supersedes the older ones of
  // its entity (see change-log.ts). Logs written before are compacted once, here.
  '004_compaction': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('changes_entity')
        .on('changes')
        .columns(['team_id', 'entity_id', 'kind', 'seq'])
        .execute();
      await db.schema
        .alterTable('teams')
        .addColumn('compacted_to', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Each change's size, so that a sync page is bounded in bytes without reading the rows.
      await db.schema
        .alterTable('changes')
        .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`UPDATE changes SET size = length(data)`.execute(db);
      await sql`DELETE FROM changes WHERE kind IN ('member', 'status', 'availability', 'post', 'ask')
        AND seq < (SELECT MAX(later.seq) FROM changes later WHERE later.team_id = changes.team_id
                   AND later.kind = changes.kind AND later.entity_id = changes.entity_id)`.execute(db);
      await sql`DELETE FROM changes WHERE kind = 'post' AND EXISTS (SELECT 1 FROM changes gone
        WHERE gone.team_id = changes.team_id AND gone.kind = 'post-deleted' AND gone.entity_id = changes.entity_id)`.execute(
        db,
      );
      await sql`DELETE FROM changes WHERE kind IN ('member', 'status', 'availability') AND EXISTS (SELECT 1 FROM changes gone
        WHERE gone.team_id = changes.team_id AND gone.kind = 'member-removed' AND gone.entity_id = changes.entity_id)`.execute(
        db,
      );
    },
  },
  // Post and ask ids are the clients' own (UUIDs): unique within a team, so that reusing another
  // team's id says nothing about it (a new id in your team's space, not "409 id taken").
  '005_ids_per_team': {
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
  },
};
