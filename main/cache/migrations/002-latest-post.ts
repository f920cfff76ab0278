import type { CacheMigration } from './cache-migration';

// The board reads each member's latest post by key instead of searching posts per member.
export const migration: CacheMigration = `ALTER TABLE members ADD COLUMN latest_post TEXT;`;
