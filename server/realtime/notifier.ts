import { sql } from 'kysely';
import type pg from 'pg';
import type { Storage } from '../db/connect';
import type { ChangeHub } from './change-hub';
import type { ChangeRow } from '../store/appended-rows';

const CHANNEL = 'ricochet_changes';

export interface ChangeNotifier {
  /** Called after a mutation committed, with the log rows it appended when it knows them. */
  changed(teamId: string, rows?: readonly ChangeRow[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLite: one instance, so the hub hears of changes directly. PostgreSQL: every instance
 * LISTENs, and a committed change is announced with NOTIFY, so each instance's hub pushes
 * it to its own streams: instances stay stateless behind a load balancer.
 */
export async function createNotifier(
  storage: Storage,
  hub: ChangeHub,
  log: (msg: string) => void,
): Promise<ChangeNotifier> {
  if (storage.kind === 'sqlite' || !storage.pool) {
    return { changed: (teamId, rows) => hub.changed(teamId, rows), close: async () => {} };
  }
  const pool = storage.pool;
  let client: pg.PoolClient | undefined;
  let closed = false;
  const listen = async () => {
    try {
      client = await pool.connect();
      client.on('notification', (n) => {
        if (n.channel === CHANNEL && n.payload) void hub.changed(n.payload);
      });
      client.on('error', () => {
        client?.release(true);
        client = undefined;
        if (!closed) setTimeout(listen, 1000);
      });
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      log(`LISTEN failed, retrying: ${(error as Error).message}`);
      client?.release(true);
      client = undefined;
      if (!closed) setTimeout(listen, 1000);
    }
  };
  await listen();
  return {
    async changed(teamId, rows) {
      // This instance's streams at once; the others' hubs wake on the NOTIFY and read the log.
      if (rows?.length) await hub.changed(teamId, rows);
      try {
        await sql`select pg_notify(${CHANNEL}, ${teamId})`.execute(storage.db);
      } catch {
        // The change is committed; streams catch up on their next gap or reconnect.
      }
    },
    async close() {
      closed = true;
      client?.release();
    },
  };
}
