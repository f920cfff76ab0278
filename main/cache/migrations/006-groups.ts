import type { CacheMigration } from './cache-migration';

// The organisation's teams and who is in each (a person may be in several).
export const migration: CacheMigration = `CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL);`;
