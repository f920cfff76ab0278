import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { attemptStart } from './appended-rows';

/**
 * Failures after which the whole transaction may be run again, nothing of it stored:
 * PostgreSQL's "deadlock detected" and "could not serialize"; SQLite's "database is locked" when
 * another process (an admin command) wrote between this transaction's read and its write, which
 * the busy timeout cannot wait out.
 */
const retryable = new Set(['40P01', '40001', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

/**
 * A write transaction, run again (a few times, after a short random wait) when the database
 * refused it for a conflict with another writer: nothing of it was stored, so running it again
 * is safe, and the request succeeds instead of answering a 500. Every write of the store goes
 * through here.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  attempts = 8,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const rollBack = attemptStart();
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      rollBack();
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !retryable.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}
