import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deliverDue, nextDue } from '../store/asks';
import { oneLookAtATime } from './one-look-at-a-time';

/**
 * Delivers asks when their time comes, with one timer at the earliest due ask and no sweep: the
 * server wakes at that time and not before. An ask scheduled by another instance (one that
 * stopped, say) is delivered here too, because this instance sets its timer again whenever
 * another one announces a write (`rearm`). Delivering is a conditional claim, so two instances
 * never deliver one ask twice. The clock is injected, so tests move time and call `check`.
 */
export class AskScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly onChanged: (orgId: string) => void,
  ) {}

  /** Delivers what is due now, then sets the timer for the next one. */
  check(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.closed) return;
      for (const team of await deliverDue(this.db, this.now())) this.onChanged(team);
      await this.arm();
    });
    return this.running.catch(() => {});
  }

  /** Something may now be due sooner (a new ask, a changed status): set the timer again. */
  async arm(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.timer);
    const at = await nextDue(this.db);
    if (at === null) return;
    const wait = Math.min(Math.max(0, at - this.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => void this.check(), wait);
    this.timer.unref();
  }

  /**
   * Another instance wrote (its NOTIFY): it may have scheduled an ask. One look at a time, and
   * one more after it when writes keep coming, however many announcements arrive meanwhile.
   */
  readonly rearm = oneLookAtATime(() => this.arm());

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }
}
