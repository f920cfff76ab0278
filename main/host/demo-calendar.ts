import { mergeSegments, type Segment } from '../../shared/availability/segments';
import { summarize } from '../../shared/availability/summary';
import { parseWorkingHours, wallDayStart, workingSpans } from '../../shared/availability/working-hours';
import { DAY_MS, isoInstant, MINUTE_MS, wallToUtc } from '../../shared/time/zoned-time';
import { publishWindow } from '../publisher/publisher';
import type { DemoPerson } from './demo-people';

/** A small deterministic random source, so the demo looks the same for everyone. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic fortnight of meetings for one demo person, inside their working hours in their
 * zone: a few meetings a day on the quarter hour, a stand-up, and an out-of-office day if
 * they are away today. Returned as the availability body the server takes.
 */
export function demoAvailability(person: DemoPerson, seed: number, now: number) {
  const hours = parseWorkingHours(person.hours);
  const window = publishWindow(now, person.tz);
  const next = random(seed);
  const raw: Segment[] = [];
  const today = wallDayStart(person.tz, now);
  for (const span of workingSpans(hours, person.tz, wallDayStart(person.tz, window.from), 22)) {
    // The stand-up, then two to four meetings spread over the day.
    raw.push({ start: span.from + 30 * MINUTE_MS, end: span.from + 45 * MINUTE_MS, kind: 'busy' });
    const count = 2 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      const quarters = Math.floor(((span.to - span.from) / (15 * MINUTE_MS)) * next());
      const start = span.from + quarters * 15 * MINUTE_MS;
      const length = [30, 30, 60, 60, 90][Math.floor(next() * 5)]! * MINUTE_MS;
      raw.push({ start, end: Math.min(start + length, span.to), kind: next() < 0.15 ? 'tentative' : 'busy' });
    }
  }
  if (person.outToday) {
    const from = wallToUtc(person.tz, today);
    raw.push({ start: from, end: from + DAY_MS, kind: 'oof' });
  }
  const busy = mergeSegments(
    raw.filter((s) => s.end > s.start),
    window,
  );
  const summary = summarize({ segments: busy, window, now, tz: person.tz, hours });
  return {
    window: { from: isoInstant(window.from), to: isoInstant(window.to) },
    busy: busy.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), kind: s.kind })),
    loadToday: summary.loadToday,
    loadWeek: summary.loadWeek,
  };
}

/** My own demo calendar as an .ics file, so "Me" shows a day from the first minute. */
export function demoIcs(person: DemoPerson, now: number): string {
  const body = demoAvailability(person, 7, now);
  const stamp = (iso: string) => iso.replace(/[-:]/g, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ricochet demo//EN',
    ...body.busy.flatMap((b, i) => [
      'BEGIN:VEVENT',
      `UID:demo-${i}@ricochet`,
      `DTSTART:${stamp(b.start)}`,
      `DTEND:${stamp(b.end)}`,
      `SUMMARY:${['Team sync', 'Roadmap review', '1:1', 'Customer call', 'Design critique'][i % 5]}`,
      ...(b.kind === 'tentative' ? ['STATUS:TENTATIVE'] : []),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** The end of their latest working span before `now` (`now` itself while they work). */
function lastAtWork(person: DemoPerson, now: number): { at: number; working: boolean } {
  const hours = parseWorkingHours(person.hours);
  const spans = workingSpans(hours, person.tz, wallDayStart(person.tz, now - 8 * DAY_MS), 9);
  const past = spans.filter((s) => s.from <= now).at(-1);
  if (!past) return { at: now, working: false };
  return past.to > now ? { at: now, working: true } : { at: past.to, working: false };
}

/** Whether they are at work now, in their own zone and hours (a status is set only then). */
export const workingNow = (person: DemoPerson, now: number) =>
  lastAtWork(person, now).working && !person.outToday;

/**
 * When each of their posts was written: spread over their last working hours (never at their
 * night), newest last, between 10 minutes and 5 hours before they stopped or now.
 */
export function demoPostTimes(person: DemoPerson, seed: number, now: number): number[] {
  const next = random(seed * 7919);
  const { at } = lastAtWork(person, now);
  const base = Math.min(at, now - 10 * MINUTE_MS);
  return person.posts.map(() => base - Math.floor(next() * 290) * MINUTE_MS).sort((a, b) => a - b);
}
