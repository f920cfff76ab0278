import type { CacheMigration } from './cache-migration';

// The people I star, from anywhere in the organisation (the latest list the server sent).
export const migration: CacheMigration = `CREATE TABLE stars (member_id TEXT PRIMARY KEY);`;
