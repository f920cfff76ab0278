/** A burst of profile edits reaches the others once per this many milliseconds, the last one. */
export const PROFILE_WINDOW_MS = 3_000;

/**
 * Profile edits fan out to everyone who watches their author, and one person retyping their role
 * and skills should not cost every stream of the organisation a message per keystroke. The first
 * edit goes out at once; the ones that follow within the window are stored (and acknowledged) at
 * once but held out of the log, and the member's profile as it then is goes out when the window
 * ends. What is held is flagged in the database, so a restart sends it (`heldProfiles`).
 */
export class ProfileCoalescer {
  /** When each member's profile last went out, oldest first (only those within the window). */
  private readonly sentAt = new Map<string, number>();
  /** Members with an edit held: its timer, or null until the edit is stored. */
  private readonly held = new Map<string, NodeJS.Timeout | null>();

  constructor(
    private readonly publish: (memberId: string) => Promise<void>,
    private readonly windowMs = PROFILE_WINDOW_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Before storing an edit: true if it goes out now, false if it is held. */
  admit(memberId: string): boolean {
    if (this.held.has(memberId)) return false;
    const last = this.sentAt.get(memberId);
    if (last !== undefined && this.clock() - last < this.windowMs) {
      this.held.set(memberId, null);
      return false;
    }
    this.sent(memberId);
    return true;
  }

  /**
   * After a held edit is stored: its timer runs (set now if none is). Set after the store, so an
   * edit stored just as the timer fired is never left behind.
   */
  hold(memberId: string): void {
    if (this.held.get(memberId)) return;
    const last = this.sentAt.get(memberId) ?? 0;
    const timer = setTimeout(
      () => {
        this.held.delete(memberId);
        this.sent(memberId);
        void this.publish(memberId);
      },
      Math.max(0, last + this.windowMs - this.clock()),
    );
    this.held.set(memberId, timer);
  }

  /** The server stops: what is held goes out now. */
  async close(): Promise<void> {
    const ids = [...this.held.keys()];
    for (const timer of this.held.values()) if (timer) clearTimeout(timer);
    this.held.clear();
    await Promise.all(ids.map((id) => this.publish(id)));
  }

  private sent(memberId: string) {
    const at = this.clock();
    this.sentAt.delete(memberId);
    this.sentAt.set(memberId, at);
    // Bounded by the people who edited within the window: older entries say nothing any more.
    for (const [id, when] of this.sentAt) {
      if (at - when < this.windowMs) break;
      this.sentAt.delete(id);
    }
  }
}
