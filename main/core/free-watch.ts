import type { Status } from '../../shared/status/status-engine';

/**
 * "Notify me when X is free": each watch fires once, the first time X's computed state is
 * free, then removes itself. Checked whenever data changes and at the status engine's next
 * change time, so it needs one timer, not polling.
 */
export class FreeWatch {
  private readonly watched = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly statusOf: (memberId: string, now: number) => Status | undefined,
    private readonly notify: (memberId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  watch(memberId: string): void {
    this.watched.add(memberId);
    this.check();
  }

  unwatch(memberId: string): void {
    this.watched.delete(memberId);
    this.check();
  }

  get watching(): string[] {
    return [...this.watched];
  }

  /** Call after the cache changed; it also re-arms the timer for the next status change. */
  check(): void {
    clearTimeout(this.timer);
    const now = this.now();
    let next = Infinity;
    for (const id of this.watched) {
      const status = this.statusOf(id, now);
      if (!status) continue;
      if (status.state === 'free') {
        this.watched.delete(id);
        this.notify(id);
      } else if (status.nextChange !== null) next = Math.min(next, status.nextChange);
    }
    if (Number.isFinite(next)) this.timer = setTimeout(() => this.check(), Math.max(0, next - now) + 50);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
