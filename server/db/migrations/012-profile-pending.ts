import type { Kysely, Migration } from 'kysely';

/**
 * A profile edit made within a few seconds of the last one is stored at once but reaches the
 * log (and everyone's streams) once, at the end of those seconds. The flag says "stored, not yet
 * in the log", so an edit acknowledged just before a restart still goes out when the server
 * starts again.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('members')
      .addColumn('profile_pending', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
