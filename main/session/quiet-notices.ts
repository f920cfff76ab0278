import type { DisplayState } from '../../shared/status/status-engine';
import type { NoticeKind } from './notification-text';

/** Why notifications wait: my own state says I should not be interrupted. */
export type QuietReason = 'focus' | 'dnd' | 'meeting' | 'off';

/** My state, and whether meetings count as quiet (a setting). */
export function quietReason(state: DisplayState, quietInMeetings: boolean): QuietReason | null {
  if (state === 'focus' || state === 'dnd') return state;
  if (state === 'off' || state === 'oof') return 'off';
  if (quietInMeetings && (state === 'busy' || state === 'tentative')) return 'meeting';
  return null;
}

export interface Notice {
  kind: NoticeKind;
  /** Rings through the quiet (an ask its author marked urgent). */
  urgent?: boolean;
}

export interface QuietNoticesDeps<N extends Notice> {
  /** Why I am not to be interrupted now, or null. */
  quiet: () => Promise<QuietReason | null>;
  show: (notice: N) => void;
  /** One notification for what waited: counts by kind, and the quiet it waited through. */
  summarise: (counts: Partial<Record<NoticeKind, number>>, reason: QuietReason) => void;
  /** How often to look whether the quiet ended while something waits (a minute). */
  everyMs?: number;
}

/**
 * Ricochet's notifications wait while I am focusing, in do-not-disturb, in a meeting (a setting)
 * or outside my working hours, and arrive as one summary when that ends. Urgent asks still ring.
 */
export function createQuietNotices<N extends Notice>(deps: QuietNoticesDeps<N>) {
  let held: { counts: Partial<Record<NoticeKind, number>>; reason: QuietReason } | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function check(): Promise<void> {
    if (!held || (await deps.quiet())) return;
    const { counts, reason } = held;
    held = null;
    clearInterval(timer);
    deps.summarise(counts, reason);
  }

  return {
    async tell(notice: N): Promise<void> {
      const reason = notice.urgent ? null : await deps.quiet();
      if (!reason) return deps.show(notice);
      held ??= { counts: {}, reason };
      held.counts[notice.kind] = (held.counts[notice.kind] ?? 0) + 1;
      clearInterval(timer);
      timer = setInterval(() => void check(), deps.everyMs ?? 60_000);
    },
    /** My state may have changed (a new status, a meeting ended): the summary goes if quiet ended. */
    check,
    get waiting() {
      return held ? Object.values(held.counts).reduce((a, b) => a + (b ?? 0), 0) : 0;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
