import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in with the company's identity provider (OpenID Connect): an organisation's provider,
 * sign-ins under way (between the browser leaving and coming back), the one-time codes that hand
 * a desktop its token, and tokens that expire and renew while the provider still accepts the
 * person.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('teams').addColumn('sso', 'text').execute();
    await db.schema.alterTable('tokens').addColumn('expires_at', 'text').execute();
    await db.schema.alterTable('tokens').addColumn('refresh_token', 'text').execute();
    await db.schema
      .createTable('sso_logins')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('callback', 'text', (c) => c.notNull())
      .addColumn('redirect', 'text', (c) => c.notNull())
      .addColumn('challenge', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sso_handoffs')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('challenge', 'text', (c) => c.notNull())
      .addColumn('refresh_token', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
