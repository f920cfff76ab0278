import { existsSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Storage } from '../db/connect';
import type { ChangeHub } from './change-hub';
import type { ChangeRow } from '../store/appended-rows';

const CHANNEL = 'ricochet_changes';

export interface ChangeNotifier {
  /** Called after a mutation committed, with the log rows it appended when it knows them. */
  changed(orgId: string, rows?: readonly ChangeRow[]): Promise<void>;
  /**
   * Called whenever another process announced writes (an admin command, another instance): what
   * this one would otherwise poll for (revoked tokens, asks it did not schedule) is looked at then.
   */
  onOtherWrites(listener: () => void): void;
  close(): Promise<void>;
}

/** Every organisation: what another process (an admin command) announces after its writes. */
const ANY = '*';

/** In a SQLite server's folder: touched by another process (an admin command) after it wrote. */
export const WRITES_MARK = 'other-process-wrote';
/** The SQLite server's database, in its folder (server/db/connect.ts). */
const DATABASE_FILE = 'ricochet.sqlite';

/**
 * What an admin command, a process of its own, says after it wrote: PostgreSQL's instances hear
 * it at once (NOTIFY); a SQLite server watches a mark in its folder (inotify and the like: no
 * cost at rest, nothing read on the server's own writes).
 */
export async function announceWrites(storage: Storage): Promise<void> {
  if (storage.kind === 'postgres') await sql`select pg_notify(${CHANNEL}, ${ANY})`.execute(storage.db);
  else if (storage.dataDir)
    writeFileSync(join(storage.dataDir, WRITES_MARK), new Date().toISOString(), { mode: 0o600 });
}

/**
 * Another process wrote to a SQLite server's database: the server watches its folder (inotify and
 * the like: nothing at rest). A write to the log file is another process's when the database's
 * `data_version` moved (the server's own writes do not move it); the admin command also touches a
 * mark. Either way the hub compares the organisations' heads with what it sent, and the
 * listeners (revocations, asks) look once, however many writes came at once.
 */
function watchOtherWriters(storage: Storage, hub: ChangeHub, heard: () => void): () => void {
  if (!storage.dataDir) return () => {};
  const mark = join(storage.dataDir, WRITES_MARK);
  if (!existsSync(mark)) writeFileSync(mark, '', { mode: 0o600 });
  let seen = storage.dataVersion?.() ?? 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let announced = false;
  // A moment after the first write of a burst: the writer's commit is complete by then (the log
  // is written before the commit shows), and a burst is one look.
  const look = (mark: boolean) => {
    announced ||= mark;
    timer ??= setTimeout(() => {
      timer = undefined;
      const now = storage.dataVersion?.() ?? seen;
      const other = announced || now !== seen;
      announced = false;
      seen = now;
      if (!other) return; // the server's own write
      void hub.behindHeads(storage.db).catch(() => {});
      heard();
    }, 50);
  };
  const watcher = watch(storage.dataDir, (_event, name) => {
    if (name === WRITES_MARK) look(true);
    else if (name === `${DATABASE_FILE}-wal`) look(false);
  });
  watcher.on('error', () => {});
  watcher.unref();
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * SQLite: one instance, so the hub hears of its own changes directly, and of an admin command's
 * by the mark it touches. PostgreSQL: every instance LISTENs, and a committed change is
 * announced with NOTIFY, so each instance's hub pushes it to its own streams: instances stay
 * stateless behind a load balancer.
 */
export async function createNotifier(
  storage: Storage,
  hub: ChangeHub,
  log: (msg: string) => void,
): Promise<ChangeNotifier> {
  const listeners: (() => void)[] = [];
  const heard = () => listeners.forEach((listener) => listener());
  const onOtherWrites = (listener: () => void) => void listeners.push(listener);
  if (storage.kind === 'sqlite' || !storage.pool) {
    const stopWatching = watchOtherWriters(storage, hub, heard);
    return {
      changed: (orgId, rows) => hub.changed(orgId, rows),
      onOtherWrites,
      close: async () => stopWatching(),
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
        heard();
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
    async changed(orgId, rows) {
      // This instance's streams at once; the others' hubs wake on the NOTIFY and read the log.
      if (rows?.length) await hub.changed(orgId, rows);
      try {
        await sql`select pg_notify(${CHANNEL}, ${orgId})`.execute(storage.db);
      } catch {
        // The change is committed; streams catch up on their next gap or reconnect.
      }
    },
    onOtherWrites,
    async close() {
      closed = true;
      client?.release();
    },
  };
}
