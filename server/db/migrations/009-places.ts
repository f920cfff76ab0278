import type { Kysely, Migration } from 'kysely';

/**
 * Where people work (Outlook's "working elsewhere", Google's working location) is published
 * with free/busy: a list of spans beside the busy ones. Older rows said nothing about it.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('availability').addColumn('places', 'text').execute();
  },
};
