import type { CacheMigration } from './cache-migration';
import { legacyOutboxCommand, type LegacyOutboxRow } from '../legacy-outbox';

// The outbox holds typed commands; only the team API client knows paths and methods.
export const migration: CacheMigration = (db) => {
  db.exec(`CREATE TABLE commands (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
             kind TEXT NOT NULL, command TEXT NOT NULL, created_at TEXT NOT NULL,
             attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)`);
  const insert = db.prepare(
    'INSERT INTO commands (id, kind, command, created_at, attempts) VALUES (?, ?, ?, ?, ?)',
  );
  const rows = db.prepare('SELECT * FROM outbox ORDER BY seq').all() as LegacyOutboxRow[];
  for (const row of rows) {
    const command = legacyOutboxCommand(row);
    if (command) insert.run(row.id, command.kind, JSON.stringify(command), row.created_at, row.attempts);
  }
  db.exec('DROP TABLE outbox');
  // The old meta keys became the core's typed state.
  db.exec(
    "DELETE FROM meta WHERE key IN ('my_availability', 'calendar_state', 'published_hash', 'profile_hash')",
  );
};
