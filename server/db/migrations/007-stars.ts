import type { Kysely, Migration } from 'kysely';

/** Stars: a person watches someone outside their teams (their presence only). */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('stars')
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('star_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stars_pk', ['member_id', 'star_id'])
      .execute();
    await db.schema.createIndex('stars_star').on('stars').columns(['star_id']).execute();
  },
};
