import type { Kysely, Migration } from 'kysely';

/** The calendar apps an organisation's admin registered (JSON), offered to its members' Settings. */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('teams').addColumn('calendar_apps', 'text').execute();
  },
};
