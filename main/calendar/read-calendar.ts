import ICAL from 'ical.js';
import { mergeSegments, type Segment, type TimeWindow } from '../../shared/availability/segments';
import type { PlaceSpan } from '../../shared/availability/places';
import { normalizeAddress, occurrenceKind, occurrencePlace } from './busy-rules';
import { repairIcs, splitEvents } from './repair-ics';
import { readEvent, type EventRecord, type JCalComponent } from './event-record';
import { expandSeries } from './expand-events';
import { prefilterIcs } from './ics-prefilter';
import { fullRecord, indexEvent, isNear, textBounds, type LazyEvent } from './event-index';
import { ianaZone, zoneByName, ZoneResolver } from './zones';
import { problemOf } from './warning-text';

export interface ReadOptions {
  window: TimeWindow;
  /** The user's IANA zone: floating times and dates without X-WR-TIMEZONE read in it. */
  tz: string;
  /** The user's own addresses (any case, with or without mailto:). */
  me?: readonly string[];
  /** Read all-day events as free (a per-source setting). */
  ignoreAllDay?: boolean;
  /** Collect the titles of busy occurrences (only for sources where sharing is on). */
  titles?: boolean;
}

export interface CalendarRead {
  segments: Segment[];
  /** Each meeting unmerged (a tentative one too): back-to-back meetings are two meetings. */
  meetings: Segment[];
  /** Titles of busy occurrences, filled only when asked (share titles). */
  titles: { start: number; title: string }[];
  /** Where I work, from "working elsewhere" and working-location events (never busy). */
  places: PlaceSpan[];
  warnings: string[];
  events: number;
  occurrences: number;
  parseMs: number;
}

/** Parsed once per source text; the window and rules apply on each expansion. */
export interface ParsedCalendar {
  series: { master: EventRecord | LazyEvent | undefined; overrides: EventRecord[] }[];
  warnings: string[];
  events: number;
  parseMs: number;
  /** Events that ended before this instant were left out: windows must start after it. */
  horizon: number;
  /** Events that start after this instant were left out: windows must end before it. */
  until: number;
  /** False when the text held no calendar at all (an HTML page, a random file). */
  isCalendar: boolean;
}

function roots(jcal: unknown): JCalComponent[] {
  if (!Array.isArray(jcal)) return [];
  return typeof jcal[0] === 'string' ? [jcal as JCalComponent] : (jcal as JCalComponent[]);
}

/** Parses iCalendar text with ical.js and reads every VEVENT; never throws. */
export function parseCalendar(
  text: string,
  tz: string,
  horizon = -Infinity,
  until = Infinity,
): ParsedCalendar {
  const warnings: string[] = [];
  // Single events that ended before the horizon are not parsed at all (see ics-prefilter).
  const filtered = Number.isFinite(horizon) ? prefilterIcs(text, horizon, until) : undefined;
  const started = performance.now();
  let jcal: unknown;
  const source = filtered?.text ?? text;
  try {
    // What ical.js would read without complaint but wrongly (a bare VEVENT, a date without
    // VALUE=DATE) goes through the repair first; anything else only when it fails.
    jcal = needsRepair(source) ? readDespiteErrors(source, warnings) : ICAL.parse(source);
  } catch {
    jcal = readDespiteErrors(source, warnings);
  }
  const parseMs = performance.now() - started;
  const byUid = new Map<string, EventRecord | LazyEvent | Map<number | undefined, EventRecord | LazyEvent>>();
  let events = 0;
  const isCalendar = roots(jcal).some((root) => root[0] === 'vcalendar');
  for (const root of roots(jcal)) {
    if (root[0] !== 'vcalendar') continue;
    const component = new ICAL.Component(root);
    const resolver = new ZoneResolver(component);
    const wrTimezone = component.getFirstPropertyValue('x-wr-timezone');
    const floating = (typeof wrTimezone === 'string' && zoneByName(wrTimezone)) || ianaZone(tz);
    const ctx = { resolver, floating, dates: ianaZone(tz) };
    for (const sub of root[2]) {
      if (sub[0] !== 'vevent') continue;
      events++;
      try {
        const record = indexEvent(sub, ctx, events) ?? readEvent(sub, ctx, events);
        // Two masters with one UID and one SEQUENCE but different starts are two events a
        // careless exporter gave the same UID (Apple and Thunderbird show both): keep both.
        let key = record.uid;
        while (isAnotherEvent(byUid.get(key), record)) key = `${key}#`;
        if (key !== record.uid)
          warnings.push(`event #${events} has the UID of an earlier event with another start: both are kept`);
        const series = byUid.get(key);
        // Most UIDs have one entry: a Map is made only for a series or for revisions.
        if (!series) byUid.set(key, record);
        else if (series instanceof Map) addRevision(series, record);
        else {
          const revisions = new Map<number | undefined, EventRecord | LazyEvent>();
          addRevision(revisions, series);
          addRevision(revisions, record);
          byUid.set(key, revisions);
        }
      } catch (error) {
        warnings.push(`event #${events} skipped: ${problemOf(error)}`);
      }
    }
    if (resolver.unknown.size > 0)
      warnings.push(
        `${resolver.unknown.size === 1 ? 'a time zone' : `${resolver.unknown.size} time zones`} this computer does not know (TZID), read as ${floating.id}`,
      );
  }
  const odd = filtered?.odd;
  if (odd?.letterAfterTime)
    warnings.push(
      plural(odd.letterAfterTime, 'a date-time', 'date-times') +
        ' with a letter after the time: read without it',
    );
  if (odd?.zAfterDate)
    warnings.push(
      plural(odd.zAfterDate, 'a date', 'dates') + ' written with a Z and no time: read as whole days',
    );
  // A file in another encoding read as UTF-8 (Windows-1252 from an old Outlook): its accents are lost.
  if (text.includes('\uFFFD'))
    warnings.push('bytes that are not UTF-8 (a file in another encoding?): those characters are read as �');
  const total = events + (filtered?.dropped ?? 0);
  if (jcal !== undefined && total === 0) warnings.push('no events in this calendar');
  const series: ParsedCalendar['series'] = [];
  for (const entry of byUid.values()) {
    if (!(entry instanceof Map)) {
      series.push(
        'lazy' in entry || entry.recurrenceId === undefined
          ? { master: entry, overrides: [] }
          : { master: undefined, overrides: [entry] },
      );
      continue;
    }
    const master = entry.get(undefined);
    entry.delete(undefined);
    series.push({ master, overrides: [...entry.values()] as EventRecord[] });
  }
  return {
    series,
    warnings,
    events: total,
    parseMs,
    horizon,
    until: filtered ? until : Infinity,
    isCalendar,
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

function startOf(record: EventRecord | LazyEvent): string {
  return 'lazy' in record ? record.start : String(record.start.wall);
}

/** A master already under this UID that is a different event, not a revision of this one. */
function isAnotherEvent(
  existing: EventRecord | LazyEvent | Map<number | undefined, EventRecord | LazyEvent> | undefined,
  record: EventRecord | LazyEvent,
): boolean {
  if (!existing || ('recurrenceId' in record && record.recurrenceId !== undefined)) return false;
  const master = existing instanceof Map ? existing.get(undefined) : existing;
  if (!master || ('recurrenceId' in master && master.recurrenceId !== undefined)) return false;
  if (master.sequence !== record.sequence) return false;
  // Compared the same way (both lazy, or both read): a lazy and a read record are not compared.
  if ('lazy' in master !== 'lazy' in record) return false;
  return startOf(master) !== startOf(record);
}

/**
 * Keeps one revision of each instance: a file (or a merged feed) can hold the same master
 * or override several times; the highest SEQUENCE wins, and the later one on a tie.
 */
function addRevision(
  revisions: Map<number | undefined, EventRecord | LazyEvent>,
  record: EventRecord | LazyEvent,
) {
  const id = 'lazy' in record ? undefined : record.recurrenceId;
  const other = revisions.get(id);
  if (!other || other.sequence <= record.sequence) revisions.set(id, record);
}

/** The merged busy segments of a parsed calendar inside a window, and each meeting on its own. */
export function expandCalendar(
  parsed: ParsedCalendar,
  options: ReadOptions,
): Omit<CalendarRead, 'parseMs' | 'events'> {
  const me = new Set((options.me ?? []).map(normalizeAddress));
  const warnings: string[] = [];
  const raw: Segment[] = [];
  let occurrences = 0;
  const titles: { start: number; title: string }[] = [];
  const places: PlaceSpan[] = [];
  let position = 0;
  const bounds = textBounds(options.window);
  const warn = (message: string) => warnings.push(`event #${position}: ${message}`);
  for (const { master, overrides } of parsed.series) {
    position = (master ?? overrides[0])?.position ?? 0;
    if (master && 'lazy' in master && overrides.length === 0 && !isNear(master, bounds)) continue;
    try {
      for (const o of expandSeries(master && fullRecord(master), overrides, options.window, warn)) {
        occurrences++;
        const place = occurrencePlace(o.record, me);
        if (place && o.end > o.start) places.push({ start: o.start, end: o.end, ...place });
        if (options.ignoreAllDay && o.record.start.isDate) continue;
        const kind = occurrenceKind(o.record.props, me);
        if (kind && o.end > o.start) {
          raw.push({ start: o.start, end: o.end, kind });
          if (options.titles && o.record.summary)
            titles.push({ start: o.start, title: o.record.summary.slice(0, 200) });
        }
      }
    } catch (error) {
      warn(`skipped, it cannot be expanded (${problemOf(error)})`);
    }
  }
  return {
    segments: mergeSegments(raw, options.window),
    meetings: raw
      // A maybe-meeting is booked time in the load, so it is a meeting in the count too; a focus
      // block is booked time but no meeting.
      .filter(
        (s) =>
          s.kind !== 'oof' &&
          s.kind !== 'focus' &&
          s.end > options.window.from &&
          s.start < options.window.to,
      )
      .sort((a, b) => a.start - b.start),
    warnings: [...new Set(warnings)],
    occurrences,
    titles,
    places,
  };
}

/** Text to merged segments in one call. */
export function readCalendar(text: string, options: ReadOptions): CalendarRead {
  const parsed = parseCalendar(text, options.tz, options.window.from, options.window.to);
  const expanded = expandCalendar(parsed, options);
  return {
    ...expanded,
    warnings: [...parsed.warnings, ...expanded.warnings],
    events: parsed.events,
    parseMs: parsed.parseMs,
  };
}

function needsRepair(text: string): boolean {
  return (
    (!/BEGIN:VCALENDAR/i.test(text) && /BEGIN:VEVENT/i.test(text)) ||
    // A date without VALUE=DATE: one search, nothing copied (a fresh process pays for copies).
    /^(?:DTSTART|DTEND|RECURRENCE-ID)(?:;(?![^:\r\n]*VALUE=DATE)[^:\r\n]*)?:\d{8}[ \t]*\r?$/im.test(text)
  );
}

/**
 * The whole file would not parse: repair what a line-by-line reading can (see repair-ics),
 * and if it still will not, read it event by event so one broken event costs only itself.
 */
function readDespiteErrors(text: string, warnings: string[]): unknown {
  const repaired = repairIcs(text);
  warnings.push(...repaired.warnings);
  if (!repaired.text) return undefined;
  try {
    return ICAL.parse(repaired.text);
  } catch {
    const calendars: unknown[] = [];
    for (const piece of splitEvents(repaired.text)) {
      try {
        calendars.push(...roots(ICAL.parse(piece.text)));
      } catch {
        warnings.push(`the event starting at line ${piece.line} could not be read, left out`);
      }
    }
    if (calendars.length > 0) return mergeRoots(calendars as JCalComponent[]);
    warnings.push(
      'this calendar could not be read: it may be cut short or damaged (no complete event found)',
    );
    return undefined;
  }
}

/** One vcalendar holding every piece's events (and time zones, once each). */
function mergeRoots(calendars: JCalComponent[]): JCalComponent {
  const [first] = calendars;
  const seenZones = new Set<string>();
  const subs: JCalComponent[] = [];
  for (const cal of calendars)
    for (const sub of cal[2]) {
      if (sub[0] === 'vtimezone') {
        const id = JSON.stringify(sub[1]);
        if (seenZones.has(id)) continue;
        seenZones.add(id);
      }
      subs.push(sub);
    }
  return [first![0], first![1], subs] as JCalComponent;
}
