/** The kinds of busy time, weakest first; where two overlap the stronger wins. */
/** `focus`: a block the person keeps to work alone (Google's focus time): busy to others, not a meeting. */
export const busyKinds = ['tentative', 'focus', 'busy', 'oof'] as const;
export type BusyKind = (typeof busyKinds)[number];

/** A span of busy time in UTC milliseconds, end exclusive. */
export interface Segment {
  start: number;
  end: number;
  kind: BusyKind;
}

export interface TimeWindow {
  from: number;
  to: number;
}

/**
 * Clips to the window, sorts, and resolves overlaps so that the result never overlaps:
 * the stronger kind wins where kinds overlap, and touching segments of one kind join.
 * A sweep over boundaries: O(n log n) for n segments.
 */
export function mergeSegments(input: readonly Segment[], window: TimeWindow): Segment[] {
  const events: { at: number; kind: BusyKind; delta: 1 | -1 }[] = [];
  for (const s of input) {
    const start = Math.max(s.start, window.from);
    const end = Math.min(s.end, window.to);
    if (end <= start) continue;
    events.push({ at: start, kind: s.kind, delta: 1 }, { at: end, kind: s.kind, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  const open = { tentative: 0, focus: 0, busy: 0, oof: 0 };
  const out: Segment[] = [];
  let current: BusyKind | undefined;
  let currentStart = 0;
  for (let i = 0; i < events.length;) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i++) open[events[i]!.kind] += events[i]!.delta;
    const next: BusyKind | undefined =
      open.oof > 0
        ? 'oof'
        : open.busy > 0
          ? 'busy'
          : open.focus > 0
            ? 'focus'
            : open.tentative > 0
              ? 'tentative'
              : undefined;
    if (next === current) continue;
    if (current !== undefined && at > currentStart) out.push({ start: currentStart, end: at, kind: current });
    current = next;
    currentStart = at;
  }
  return out;
}

/** Index of the first segment ending after t, in sorted non-overlapping segments. */
export function firstEndingAfter(segments: readonly Segment[], t: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
