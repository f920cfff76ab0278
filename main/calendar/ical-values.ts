import ICAL from 'ical.js';

/** A jCal DATE ("2026-03-10") or DATE-TIME ("2026-03-10T08:30:00[Z]") as wall ms. */
/** The number written by `len` digits at `at`; NaN on anything else. No substrings: hot. */
export function digits(value: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

export function parseWall(value: string): { wall: number; isDate: boolean; utc: boolean } {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  // "2018-01-10T::" is how ical.js reads a date written without VALUE=DATE: a date.
  if (value.length === 10 || (value.length === 13 && value.endsWith('T::'))) {
    const wall = Date.UTC(year, month - 1, day);
    if (Number.isNaN(wall)) throw new Error(`invalid date "${value}"`);
    return { wall, isDate: true, utc: false };
  }
  const wall = Date.UTC(
    year,
    month - 1,
    day,
    digits(value, 11, 2),
    digits(value, 14, 2),
    digits(value, 17, 2),
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
