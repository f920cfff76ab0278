import { firstEndingAfter, type Segment, type TimeWindow } from './segments';
import { wallDayStart, workingSpans, type WorkingHours } from './working-hours';

export interface Attendee {
  busy: readonly Segment[];
  /** Absent: always available outside busy time. */
  hours?: WorkingHours;
  timezone?: string;
}

function freeWithin(attendee: Attendee, window: TimeWindow): TimeWindow[] {
  const spans =
    attendee.hours && attendee.timezone
      ? workingSpans(
          attendee.hours,
          attendee.timezone,
          wallDayStart(attendee.timezone, window.from),
          Math.ceil((window.to - window.from) / 86_400_000) + 2,
        )
      : [window];
  const free: TimeWindow[] = [];
  for (const span of joined(spans)) {
    let cursor = Math.max(span.from, window.from);
    const end = Math.min(span.to, window.to);
    for (let i = firstEndingAfter(attendee.busy, cursor); i < attendee.busy.length && cursor < end; i++) {
      const s = attendee.busy[i]!;
      if (s.start >= end) break;
      if (s.start > cursor) free.push({ from: cursor, to: s.start });
      cursor = Math.max(cursor, s.end);
    }
    if (cursor < end) free.push({ from: cursor, to: end });
  }
  return free;
}

/** Working spans that touch are one stretch: someone who works through midnight is free across it. */
function joined(spans: readonly TimeWindow[]): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else out.push({ from: span.from, to: span.to });
  }
  return out;
}

function intersect(a: TimeWindow[], b: TimeWindow[]): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const from = Math.max(a[i]!.from, b[j]!.from);
    const to = Math.min(a[i]!.to, b[j]!.to);
    if (from < to) out.push({ from, to });
    if (a[i]!.to < b[j]!.to) i++;
    else j++;
  }
  return out;
}

/**
 * The next common free slots of at least `minutes`, inside everyone's working hours, from
 * their published availability. Each slot is the whole common free stretch (start to end).
 */
export function findCommonSlots(
  attendees: readonly Attendee[],
  window: TimeWindow,
  minutes: number,
  limit = 5,
): TimeWindow[] {
  if (attendees.length === 0) return [];
  let common = freeWithin(attendees[0]!, window);
  for (const attendee of attendees.slice(1)) common = intersect(common, freeWithin(attendee, window));
  return common.filter((s) => s.to - s.from >= minutes * 60_000).slice(0, limit);
}
