import type { TimeValue } from '../event-record';
import { utcZone, zoneByName } from '../zones';

/** "2026-12-07T09:00:00.0000000" or "2026-12-07" as wall-clock milliseconds (read as if UTC). */
export function wallOf(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/.exec(text.trim());
  if (!m) throw new Error(`a time Ricochet does not read ("${text.slice(0, 40)}")`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
}

/**
 * A day of an all-day event: its zone is the person's, set when the engine reads it (an
 * all-day event is the person's day, as for iCalendar dates).
 */
export const dateValue = (date: string): TimeValue => ({
  wall: wallOf(date.slice(0, 10)),
  isDate: true,
  zone: utcZone,
});

/** Graph's dateTimeTimeZone: UTC when asked with `Prefer: outlook.timezone="UTC"`, else its zone. */
export function graphTime(
  t: { dateTime: string; timeZone?: string | null | undefined },
  allDay: boolean,
): TimeValue {
  if (allDay) return dateValue(t.dateTime);
  const wall = wallOf(t.dateTime);
  const zone =
    !t.timeZone || /^(UTC|tzone:\/\/Microsoft\/Utc)$/i.test(t.timeZone) ? utcZone : zoneByName(t.timeZone);
  if (!zone) throw new Error(`a time zone this computer does not know ("${t.timeZone}")`);
  return { wall: zone.toUtc(wall), isDate: false, zone: utcZone };
}

/** Google's EventDateTime: a date for all-day events, else an RFC 3339 instant with its offset. */
export function googleTime(t: { date?: string; dateTime?: string } | undefined): TimeValue {
  if (t?.date) return dateValue(t.date);
  const at = t?.dateTime ? Date.parse(t.dateTime) : NaN;
  if (Number.isNaN(at)) throw new Error('has no start or end Ricochet can read');
  return { wall: at, isDate: false, zone: utcZone };
}
