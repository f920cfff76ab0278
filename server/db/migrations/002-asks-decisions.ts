import type { Kysely, Migration } from 'kysely';

// Released: never changed (a schema change is a new numbered file).
export const migration: Migration = {
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
};
