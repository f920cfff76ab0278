import { DAY_MS } from '../../shared/time/zoned-time';
import {
  fallbackUid,
  readEvent,
  type EventRecord,
  type JCalComponent,
  type ReadContext,
} from './event-record';

/**
 * A single, non-recurring event kept as ical.js's jCal until a window comes near it. Most
 * of a calendar is years of past single events: reading each in full on every parse
 * would cost more than the parse itself, so only its start and end are looked at.
 */
export interface LazyEvent {
  lazy: true;
  raw: JCalComponent;
  ctx: ReadContext;
  uid: string;
  /** Its place among the file's events (1, 2…): how a warning names it, never by its values. */
  position: number;
  sequence: number;
  /** DTSTART and DTEND as jCal wrote them ("2026-03-10T09:00:00"): compared as text. */
  start: string;
  end: string | undefined;
  record?: EventRecord;
}

/** A lazy entry for a simple single event, or undefined when it needs a full read now. */
export function indexEvent(raw: JCalComponent, ctx: ReadContext, position: number): LazyEvent | undefined {
  let uid: string | undefined;
  let sequence = 0;
  let start: string | undefined;
  let end: string | undefined;
  for (const prop of raw[1]) {
    switch (prop[0]) {
      case 'uid':
        uid = String(prop[3]);
        break;
      case 'sequence':
        sequence = Number(prop[3]) || 0;
        break;
      case 'dtstart': {
        start = String(prop[3]);
        const tzid = prop[1]['tzid'];
        if (typeof tzid === 'string') ctx.resolver.resolve(tzid); // reports unknown zones now
        break;
      }
      case 'dtend':
        end = String(prop[3]);
        break;
      case 'duration':
      case 'rrule':
      case 'rdate':
      case 'recurrence-id':
        return undefined;
    }
  }
  if (start === undefined || start.length < 10) return undefined;
  return { lazy: true, raw, ctx, uid: uid ?? fallbackUid(position), position, sequence, start, end };
}

const jcalTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** The window as jCal text, with two days of slack: any zone pair, an event with no DTEND. */
export function textBounds(window: { from: number; to: number }) {
  return { from: jcalTime(window.from - 2 * DAY_MS), to: jcalTime(window.to + 2 * DAY_MS) };
}

/** Whether a lazy event may touch the window: jCal dates and date-times sort as text. */
export function isNear(event: LazyEvent, bounds: { from: string; to: string }): boolean {
  const last = event.end !== undefined && event.end > event.start ? event.end : event.start;
  return event.start <= bounds.to && last >= bounds.from;
}

export function fullRecord(event: EventRecord | LazyEvent): EventRecord {
  if (!('lazy' in event)) return event;
  if (!event.record) {
    event.record = readEvent(event.raw, event.ctx, event.position);
    event.record.uid = event.uid;
  }
  return event.record;
}
