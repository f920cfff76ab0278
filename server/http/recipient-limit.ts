import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../store/api-error';

/** Mentions and asks one person may send another in a minute: a conversation, not a flood. */
export const PER_RECIPIENT_MAX = 10;

/**
 * Mentions and asks from one person to another, counted over the last minute: past the limit a
 * post naming them or an ask to them is refused with a 429 that names who and how long (the
 * desktop keeps it in its outbox and sends it later), so one member cannot bury another in
 * notifications. Counted per instance, bounded in memory (the oldest pairs are forgotten).
 */
export class RecipientLimit {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = PER_RECIPIENT_MAX,
    private readonly windowMs = 60_000,
    private readonly size = 50_000,
  ) {}

  /** Whom of `to` that `from` reached too often lately, and the seconds until they may again. */
  over(from: string, to: readonly string[]): { id: string; wait: number } | null {
    for (const id of to) {
      const times = this.recent(from, id);
      if (times.length >= this.max)
        return { id, wait: Math.max(1, Math.ceil((times[0]! + this.windowMs - this.now()) / 1000)) };
    }
    return null;
  }

  /** Refuses (429, naming the person and the wait) when `from` reached any of `to` too often. */
  async check(from: string, to: readonly string[], nameOf: (id: string) => Promise<string>): Promise<void> {
    const over = this.over(from, to);
    if (!over) return;
    throw new ApiError(
      429,
      'too_many_for_recipient',
      `you reached ${await nameOf(over.id)} ${this.max} times in the last minute (mentions and asks); try again in ${over.wait} s`,
    );
  }

  /** A post or an ask that reached them was stored. */
  note(from: string, to: readonly string[]): void {
    for (const id of to) {
      const key = `${from}>${id}`;
      const times = [...this.recent(from, id), this.now()];
      this.sent.delete(key);
      this.sent.set(key, times);
      if (this.sent.size > this.size) this.sent.delete(this.sent.keys().next().value!);
    }
  }

  private recent(from: string, to: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.sent.get(`${from}>${to}`) ?? []).filter((t) => t > since);
  }
}

/** A member's name for a message (their id when they are gone). */
export const nameIn = (db: Kysely<Database>) => async (id: string) =>
  (await db.selectFrom('members').select('name').where('id', '=', id).executeTakeFirst())?.name ?? id;
