import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Change, PostData } from '../../shared/protocol/changes';
import { applyPage, applyPresence, LATEST_ON, type CacheWriter } from './apply-change';
import { addressesSomeone } from '../../shared/status/what-they-are-on';
import type { Presence } from '../../shared/protocol/responses';
import { ensurePrivateDir } from '../profile/private-files';
import { replacedByNewer, teamCommand, type TeamCommand } from '../../shared/protocol/team-commands';
import { cacheMigrations as migrations } from './migrations/index';
import { nativeBinding } from './native-binding';

export interface QueuedCommand {
  seq: number;
  /** The client-made id the server deduplicates retries by. */
  id: string;
  command: TeamCommand;
  attempts: number;
}

/** A post as the cache keeps it: the wire's, marked pending until the server has it. */
export type CachedPost = PostData & { pending?: boolean };

/**
 * The desktop's local copy of the team (members, statuses, availability, posts), the sync
 * cursor, and the outbox of mutations not yet acknowledged. better-sqlite3: synchronous,
 * so a read for the UI is a few index lookups with no event-loop hop.
 */
export class LocalCache {
  readonly db: Database.Database;

  constructor(profileDir: string) {
    ensurePrivateDir(profileDir);
    const file = join(profileDir, 'cache.sqlite');
    this.db = new Database(file, { nativeBinding: nativeBinding() });
    this.db.pragma('journal_mode = WAL');
    // The rule of what-they-are-on.ts, for the SQL that finds a member's latest post.
    this.db.function('addresses_someone', { deterministic: true }, (text) =>
      typeof text === 'string' && addressesSomeone(text) ? 1 : 0,
    );
    // Who my teammates are and what they do: readable by me only, the WAL files too.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < migrations.length; v++) {
      this.db.transaction(() => {
        const step = migrations[v]!;
        if (typeof step === 'string') this.db.exec(step);
        else step(this.db);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  /**
   * A cold sync writes the whole team (tens of MB): SQLite would copy its journal into the file
   * every 4 MB on the way, a third of the time. It is copied once, after the team is on screen.
   */
  async inBulk<T>(work: () => Promise<T>): Promise<T> {
    this.db.pragma('wal_autocheckpoint = 0');
    try {
      return await work();
    } finally {
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
      setTimeout(() => this.db.open && this.db.pragma('wal_checkpoint(PASSIVE)'), 0);
    }
  }

  private readonly statements = new Map<string, Database.Statement>();
  private rev = 0;

  /**
   * Microseconds since the epoch, strictly increasing here: unique across processes that
   * share the profile (the app and the CLI), so a revision never names two contents.
   */
  private nextRev(): number {
    this.rev = Math.max(this.rev + 1, Date.now() * 1000);
    return this.rev;
  }

  /** Prepared once, reused: applying 20,000 changes must not compile 20,000 statements. */
  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** For the core's typed state only (core-state.ts); the cache's own keys are below. */
  readMeta(key: string): string | undefined {
    return (this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  }

  writeMeta(key: string, value: string): void {
    this.stmt(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  /**
   * Changes whenever the cache's content may have: a write by this connection (SQLite's
   * total_changes) or a commit by another process on the same file (data_version), such as
   * the CLI beside the app. Equal versions: nothing to read again.
   */
  version(): string {
    const mine = this.stmt('SELECT total_changes() AS n').get() as { n: number };
    return `${mine.n}:${String(this.db.pragma('data_version', { simple: true }))}`;
  }

  get cursor(): number {
    return Number(this.readMeta('cursor') ?? 0);
  }

  /** When the cache last heard from the server (ISO), or null if never. */
  get lastSyncAt(): string | null {
    return this.readMeta('last_sync_at') ?? null;
  }

  /** The server confirmed the cache is current (a stream's ready with no gap). */
  markSynced(): void {
    this.writeMeta('last_sync_at', new Date().toISOString());
  }

  /**
   * Applies changes in order and moves the cursor, all or nothing; older ones are skipped. A
   * page's own cursor may be past its last change (the log's end, past what was compacted).
   */
  applyChanges(changes: readonly Change[], pageCursor = 0): number {
    let applied = 0;
    this.db.transaction(() => {
      const from = this.cursor;
      applied = changes.filter((c) => c.seq > from).length;
      const cursor = applyPage(this.writer, changes, from);
      this.writeMeta('cursor', String(Math.max(cursor, pageCursor)));
      this.markSynced();
    })();
    return applied;
  }

  /** What applying a change may do to the cache's tables (apply-change.ts). */
  private readonly writer: CacheWriter = {
    stmt: (sql) => this.stmt(sql),
    nextRev: () => this.nextRev(),
    noteLatest: (memberId, postId, createdAt) => this.noteLatest(memberId, postId, createdAt),
    unnoteLatest: (memberId, postId) =>
      void this.stmt(`UPDATE members SET latest_post = ${LATEST_ON} WHERE id = ? AND latest_post = ?`).run(
        memberId,
        postId,
      ),
  };

  /** People I just started to watch: their current state, where newer (apply-change.ts). */
  applyPresence(people: Presence): number {
    return this.db.transaction(() => applyPresence(this.writer, people))();
  }

  /** Topics come from the server's board (most used #tags of 30 days). */
  setTopics(topics: ReadonlyMap<string, string[]>): void {
    const read = this.stmt('SELECT data FROM members WHERE id = ?');
    const write = this.stmt('UPDATE members SET data = ?, rev = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const [id, list] of topics) {
        const row = read.get(id) as { data: string } | undefined;
        if (row) write.run(JSON.stringify({ ...JSON.parse(row.data), topics: list }), this.nextRev(), id);
      }
    })();
  }

  /**
   * Before a snapshot of the team (sync `reset`): the team's data goes, and the cursor back to
   * the start; what I queued and my pending posts stay, to be sent as usual.
   */
  restartTeam(): void {
    this.db.transaction(() => {
      for (const table of ['members', 'statuses', 'availability', 'asks', 'groups', 'stars'])
        this.stmt(`DELETE FROM ${table}`).run();
      this.stmt("DELETE FROM posts WHERE member_id != 'me' AND pending = 0").run();
      this.stmt("DELETE FROM meta WHERE key = 'cursor'").run();
    })();
  }

  /** Forgets the team's data (leaving a team); my own local posts stay for my work log. */
  clearTeam(): void {
    this.db.transaction(() => {
      for (const table of ['members', 'statuses', 'availability', 'commands', 'asks', 'groups', 'stars'])
        this.stmt(`DELETE FROM ${table}`).run();
      this.stmt("DELETE FROM posts WHERE member_id != 'me'").run();
      this.stmt("DELETE FROM meta WHERE key IN ('cursor', 'last_sync_at')").run();
    })();
  }

  /** A post shown at once, before the server has it (marked pending). */
  addPendingPost(post: CachedPost): void {
    this.stmt(
      'INSERT OR IGNORE INTO posts (id, member_id, created_at, data, pending) VALUES (?, ?, ?, ?, 1)',
    ).run(post.id, post.memberId, post.createdAt, JSON.stringify(post));
    if (!addressesSomeone(post.text)) this.noteLatest(post.memberId, post.id, post.createdAt);
  }

  private noteLatest(memberId: string, postId: string, createdAt: string) {
    this.stmt(
      `UPDATE members SET latest_post = ? WHERE id = ?
         AND (latest_post IS NULL OR latest_post = ? OR COALESCE((SELECT created_at FROM posts WHERE id = members.latest_post), '') <= ?)`,
    ).run(postId, memberId, postId, createdAt);
  }

  enqueue(id: string, command: TeamCommand): void {
    this.db.transaction(() => {
      if (replacedByNewer(command.kind)) this.stmt('DELETE FROM commands WHERE kind = ?').run(command.kind);
      this.stmt('INSERT INTO commands (id, kind, command, created_at) VALUES (?, ?, ?, ?)').run(
        id,
        command.kind,
        JSON.stringify(command),
        new Date().toISOString(),
      );
    })();
  }

  /** Queued commands in order; one that no longer parses is rejected with the reason, not sent. */
  outbox(): QueuedCommand[] {
    const rows = this.stmt('SELECT seq, id, command, attempts FROM commands ORDER BY seq').all() as {
      seq: number;
      id: string;
      command: string;
      attempts: number;
    }[];
    const queued: QueuedCommand[] = [];
    for (const row of rows) {
      const parsed = teamCommand.safeParse(JSON.parse(row.command));
      if (parsed.success) queued.push({ ...row, command: parsed.data });
      else
        this.reject(
          { id: row.id, kind: 'unknown', body: row.command },
          0,
          'not a command this version knows',
        );
    }
    return queued;
  }

  get queuedCount(): number {
    return (this.stmt('SELECT count(*) AS n FROM commands').get() as { n: number }).n;
  }

  acknowledge(id: string): void {
    this.stmt('DELETE FROM commands WHERE id = ?').run(id);
  }

  attemptFailed(id: string, error: string): void {
    this.stmt('UPDATE commands SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error, id);
  }

  /** The server refused it for good (400, 403, 409…): keep why, stop retrying. */
  reject(row: { id: string; kind: string; body: string }, status: number, message: string): void {
    this.db.transaction(() => {
      this.stmt(
        'INSERT OR REPLACE INTO rejected (id, kind, body, status, message, at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(row.id, row.kind, row.body, status, message, new Date().toISOString());
      this.stmt('DELETE FROM commands WHERE id = ?').run(row.id);
      if (row.kind === 'post') this.stmt('DELETE FROM posts WHERE id = ? AND pending = 1').run(row.id);
    })();
  }

  /** Asks to me and from me, newest first (parsed by the caller's schema). */
  asks(): unknown[] {
    return (
      this.stmt('SELECT data FROM asks ORDER BY created_at DESC LIMIT 200').all() as { data: string }[]
    ).map((r) => JSON.parse(r.data));
  }

  rejected(): { id: string; kind: string; status: number; message: string }[] {
    return this.stmt('SELECT id, kind, status, message FROM rejected ORDER BY at').all() as never;
  }
}
