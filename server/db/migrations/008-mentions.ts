import type { Kysely, Migration } from 'kysely';

/**
 * People named in a post see it wherever they work: the post keeps whom it mentions, and so
 * does its log entry, for the sync and the streams to reach them too. Older posts named nobody.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('posts').addColumn('mentioned', 'text').execute();
    await db.schema.alterTable('changes').addColumn('mentioned', 'text').execute();
  },
};
