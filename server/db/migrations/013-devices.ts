import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A person's devices: each token is one device, with a public id (to list and revoke it without
 * its secret), a name and when it was last seen. A signed-in device makes a one-time code for a
 * new one. Availability is kept per device and joined on the server, so two laptops reading
 * different calendars never overwrite each other. Tokens already issued become devices.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tokens').addColumn('device_id', 'text').execute();
    await db.schema.alterTable('tokens').addColumn('device_name', 'text').execute();
    await db.schema.alterTable('tokens').addColumn('last_seen_at', 'text').execute();
    const tokens = await sql<{ hash: string }>`SELECT hash FROM tokens`.execute(db);
    for (const token of tokens.rows)
      await sql`UPDATE tokens SET device_id = ${randomUUID()} WHERE hash = ${token.hash}`.execute(db);
    await db.schema.createIndex('tokens_device').on('tokens').columns(['device_id']).unique().execute();
    await db.schema.createIndex('tokens_member').on('tokens').columns(['member_id']).execute();
    await db.schema
      .createTable('device_codes')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('device_codes_member').on('device_codes').columns(['member_id']).execute();
    await db.schema
      .createTable('device_availability')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('device_availability_member')
      .on('device_availability')
      .columns(['member_id'])
      .execute();
  },
};
