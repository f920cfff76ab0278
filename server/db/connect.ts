import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index';
import { checkpointInBackground } from './wal-checkpointer';
import type { Database } from './schema';

export type StorageConfig =
  | {
      kind: 'sqlite';
      dataDir: string;
      /** better-sqlite3 built for another runtime's ABI (a team hosted inside the Electron app). */
      nativeBinding?: string;
    }
  | { kind: 'postgres'; url: string };

export interface Storage {
  db: Kysely<Database>;
  kind: StorageConfig['kind'];
  /** PostgreSQL only: the pool, to hold a LISTEN connection for other instances' changes. */
  pool?: pg.Pool;
  /** SQLite only: the folder of its files (another process's writes are announced there). */
  dataDir?: string;
  /**
   * SQLite only: a number that changes when another connection committed (PRAGMA data_version):
   * how the server tells another process's write from its own.
   */
  dataVersion?: () => number;
  close(): Promise<void>;
}

// pg returns bigint and numeric as strings by default; our numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(700, (v) => Number(v));

/**
 * SQLite with write transactions that take the write lock when they begin (BEGIN IMMEDIATE):
 * one that read first and wrote later would fail at once ("database is locked") when another
 * process, an admin command, wrote in between; this one waits its turn (the busy timeout).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles SQL on each prepare: the
 * same few statements serve every request, so they are kept (the most recently used 500; a
 * query with a list of varying length is a new text each time, hence the bound). Safe because
 * Kysely runs one query at a time on this connection and no query here is streamed.
 */
function withStatementCache(file: Sqlite.Database, size = 500): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => file.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = file.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** How a long-running server (not a one-off admin command) keeps SQLite. */
export interface ServingOptions {
  /** Fold SQLite's write-ahead log into its file from a thread of its own, not in commits. */
  checkpointInBackground?: boolean;
}

/** Opens the database (creating it on first start) and brings its schema up to date. */
export async function openStorage(config: StorageConfig, serving: ServingOptions = {}): Promise<Storage> {
  const storage = connectStorage(config, serving);
  await migrate(storage);
  return storage;
}

/**
 * The database as it is, schema untouched: for an upgrade test that builds a database as an
 * older release left it (`migrateTo`), then opens it with `openStorage` like a new release.
 */
export function connectStorage(config: StorageConfig, serving: ServingOptions = {}): Storage {
  let storage: Storage;
  if (config.kind === 'sqlite') {
    // The team's data is for its members only: a private folder, private files.
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(config.dataDir, 0o700);
    const path = join(config.dataDir, 'ricochet.sqlite');
    const file = new Sqlite(path, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
    // WAL: readers never wait for the writer. NORMAL: a commit is in the WAL file before
    // the answer goes out, so it survives the process being killed (kill -9).
    file.pragma('journal_mode = WAL');
    for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    file.pragma('synchronous = NORMAL');
    file.pragma('busy_timeout = 5000');
    file.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(file) }),
    });
    const stopCheckpoints = serving.checkpointInBackground
      ? checkpointInBackground(file, path, { nativeBinding: config.nativeBinding })
      : async () => {};
    storage = {
      db,
      kind: 'sqlite',
      dataDir: config.dataDir,
      dataVersion: () => (file.open ? Number(file.pragma('data_version', { simple: true })) : 0),
      close: async () => {
        await stopCheckpoints();
        await db.destroy();
      },
    };
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    pool.on('error', () => {}); // an idle client lost: the pool replaces it
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    storage = {
      db,
      kind: 'postgres',
      pool,
      close: () => db.destroy(),
    };
  }
  return storage;
}

/** Brings the schema to one named migration (an older release's), for upgrade tests. */
export async function migrateTo(storage: Storage, name: string): Promise<void> {
  const { error } = await new Migrator({ db: storage.db, provider }).migrateTo(name);
  if (error) throw error;
}

async function migrate(storage: Storage) {
  // Kysely's migrator takes a lock in the database, so instances starting together are safe.
  const { error, results } = await new Migrator({ db: storage.db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? ''}`,
    );
  }
}
