import ICAL from 'ical.js';

/** A jCal DATE ("2026-03-10") or DATE-TIME ("2026-03-10T08:30:00[Z]") as wall ms. */
export function parseWall(value: string): { wall: number; isDate: boolean; utc: boolean } {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  // "2018-01-10T::" is how ical.js reads a date written without VALUE=DATE: a date.
  if (value.length === 10 || /^\d{4}-\d{2}-\d{2}T::$/.test(value)) {
    const wall = Date.UTC(year, month - 1, day);
    if (Number.isNaN(wall)) throw new Error(`invalid date "${value}"`);
    return { wall, isDate: true, utc: false };
  }
  const wall = Date.UTC(
    year,
    month - 1,
    day,
    Number(value.slice(11, 13)),
    Number(value.slice(14, 16)),
    Number(value.slice(17, 19)),
  );
  if (Number.isNaN(wall) || value.length < 19) throw new Error(`invalid date-time "${value}"`);
  return { wall, isDate: false, utc: value.endsWith('Z') };
}

/** An iCalendar DURATION in ms (weeks and days as 24-hour days, added in wall time). */
export function parseDuration(value: string): number {
  return ICAL.Duration.fromString(value).toSeconds() * 1000;
}

/** The wall fields of a wall ms as an ical.js floating Time, for the recurrence iterator. */
export function wallToIcalTime(wall: number, isDate: boolean): ICAL.Time {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

export function icalTimeToWall(t: ICAL.Time): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}
