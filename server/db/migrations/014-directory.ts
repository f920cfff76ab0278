import type { Kysely, Migration } from 'kysely';

/**
 * Teams that follow the company's directory (SCIM): an organisation's directory secret (hashed),
 * the directory's own ids for people and teams, and a team the directory deleted (emptied, kept
 * out of every list, so nothing that named it breaks).
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('teams').addColumn('scim_secret_hash', 'text').execute();
    await db.schema.alterTable('members').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('groups').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('groups').addColumn('deleted_at', 'text').execute();
    await db.schema.createIndex('teams_scim').on('teams').columns(['scim_secret_hash']).execute();
  },
};
