import { sql, type Kysely, type Migration } from 'kysely';

/**
 * "Sees the whole organisation" becomes a state of its own instead of what an empty membership
 * meant, so taking someone out of their last team narrows what they see. Who is in no team today
 * keeps what they saw (an organisation without teams, a newcomer left unplaced); from now on only
 * an invite into the organisation alone gives it, and a team joined takes it away.
 *
 * A post keeps everyone it ever named (`reached`): an edit that stops naming someone reaches
 * them with a tombstone, and a device of theirs learns the post is gone.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('members')
      .addColumn('whole_organisation', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`UPDATE members SET whole_organisation = 1
      WHERE removed_at IS NULL AND id NOT IN (SELECT member_id FROM group_members)`.execute(db);
    await db.schema.alterTable('posts').addColumn('reached', 'text').execute();
    await sql`UPDATE posts SET reached = mentioned`.execute(db);
  },
};
