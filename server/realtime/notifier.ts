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

/** Every organisation: what another process (an admin command) announces after its writes. */
const ANY = '*';

/**
 * What an admin command, a process of its own, says after it wrote: PostgreSQL's instances hear
 * it at once (NOTIFY); a SQLite server notices another process's commit by itself (see below).
 */
export async function announceWrites(storage: Storage): Promise<void> {
  if (storage.kind === 'postgres') await sql`select pg_notify(${CHANNEL}, ${ANY})`.execute(storage.db);
}

/** How often a SQLite server looks whether another process committed (one cheap pragma). */
const SQLITE_LOOK_MS = 200;

/**
 * SQLite: one instance, so the hub hears of its own changes directly, and another process's
 * commit (an admin command) by SQLite's data_version, which moves only for other connections'
 * commits. PostgreSQL: every instance LISTENs, and a committed change is announced with NOTIFY,
 * so each instance's hub pushes it to its own streams: instances stay stateless behind a load
 * balancer.
 */
export async function createNotifier(
  storage: Storage,
  hub: ChangeHub,
  log: (msg: string) => void,
): Promise<ChangeNotifier> {
  if (storage.kind === 'sqlite' || !storage.pool) {
    let version: unknown;
    const look = setInterval(() => {
      if (hub.streamCount === 0) return;
      void sql<{ data_version: number }>`pragma data_version`.execute(storage.db).then(
        ({ rows }) => {
          const now = rows[0]?.data_version;
          if (version !== undefined && now !== version) void hub.changedEverywhere();
          version = now;
        },
        () => {},
      );
    }, SQLITE_LOOK_MS);
    look.unref();
    return {
      changed: (teamId, rows) => hub.changed(teamId, rows),
      close: async () => clearInterval(look),
    };
  }
  const pool = storage.pool;
  let client: pg.PoolClient | undefined;
  let closed = false;
  const listen = async () => {
    try {
      client = await pool.connect();
      client.on('notification', (n) => {
        if (n.channel !== CHANNEL || !n.payload) return;
        void (n.payload === ANY ? hub.changedEverywhere() : hub.changed(n.payload));
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
