import type { Kysely, Migration } from 'kysely';

/** An ask its author marked urgent is delivered at once and rings through the person's quiet. */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('asks')
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
