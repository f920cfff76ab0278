import type { RicochetApi } from '../../shared/ipc-contract';
import { onShown, pageHidden } from './page-visibility';

export type CoreRead<T> = (api: RicochetApi) => Promise<T>;
export interface CoreSnapshot<T> {
  readonly data: T | undefined;
  readonly error: string | null;
}

interface Entry {
  read: CoreRead<unknown>;
  snapshot: CoreSnapshot<unknown>;
  listeners: Set<() => void>;
  running: boolean;
  /** A change came while reading: read once more when this read ends (a burst makes one). */
  again: boolean;
  /** A read started before the view mounted (the board at start), kept a moment for it. */
  drop?: ReturnType<typeof setTimeout>;
}

const EMPTY: CoreSnapshot<never> = { data: undefined, error: null };
/** How long a read nobody shows is kept: long enough for the first screen's views to mount. */
const KEEP_MS = 2000;

/**
 * The window's reads of the core, by key (the key names the read and its inputs): views that show
 * the same key share one read and one answer. The core's "changed" event makes every shown read
 * read again (one at a time, at most once more after a running one); a read nobody shows is
 * dropped, and read afresh when a view shows it. A hidden page reads nothing: it reads each
 * shown key once when it is shown again.
 */
export class CoreStore {
  private readonly entries = new Map<string, Entry>();
  /** The bridge dropped since the last reads: changes may have been missed. */
  private down = false;

  constructor(
    private readonly api: RicochetApi | undefined,
    /** The page's visibility (page-visibility.ts; tests pass their own). */
    private readonly page: { hidden: () => boolean; onShown: (fn: () => void) => unknown } = {
      hidden: pageHidden,
      onShown,
    },
  ) {
    api?.on('core:changed', () => this.changed());
    page.onShown(() => this.readShown());
  }

  /** Starts a read before the view that shows it mounts. */
  prime<T>(key: string, read: CoreRead<T>): void {
    if (this.entries.has(key)) return;
    const entry = this.entry(key, read);
    this.load(entry);
    this.dropLater(key, entry);
  }

  /** A view shows `key`: its first read runs (even hidden, so a window prepared hidden opens filled). */
  subscribe<T>(key: string, read: CoreRead<T>, listener: () => void): () => void {
    const entry = this.entry(key, read);
    clearTimeout(entry.drop);
    entry.listeners.add(listener);
    if (entry.snapshot === EMPTY && !entry.running) this.load(entry);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) this.dropLater(key, entry);
    };
  }

  snapshot<T>(key: string): CoreSnapshot<T> {
    return (this.entries.get(key)?.snapshot ?? EMPTY) as CoreSnapshot<T>;
  }

  /**
   * The core's reachability changed (the browser mode's bridge; Electron's IPC is never down).
   * When it is back, every read that failed while it was down (a bridge that opened late on a
   * busy machine) and, after a drop, every read that may have missed a change, reads afresh, so
   * no view stays empty or stale. A read kept for a view not mounted yet is dropped: it is read
   * when the view mounts.
   */
  connection(connected: boolean): void {
    if (!connected) {
      this.down = true;
      return;
    }
    const missed = this.down;
    this.down = false;
    for (const [key, entry] of this.entries) {
      if (!missed && entry.snapshot.error === null) continue;
      if (entry.listeners.size > 0) this.load(entry);
      else {
        clearTimeout(entry.drop);
        this.entries.delete(key);
      }
    }
  }

  /** Reads `key` again now (after a command whose effect the view waits for). */
  reload(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.load(entry);
  }

  private entry<T>(key: string, read: CoreRead<T>): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { read, snapshot: EMPTY, listeners: new Set(), running: false, again: false };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private dropLater(key: string, entry: Entry) {
    clearTimeout(entry.drop);
    entry.drop = setTimeout(() => entry.listeners.size === 0 && this.entries.delete(key), KEEP_MS);
  }

  private changed() {
    for (const [key, entry] of this.entries) {
      if (entry.listeners.size === 0) {
        clearTimeout(entry.drop);
        this.entries.delete(key);
      } else if (!this.page.hidden()) this.load(entry);
    }
  }

  private readShown() {
    for (const entry of this.entries.values()) if (entry.listeners.size > 0) this.load(entry);
  }

  private load(entry: Entry) {
    if (!this.api) return;
    if (entry.running) {
      entry.again = true;
      return;
    }
    entry.running = true;
    const set = (snapshot: CoreSnapshot<unknown>) => {
      entry.snapshot = snapshot;
      for (const listener of entry.listeners) listener();
    };
    entry
      .read(this.api)
      .then(
        (data) => set({ data, error: null }),
        (e: Error) => set({ data: entry.snapshot.data, error: e.message }),
      )
      .finally(() => {
        entry.running = false;
        if (entry.again) {
          entry.again = false;
          if (entry.listeners.size > 0) this.load(entry);
        }
      });
  }
}
