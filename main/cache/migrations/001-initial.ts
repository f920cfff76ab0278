import type { CacheMigration } from './cache-migration';

// The cache's first schema.
export const migration: CacheMigration = `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
                          message TEXT NOT NULL, at TEXT NOT NULL);`;
