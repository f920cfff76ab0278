import { DAY_MS, MINUTE_MS, utcToWall } from '../time/zoned-time';
import { firstEndingAfter, type BusyKind, type Segment, type TimeWindow } from './segments';
import { wallDayStart, wallWeekStart, workingSpans, type WorkingHours } from './working-hours';

export interface AvailabilitySummary {
  now: number;
  state: BusyKind | 'free';
  /** End of the contiguous run of busy time holding `now`, whatever its kinds. */
  busyUntil: number | null;
  /** Start of the next busy segment when free now; null when none is known. */
  freeUntil: number | null;
  nextFree: TimeWindow | null;
  /** Booked minutes ÷ working minutes, 0…1 (0 when there is no working time). */
  loadToday: number;
  loadWeek: number;
}

export interface SummaryInput {
  segments: readonly Segment[];
  window: TimeWindow;
  now: number;
  tz: string;
  hours: WorkingHours;
  /** Shortest free stretch worth offering as "next free slot". */
  slotMinutes?: number;
}

function bookedWithin(segments: readonly Segment[], span: TimeWindow): number {
  let total = 0;
  for (let i = firstEndingAfter(segments, span.from); i < segments.length; i++) {
    const s = segments[i]!;
    if (s.start >= span.to) break;
    total += Math.min(s.end, span.to) - Math.max(s.start, span.from);
  }
  return total;
}

function load(segments: readonly Segment[], spans: TimeWindow[]): number {
  let working = 0;
  let booked = 0;
  for (const span of spans) {
    working += span.to - span.from;
    booked += bookedWithin(segments, span);
  }
  return working === 0 ? 0 : Math.round((booked / working) * 1000) / 1000;
}

/** The first stretch of at least `minutes` inside working hours and free of segments. */
export function nextFreeSlot(
  segments: readonly Segment[],
  spans: TimeWindow[],
  from: number,
  minutes: number,
): TimeWindow | null {
  const length = minutes * MINUTE_MS;
  for (const span of spans) {
    let cursor = Math.max(span.from, from);
    let i = firstEndingAfter(segments, cursor);
    while (cursor + length <= span.to) {
      const s = segments[i];
      if (!s || s.start >= span.to) return { from: cursor, to: span.to };
      if (s.start - cursor >= length) return { from: cursor, to: s.start };
      cursor = Math.max(cursor, s.end);
      i++;
    }
  }
  return null;
}

/** Everything "at a glance" about one person's availability at `now`. Pure. */
export function summarize(input: SummaryInput): AvailabilitySummary {
  const { segments, now, tz, hours, window } = input;
  const i = firstEndingAfter(segments, now);
  const current = segments[i] && segments[i]!.start <= now ? segments[i]! : undefined;
  let busyUntil: number | null = null;
  let freeUntil: number | null = null;
  if (current) {
    let j = i;
    while (segments[j + 1] && segments[j + 1]!.start === segments[j]!.end) j++;
    busyUntil = segments[j]!.end;
  } else {
    freeUntil = segments[i]?.start ?? null;
  }
  const today = wallDayStart(tz, now);
  const monday = wallWeekStart(tz, now);
  const days = Math.max(1, Math.ceil((utcToWall(tz, window.to) - today) / DAY_MS) + 1);
  return {
    now,
    state: current?.kind ?? 'free',
    busyUntil,
    freeUntil,
    nextFree: nextFreeSlot(segments, workingSpans(hours, tz, today, days), now, input.slotMinutes ?? 30),
    loadToday: load(segments, workingSpans(hours, tz, today, 1)),
    loadWeek: load(segments, workingSpans(hours, tz, monday, 7)),
  };
}
