import type { CacheMigration } from './cache-migration';

// A revision per row, so a board read can tell unchanged rows without reading their JSON.
export const migration: CacheMigration = `ALTER TABLE members ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE statuses ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE availability ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;`;
