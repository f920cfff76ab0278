import type { Kysely, Migration } from 'kysely';

// Released: never changed (a schema change is a new numbered file).
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('availability').addColumn('stale_since', 'text').execute();
  },
};
