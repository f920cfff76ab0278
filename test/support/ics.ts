import { readCalendar, type ReadOptions } from '../../main/calendar/read-calendar';
import { isoInstant, parseInstant } from '../../shared/time/zoned-time';

/** A VCALENDAR around VEVENTs given as lists of content lines. */
export function ics(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ricochet tests//EN',
    ...events.flatMap((lines, i) => [
      'BEGIN:VEVENT',
      ...(lines.some((l) => l.startsWith('UID')) ? [] : [`UID:event-${i}@test`]),
      ...lines,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ].join('\r\n');
}

/** Busy segments as ISO strings, for readable assertions. */
export function busy(text: string, from: string, to: string, options: Partial<ReadOptions> = {}) {
  const read = readCalendar(text, {
    tz: 'Europe/Paris',
    ...options,
    window: { from: parseInstant(from), to: parseInstant(to) },
  });
  return {
    busy: read.segments.map((s) => `${isoInstant(s.start)}/${isoInstant(s.end)} ${s.kind}`),
    warnings: read.warnings,
  };
}
