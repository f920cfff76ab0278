import ICAL from 'ical.js';
import { DAY_MS } from '../../shared/time/zoned-time';
import { icalTimeToWall, parseWall, wallToIcalTime } from './ical-values';
import { toUtc, type EventRecord, type TimeValue } from './event-record';
import { problemOf } from './warning-text';

/** One occurrence of an event in UTC, with the properties that decide if it counts. */
export interface Occurrence {
  start: number;
  end: number;
  record: EventRecord;
}

export interface ExpandWindow {
  from: number;
  to: number;
}

/** Past this many rule steps inside one window an event stops, with a warning. */
export const ITERATION_CAP = 50_000;
/** Wall time and UTC never differ by more than this (UTC−12 … UTC+14, with margin). */
const ZONE_SLACK = 15 * 3_600_000;

/** How an occurrence's end follows from its start. */
interface Span {
  ms: number;
  /** Wall-clock arithmetic (same zone, like Python's aware datetimes) or exact. */
  wall: boolean;
}

export function spanOf(record: EventRecord, warn: (message: string) => void): Span {
  const { start, end, duration } = record;
  let span: Span;
  if (end && start.isDate && end.isDate && end.wall === start.wall) {
    // DAVx5 and others write DTEND = DTSTART for a one-day event: a whole day, not nothing.
    warn('an all-day event that ends on the day it starts: read as one day');
    span = { ms: DAY_MS, wall: true };
  } else if (end) {
    span =
      start.isDate || end.zone === start.zone
        ? { ms: end.wall - start.wall, wall: true }
        : { ms: toUtc(end) - toUtc(start), wall: false };
  } else if (duration !== undefined) span = { ms: duration, wall: true };
  else span = { ms: start.isDate ? DAY_MS : 0, wall: true };
  if (span.ms < 0) {
    warn('ends before it starts; read with start and end swapped');
    span = { ...span, ms: -span.ms };
  }
  return span;
}

export function occurrenceAt(start: TimeValue, span: Span, record: EventRecord): Occurrence {
  const startUtc = start.zone.toUtc(start.wall);
  const end = span.wall ? start.zone.toUtc(start.wall + span.ms) : startUtc + span.ms;
  return { start: startUtc, end, record };
}

const fixedPeriods: Record<string, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
};

/**
 * Moves a rule's start forward by whole periods to just before `before` (wall ms), so an
 * endless rule begun years ago costs what its window costs. Only where the set of
 * occurrences is unchanged: no COUNT (it counts from the true start), and for months and
 * years a start day every month has.
 */
function skipAhead(start: number, rule: ICAL.Recur, before: number): number {
  if (rule.count || before <= start) return start;
  const interval = rule.interval || 1;
  const fixed = fixedPeriods[rule.freq];
  if (fixed) {
    const period = fixed * interval;
    const steps = Math.floor((before - start) / period) - 1;
    return steps > 0 ? start + steps * period : start;
  }
  const d = new Date(start);
  if (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') return start;
  // With BY-parts (BYDAY=1SU, BYMONTH=4…) the occurrences do not fall on the start's day:
  // restart from the first of a month, which every month has and which precedes them all.
  const byParts = Object.keys(rule.parts ?? {}).length > 0;
  if (!byParts && d.getUTCDate() > 28) return start;
  // A monthly rule limited to some months restarts in the same month of a later year
  // (ical.js does not find them from another month): whole years, kept on the interval.
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const monthsPer =
    rule.freq === 'MONTHLY'
      ? rule.parts?.['BYMONTH']
        ? (interval * 12) / gcd(interval, 12)
        : interval
      : 12 * interval;
  const target = new Date(before);
  const months = (target.getUTCFullYear() - d.getUTCFullYear()) * 12 + target.getUTCMonth() - d.getUTCMonth();
  const steps = Math.floor(months / monthsPer) - 1;
  if (steps <= 0) return start;
  if (byParts) d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + steps * monthsPer);
  return d.getTime();
}

const plainParts = new Set(['freq', 'interval', 'count', 'until', 'wkst', 'byday']);

/**
 * The common rules ("every day", "every 2 weeks on this weekday", with COUNT or UNTIL) by
 * arithmetic: start + k × period in wall time, straight to the window. Returns false for
 * anything else, which goes to ical.js.
 */
function plainRuleStarts(
  data: Record<string, unknown>,
  start: TimeValue,
  lower: number,
  upper: number,
  starts: number[],
  warn: (message: string) => void,
): boolean {
  const freq = String(data['freq']).toUpperCase();
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return false;
  for (const key in data) if (!plainParts.has(key)) return false;
  const dayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  const byday = data['byday'];
  if (byday !== undefined && (freq !== 'WEEKLY' || byday !== dayCodes[new Date(start.wall).getUTCDay()]))
    return false;
  const interval = Number(data['interval'] ?? 1);
  if (!Number.isInteger(interval) || interval < 1) return false;
  const period = interval * (freq === 'DAILY' ? DAY_MS : 7 * DAY_MS);
  let last = Math.floor((upper - start.wall) / period);
  if (data['count'] !== undefined) last = Math.min(last, Number(data['count']) - 1);
  if (typeof data['until'] === 'string') {
    const until = parseWall(data['until']);
    if (until.isDate !== start.isDate) return false;
    const untilWall = until.utc ? start.zone.toWall(until.wall) : until.wall;
    last = Math.min(last, Math.floor((untilWall - start.wall) / period));
  }
  const first = Math.max(0, Math.ceil((lower - start.wall) / period));
  if (last - first >= ITERATION_CAP) {
    warn(`recurrence rule stopped after ${ITERATION_CAP} steps in this window`);
    last = first + ITERATION_CAP - 1;
  }
  for (let k = first; k <= last; k++) starts.push(start.wall + k * period);
  return true;
}

function collectRuleStarts(
  rule: ICAL.Recur,
  record: EventRecord,
  lower: number,
  upper: number,
  starts: number[],
  warn: (message: string) => void,
) {
  const from = skipAhead(record.start.wall, rule, lower);
  const iterator = rule.iterator(wallToIcalTime(from, record.start.isDate));
  let steps = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const wall = icalTimeToWall(next);
    if (wall > upper) break;
    if (++steps > ITERATION_CAP) {
      warn(`recurrence rule stopped after ${ITERATION_CAP} steps in this window`);
      break;
    }
    if (wall >= lower && (wall !== from || from === record.start.wall)) starts.push(wall);
  }
}

/**
 * ical.js stops a YEARLY rule with BYHOUR/BYMINUTE/BYSECOND after its first instance.
 * With INTERVAL 1 and only month, month-day and plain weekday filters, that rule makes the
 * same set as a DAILY one with the same filters (RFC 5545 3.3.10's expansion table), which
 * ical.js gets right; the month and day default to DTSTART's, as they do for YEARLY.
 */
function yearlyAsDaily(data: Record<string, unknown>, start: TimeValue): Record<string, unknown> {
  const subDay =
    data['byhour'] !== undefined || data['byminute'] !== undefined || data['bysecond'] !== undefined;
  const byday = [data['byday'] ?? []].flat().map(String);
  if (
    String(data['freq']).toUpperCase() !== 'YEARLY' ||
    !subDay ||
    (Number(data['interval'] ?? 1) || 1) !== 1 ||
    data['byyearday'] !== undefined ||
    data['byweekno'] !== undefined ||
    data['bysetpos'] !== undefined ||
    byday.some((d) => /\d/.test(d))
  ) {
    return data;
  }
  const d = new Date(start.wall);
  return {
    ...data,
    freq: 'DAILY',
    bymonth: data['bymonth'] ?? [d.getUTCMonth() + 1],
    ...(data['bymonthday'] === undefined && byday.length === 0 ? { bymonthday: [d.getUTCDate()] } : {}),
  };
}

const ruleParts = new Set(
  'freq until count interval bysecond byminute byhour byday bymonthday byyearday byweekno bymonth bysetpos wkst rscale skip'.split(
    ' ',
  ),
);

/** Rule data from jCal, with UNTIL moved into the start's wall clock (ical.js compares walls). */
function ruleFor(
  data: Record<string, unknown>,
  start: TimeValue,
  warn: (message: string) => void,
): ICAL.Recur {
  const unknown = Object.keys(data).filter((k) => !ruleParts.has(k));
  if (unknown.length > 0) {
    warn(
      `recurrence rule has unknown part ${unknown.map((k) => (/^[a-z0-9-]{1,20}$/i.test(k) ? k.toUpperCase() : '(unreadable)')).join(', ')}, read without it`,
    );
  }
  const { until, ...rest } = yearlyAsDaily(data, start);
  for (const k of unknown) delete rest[k];
  const rule = ICAL.Recur.fromData(rest as ConstructorParameters<typeof ICAL.Recur>[0]);
  if (typeof until === 'string') {
    const parsed = parseWall(until);
    const wall = parsed.utc ? start.zone.toWall(parsed.wall) : parsed.wall;
    rule.until = wallToIcalTime(wall, start.isDate);
  }
  return rule;
}

/** The wall starts the RRULEs of a master produce inside [lower, upper]. */
export function ruleStarts(
  record: EventRecord,
  lower: number,
  upper: number,
  warn: (message: string) => void,
): number[] {
  const starts: number[] = [];
  for (const data of record.rrules) {
    if (plainRuleStarts(data, record.start, lower, upper, starts, warn)) continue;
    try {
      collectRuleStarts(ruleFor(data, record.start, warn), record, lower, upper, starts, warn);
    } catch (error) {
      warn(`recurrence rule ignored, it cannot be read (${problemOf(error)})`);
    }
  }
  return starts;
}

export const windowSlack = ZONE_SLACK;
