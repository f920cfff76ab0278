import type Database from 'better-sqlite3';

/** A step from one cache version to the next: SQL, or code where rows must be rewritten. */
export type CacheMigration = string | ((db: Database.Database) => void);
