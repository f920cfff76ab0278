import type { Place } from '../../shared/availability/places';
import { parseDuration, parseWall } from './ical-values';
import { utcZone, type Zone, type ZoneResolver } from './zones';

/** A DATE or DATE-TIME with the zone that turns it into an instant. */
export interface TimeValue {
  wall: number;
  isDate: boolean;
  zone: Zone;
}

export interface RecurrenceDate {
  start: TimeValue;
  end?: TimeValue;
  duration?: number;
}

/** What decides whether an occurrence counts and as what kind (calendars/README.md). */
export interface BusyProps {
  status?: string;
  transp?: string;
  busyStatus?: string;
  /** As written: the address with any mailto:, PARTSTAT in any case (normalized when used). */
  attendees: { address: string; partstat: string }[];
  /** My answer when the calendar says it directly (Graph, Google) rather than by address. */
  myPartstat?: string;
}

/** One VEVENT, read once from its jCal arrays into what the expansion needs. */
export interface EventRecord {
  uid: string;
  /** Its place among the file's events (1, 2…): how a warning names it, never by its values. */
  position: number;
  sequence: number;
  summary?: string;
  start: TimeValue;
  end?: TimeValue;
  duration?: number;
  recurrenceId?: number;
  /** A RECURRENCE-ID written as a DATE (wall ms of that day): on a series with times, it names a day. */
  recurrenceIdDate?: number;
  thisAndFuture: boolean;
  rrules: Record<string, unknown>[];
  rdates: RecurrenceDate[];
  exdates: number[];
  props: BusyProps;
  /** Where I work during it, for a "working elsewhere" or working-location event. */
  place?: Place;
}

type JCalProperty = [string, Record<string, string | string[]>, string, ...unknown[]];
export type JCalComponent = [string, JCalProperty[], JCalComponent[]];

export interface ReadContext {
  resolver: ZoneResolver;
  /** Floating date-times: X-WR-TIMEZONE, else the user's zone. */
  floating: Zone;
  /** Dates: the user's zone (an all-day event is the user's day; see docs/calendar-conformance.md). */
  dates: Zone;
}

function timeValue(raw: string, params: JCalProperty[1], ctx: ReadContext): TimeValue {
  const { wall, isDate, utc } = parseWall(raw);
  if (utc) return { wall, isDate, zone: utcZone };
  const tzid = params['tzid'];
  if (typeof tzid === 'string' && !isDate) {
    return { wall, isDate, zone: ctx.resolver.resolve(tzid) ?? ctx.floating };
  }
  return { wall, isDate, zone: isDate ? ctx.dates : ctx.floating };
}

export const toUtc = (t: TimeValue) => t.zone.toUtc(t.wall);

/**
 * Reads one VEVENT; throws with a reason when it has no usable DTSTART. An event without a
 * UID gets one made from its position, so that it never merges with another one.
 */
export function readEvent(vevent: JCalComponent, ctx: ReadContext, position: number): EventRecord {
  const record: Partial<EventRecord> & Pick<EventRecord, 'rrules' | 'rdates' | 'exdates' | 'props'> = {
    thisAndFuture: false,
    rrules: [],
    rdates: [],
    exdates: [],
    props: { attendees: [] },
  };
  let recurrenceId: TimeValue | undefined;
  let location: string | undefined;
  for (const prop of vevent[1]) {
    const [name, params, type] = prop;
    const value = prop[3];
    switch (name) {
      case 'uid':
        record.uid = String(value);
        break;
      case 'sequence':
        record.sequence = Number(value) || 0;
        break;
      case 'summary':
        record.summary = String(value);
        break;
      case 'location':
        location = String(value);
        break;
      case 'dtstart':
        record.start = timeValue(String(value), params, ctx);
        break;
      case 'dtend':
        record.end = timeValue(String(value), params, ctx);
        break;
      case 'duration':
        record.duration = parseDuration(String(value));
        break;
      case 'recurrence-id':
        recurrenceId = timeValue(String(value), params, ctx);
        record.thisAndFuture = String(params['range'] ?? '').toUpperCase() === 'THISANDFUTURE';
        break;
      case 'rrule':
        if (value && typeof value === 'object') record.rrules.push(value as Record<string, unknown>);
        break;
      case 'rdate':
        for (const v of prop.slice(3)) record.rdates.push(recurrenceDate(v, type, params, ctx));
        break;
      case 'exdate':
        for (const v of prop.slice(3)) record.exdates.push(toUtc(timeValue(String(v), params, ctx)));
        break;
      case 'status':
        record.props.status = String(value).toUpperCase();
        break;
      case 'transp':
        record.props.transp = String(value).toUpperCase();
        break;
      case 'x-microsoft-cdo-busystatus':
        record.props.busyStatus = String(value).toUpperCase();
        break;
      case 'attendee':
        record.props.attendees.push({
          address: String(value),
          partstat: String(params['partstat'] ?? 'NEEDS-ACTION'),
        });
        break;
    }
  }
  if (!record.start) throw new Error('has no DTSTART');
  // Outlook writes "working elsewhere" so; its location is where (Home, a city, an office).
  if (record.props.busyStatus === 'WORKINGELSEWHERE')
    record.place = { kind: 'elsewhere', ...(location?.trim() ? { label: location.trim() } : {}) };
  if (recurrenceId) record.recurrenceId = toUtc(recurrenceId);
  if (recurrenceId?.isDate) record.recurrenceIdDate = recurrenceId.wall;
  record.sequence ??= 0;
  record.uid ??= fallbackUid(position);
  record.position = position;
  return record as EventRecord;
}

function recurrenceDate(v: unknown, type: string, params: JCalProperty[1], ctx: ReadContext): RecurrenceDate {
  if (type === 'period' && Array.isArray(v)) {
    const [start, second] = v as [string, string];
    const startValue = timeValue(start, params, ctx);
    return /^[+-]?P/.test(second)
      ? { start: startValue, duration: parseDuration(second) }
      : { start: startValue, end: timeValue(second, params, ctx) };
  }
  return { start: timeValue(String(v), params, ctx) };
}

export const fallbackUid = (position: number) => `(no UID #${position})`;
