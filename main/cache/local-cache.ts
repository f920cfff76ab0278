import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from '../../shared/protocol/schemas';

/** Each entry brings the schema from the version before it; never edit a shipped one. */
const migrations = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE members (id TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL);
   CREATE TABLE statuses (member_id TEXT PRIMARY KEY, data TEXT NOT NULL);
   CREATE TABLE availability (member_id TEXT PRIMARY KEY, data TEXT NOT NULL);
   CREATE TABLE posts (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL,
                       pending INTEGER NOT NULL DEFAULT 0);
   CREATE INDEX posts_member ON posts (member_id, created_at);
   CREATE INDEX posts_created ON posts (created_at);
   CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                        method TEXT NOT NULL, path TEXT NOT NULL, body TEXT, created_at TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
   CREATE TABLE rejected (id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT, status INTEGER NOT NULL,
                          message TEXT NOT NULL, at TEXT NOT NULL);`,
];

export interface OutboxRow {
  seq: number;
  id: string;
  kind: 'post' | 'status' | 'availability' | 'delete-post' | 'profile';
  method: string;
  path: string;
  body: string | null;
  attempts: number;
}

export interface CachedPost {
  id: string;
  memberId: string;
  text: string;
  tags: string[];
  createdAt: string;
  pending?: boolean;
}

/**
 * The desktop's local copy of the team (members, statuses, availability, posts), the sync
 * cursor, and the outbox of mutations not yet acknowledged. better-sqlite3: synchronous,
 * so a read for the UI is a few index lookups with no event-loop hop.
 */
export class LocalCache {
  readonly db: Database.Database;

  constructor(profileDir: string) {
    mkdirSync(profileDir, { recursive: true, mode: 0o700 });
    this.db = new Database(join(profileDir, 'cache.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < migrations.length; v++) {
      this.db.transaction(() => {
        this.db.exec(migrations[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  get(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  }

  set(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  get cursor(): number {
    return Number(this.get('cursor') ?? 0);
  }

  /** Applies changes in order and moves the cursor, all or nothing; older ones are skipped. */
  applyChanges(changes: readonly Change[]): number {
    let applied = 0;
    this.db.transaction(() => {
      let cursor = this.cursor;
      for (const change of changes) {
        if (change.seq <= cursor) continue;
        this.applyOne(change);
        cursor = change.seq;
        applied++;
      }
      this.set('cursor', String(cursor));
      this.set('last_sync_at', new Date().toISOString());
    })();
    return applied;
  }

  private applyOne(change: Change) {
    const data = JSON.stringify(change.data);
    switch (change.kind) {
      case 'member': {
        const member = change.data as { id: string; name: string };
        const previous = this.db.prepare('SELECT data FROM members WHERE id = ?').get(member.id) as
          { data: string } | undefined;
        const topics = previous ? (JSON.parse(previous.data) as { topics?: string[] }).topics : undefined;
        this.db
          .prepare(
            'INSERT INTO members (id, name, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data',
          )
          .run(member.id, member.name, JSON.stringify({ ...member, ...(topics ? { topics } : {}) }));
        break;
      }
      case 'member-removed':
        for (const table of ['statuses', 'availability'])
          this.db.prepare(`DELETE FROM ${table} WHERE member_id = ?`).run(change.memberId);
        this.db.prepare('DELETE FROM members WHERE id = ?').run(change.memberId);
        break;
      case 'status':
      case 'availability':
        this.db
          .prepare(
            `INSERT INTO ${change.kind === 'status' ? 'statuses' : 'availability'} (member_id, data) VALUES (?, ?) ON CONFLICT (member_id) DO UPDATE SET data = excluded.data`,
          )
          .run(change.memberId, data);
        break;
      case 'post': {
        const post = change.data as CachedPost;
        this.db
          .prepare(
            'INSERT INTO posts (id, member_id, created_at, data, pending) VALUES (?, ?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, data = excluded.data, pending = 0',
          )
          .run(post.id, post.memberId, post.createdAt, data);
        break;
      }
      case 'post-deleted':
        this.db.prepare('DELETE FROM posts WHERE id = ?').run(change.entityId);
        break;
    }
  }

  /** Topics come from the server's board (most used #tags of 30 days). */
  setTopics(topics: ReadonlyMap<string, string[]>): void {
    const read = this.db.prepare('SELECT data FROM members WHERE id = ?');
    const write = this.db.prepare('UPDATE members SET data = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const [id, list] of topics) {
        const row = read.get(id) as { data: string } | undefined;
        if (row) write.run(JSON.stringify({ ...JSON.parse(row.data), topics: list }), id);
      }
    })();
  }

  /** A post shown at once, before the server has it (marked pending). */
  addPendingPost(post: CachedPost): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO posts (id, member_id, created_at, data, pending) VALUES (?, ?, ?, ?, 1)',
      )
      .run(post.id, post.memberId, post.createdAt, JSON.stringify(post));
  }

  enqueue(row: Omit<OutboxRow, 'seq' | 'attempts'>): void {
    this.db.transaction(() => {
      // Only the latest status and availability matter: an older one still queued is dropped.
      if (row.kind === 'status' || row.kind === 'availability')
        this.db.prepare('DELETE FROM outbox WHERE kind = ?').run(row.kind);
      this.db
        .prepare('INSERT INTO outbox (id, kind, method, path, body, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(row.id, row.kind, row.method, row.path, row.body, new Date().toISOString());
    })();
  }

  outbox(): OutboxRow[] {
    return this.db
      .prepare('SELECT seq, id, kind, method, path, body, attempts FROM outbox ORDER BY seq')
      .all() as OutboxRow[];
  }

  acknowledge(id: string): void {
    this.db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
  }

  attemptFailed(id: string, error: string): void {
    this.db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error, id);
  }

  /** The server refused it for good (400, 403, 409…): keep why, stop retrying. */
  reject(row: OutboxRow, status: number, message: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO rejected (id, kind, body, status, message, at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(row.id, row.kind, row.body, status, message, new Date().toISOString());
      this.db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);
      if (row.kind === 'post') this.db.prepare('DELETE FROM posts WHERE id = ? AND pending = 1').run(row.id);
    })();
  }

  rejected(): { id: string; kind: string; status: number; message: string }[] {
    return this.db.prepare('SELECT id, kind, status, message FROM rejected ORDER BY at').all() as never;
  }
}
