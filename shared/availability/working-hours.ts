import { DAY_MS, MINUTE_MS, utcToWall, wallToUtc } from '../time/zoned-time';
import type { TimeWindow } from './segments';

/** Minutes after local midnight; end exclusive. */
export interface DayHours {
  start: number;
  end: number;
}

/** Per weekday, Sunday = 0 as in Date#getUTCDay, the working spans in the person's zone. */
export type WorkingHours = DayHours[][];

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const defaultWorkingHoursText = 'mon-fri 09:00-18:00';

/**
 * A time as people write it: "09:00", "9", "17", "9am", "5:30pm", "12am" (midnight), "12pm"
 * (noon), or the French "9h", "17h30".
 */
function minutes(text: string, spec: string): number {
  const m = /^(\d{1,2})(?:[:h](\d{2})?)?\s*(am|pm)?$/i.exec(text.trim());
  let hour = m ? Number(m[1]) : Number.NaN;
  const minute = m?.[2] ? Number(m[2]) : 0;
  const half = m?.[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) hour = Number.NaN;
  else if (half) hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  const value = hour * 60 + minute;
  if (!(value >= 0 && value <= 24 * 60) || minute >= 60) {
    throw new Error(`working hours "${spec}": "${text}" is not a time like 09:00, 9am or 17h`);
  }
  return value;
}

function dayIndex(name: string, spec: string): number {
  const i = dayNames.indexOf(name.toLowerCase().slice(0, 3));
  if (i === -1) throw new Error(`working hours "${spec}": "${name}" is not a day (mon, tue, …)`);
  return i;
}

/**
 * Reads "mon-fri 09:00-18:00" (or "mon-fri 9am-5pm", "mon-fri 9-17"), or several parts separated
 * by commas or semicolons:
 * "mon-thu 09:00-12:30 13:30-18:00, fri 09:00-16:00"; a night shift "mon-fri 22:00-06:00" runs
 * into the next morning. Throws a message naming the fault.
 */
export function parseWorkingHours(text: string): WorkingHours {
  const hours: WorkingHours = [[], [], [], [], [], [], []];
  for (const part of text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [days, ...spans] = part.split(/\s+/);
    if (!days || spans.length === 0)
      throw new Error(`working hours "${part}": expected days then times, like "mon-fri 09:00-18:00"`);
    const [first, last = first] = days.split('-') as [string, string?];
    const from = dayIndex(first, part);
    const to = dayIndex(last, part);
    for (const span of spans) {
      const [a, b] = span.split('-');
      const start = minutes(a ?? '', part);
      const end = minutes(b ?? '', part);
      if (end === start) throw new Error(`working hours "${part}": ${span} is empty`);
      for (let d = from; ; d = (d + 1) % 7) {
        // A night shift ("22:00-06:00") ends the next morning.
        hours[d]!.push({ start, end: end > start ? end : 24 * 60 });
        if (end < start && end > 0) hours[(d + 1) % 7]!.push({ start: 0, end });
        if (d === to) break;
      }
    }
  }
  for (const day of hours) day.sort((a, b) => a.start - b.start);
  return hours;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Working hours written back as text parseWorkingHours reads to the same hours ("mon-fri
 * 09:00-18:00"): how hours kept by the server become the setting on a new device. Days with the
 * same spans are grouped, from Monday; a night shift reads as its two halves. Empty when no day
 * has hours.
 */
export function formatWorkingHours(hours: WorkingHours): string {
  const week = [1, 2, 3, 4, 5, 6, 0];
  const spans = (d: number) => (hours[d] ?? []).map((h) => `${clock(h.start)}-${clock(h.end)}`).join(' ');
  const parts: string[] = [];
  for (let i = 0; i < week.length;) {
    const text = spans(week[i]!);
    let j = i;
    while (j + 1 < week.length && spans(week[j + 1]!) === text) j++;
    if (text) {
      const days = i === j ? dayNames[week[i]!] : `${dayNames[week[i]!]}-${dayNames[week[j]!]}`;
      parts.push(`${days} ${text}`);
    }
    i = j + 1;
  }
  return parts.join(', ');
}

/** Local midnight (as wall ms) of the day holding an instant. */
export function wallDayStart(tz: string, utc: number): number {
  const wall = utcToWall(tz, utc);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * Local midnight (wall ms) of the first day of the week holding an instant. Weeks start on
 * Monday in both languages Ricochet speaks (ISO 8601, as in France and British English).
 */
export function wallWeekStart(tz: string, utc: number): number {
  const today = wallDayStart(tz, utc);
  return today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The working spans, as UTC windows, of the local days from `fromDay` (wall midnight) for `days` days. */
export function workingSpans(hours: WorkingHours, tz: string, fromDay: number, days: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let i = 0; i < days; i++) {
    const day = fromDay + i * DAY_MS;
    for (const h of hours[new Date(day).getUTCDay()] ?? []) {
      out.push({
        from: wallToUtc(tz, day + h.start * MINUTE_MS),
        to: wallToUtc(tz, day + h.end * MINUTE_MS),
      });
    }
  }
  return out;
}
