import { sql, type Kysely, type Migration } from 'kysely';

// The log keeps what a newcomer needs, not history: a change supersedes the older ones of
// its entity (see change-log.ts). Logs written before are compacted once, here.
export const migration: Migration = {
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
};
