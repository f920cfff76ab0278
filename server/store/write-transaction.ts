import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** PostgreSQL's "deadlock detected" and "could not serialize": the whole transaction may be run again. */
const retryable = new Set(['40P01', '40001']);

/**
 * A write transaction, run again (a few times, after a short random wait) when PostgreSQL chose
 * it as a deadlock's victim: nothing of it was stored, so running it again is safe, and the
 * request succeeds instead of answering a 500. Every write of the store goes through here.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !retryable.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
