import { DAY_MS } from '../../shared/time/zoned-time';
import type { EventRecord } from './event-record';
import { toUtc } from './event-record';
import {
  occurrenceAt,
  ruleStarts,
  spanOf,
  windowSlack,
  type ExpandWindow,
  type Occurrence,
} from './recurrence';

type Warn = (message: string) => void;

/**
 * The occurrences of one UID inside the window: the master's (DTSTART, RRULEs, RDATEs,
 * less EXDATEs) with RECURRENCE-ID overrides matched by instant, whatever zone either uses.
 * Each override stands as an event of its own, so one moved into or out of the window,
 * or one whose instance the rule never makes, is right without widening the expansion.
 */
export function expandSeries(
  master: EventRecord | undefined,
  overrides: EventRecord[],
  window: ExpandWindow,
  warn: Warn,
): Occurrence[] {
  if (master && overrides.length === 0 && master.rrules.length === 0 && master.rdates.length === 0) {
    // Most events of a calendar: one occurrence, and usually far from the window.
    const span = spanOf(master, warn);
    if (!mayOverlap(master.start.wall, span.ms, window)) return [];
    const single = occurrenceAt(master.start, span, master);
    return master.exdates.includes(single.start) ? [] : insideOnly(single, window);
  }
  const out: Occurrence[] = [];
  for (const o of overrides) {
    const span = spanOf(o, warn);
    if (mayOverlap(o.start.wall, span.ms, window)) pushIfInside(out, occurrenceAt(o.start, span, o), window);
  }
  if (!master) return out;

  const span = spanOf(master, warn);
  const replaced = new Set(overrides.map((o) => o.recurrenceId));
  const excluded = new Set(master.exdates);
  const future = overrides
    .filter((o) => o.thisAndFuture && o.recurrenceId !== undefined)
    .sort((a, b) => a.recurrenceId! - b.recurrenceId!);
  // A THISANDFUTURE override shifts the later instances; widen by its shift to catch them.
  const shift = Math.max(0, ...future.map((o) => Math.abs(toUtc(o.start) - o.recurrenceId!)));

  // A RECURRENCE-ID written as a date on a series with times names a day, not an instant:
  // it replaces that day's occurrence (RFC 5545 wants the same type; exporters do not always).
  const byDay = master.start.isDate
    ? undefined
    : new Set(overrides.flatMap((o) => (o.recurrenceIdDate === undefined ? [] : [o.recurrenceIdDate])));
  const dayOf = (utc: number) => {
    const wall = master.start.zone.toWall(utc);
    return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  };
  const add = (occurrence: Occurrence) => {
    if (excluded.has(occurrence.start) || replaced.has(occurrence.start)) return;
    if (byDay?.size && byDay.has(dayOf(occurrence.start))) {
      warn('a RECURRENCE-ID written as a date on a series with times: it replaces that day’s occurrence');
      return;
    }
    pushIfInside(out, applyThisAndFuture(occurrence, future, warn), window);
  };

  const isRecurring = master.rrules.length > 0 || master.rdates.length > 0;
  if (!isRecurring) {
    if (mayOverlap(master.start.wall, span.ms, window)) add(occurrenceAt(master.start, span, master));
    return out;
  }
  const lower = window.from - windowSlack - span.ms - shift;
  const upper = window.to + windowSlack + shift;
  const seen = new Set<number>();
  const addOnce = (occurrence: Occurrence) => {
    if (seen.has(occurrence.start)) return;
    seen.add(occurrence.start);
    add(occurrence);
  };
  if (master.start.wall >= lower && master.start.wall <= upper)
    addOnce(occurrenceAt(master.start, span, master));
  for (const wall of ruleStarts(master, lower, upper, warn))
    addOnce(occurrenceAt({ ...master.start, wall }, span, master));
  for (const rdate of master.rdates) {
    const rdateSpan = rdate.end
      ? spanOf({ ...master, start: rdate.start, end: rdate.end, duration: undefined }, warn)
      : rdate.duration !== undefined
        ? { ms: rdate.duration, wall: true }
        : span;
    addOnce(occurrenceAt(rdate.start, rdateSpan, master));
  }
  return out;
}

function applyThisAndFuture(occurrence: Occurrence, future: EventRecord[], warn: Warn): Occurrence {
  let from: EventRecord | undefined;
  for (const o of future) if (o.recurrenceId! <= occurrence.start) from = o;
  if (!from) return occurrence;
  const delta = toUtc(from.start) - from.recurrenceId!;
  const length = spanOf(from, warn);
  const start = occurrence.start + delta;
  const end = length.wall
    ? from.start.zone.toUtc(from.start.zone.toWall(start) + length.ms)
    : start + length.ms;
  return { start, end, record: from };
}

/** A cheap test on wall time that skips the zone conversion of events far from the window. */
function mayOverlap(wall: number, length: number, window: ExpandWindow): boolean {
  return wall <= window.to + windowSlack && wall + length >= window.from - windowSlack;
}

function insideOnly(o: Occurrence, window: ExpandWindow): Occurrence[] {
  return o.start < window.to && o.end > window.from ? [o] : [];
}

function pushIfInside(out: Occurrence[], o: Occurrence, window: ExpandWindow) {
  if (o.start < window.to && o.end > window.from) out.push(o);
}
