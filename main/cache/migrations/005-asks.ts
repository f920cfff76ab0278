import type { CacheMigration } from './cache-migration';

// Asks between me and one teammate (nobody else's reach this cache).
export const migration: CacheMigration = `CREATE TABLE asks (id TEXT PRIMARY KEY, from_member TEXT NOT NULL, to_member TEXT NOT NULL,
                      state TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL);`;
