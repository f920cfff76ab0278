import { DAY_MS } from '../../shared/time/zoned-time';
import {
  fallbackUid,
  readEvent,
  type EventRecord,
  type JCalComponent,
  type ReadContext,
} from './event-record';
import { parseWall } from './ical-values';

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
  sequence: number;
  /** Wall times, zone not applied: good to within a day, which `isNear` allows for. */
  startWall: number;
  endWall: number;
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
  if (start === undefined) return undefined;
  try {
    const startWall = parseWall(start).wall;
    const endWall = end === undefined ? startWall + DAY_MS : parseWall(end).wall;
    return { lazy: true, raw, ctx, uid: uid ?? fallbackUid(position), sequence, startWall, endWall };
  } catch {
    return undefined;
  }
}

/** Whether a lazy event may touch the window (two days of slack cover any zone pair). */
export function isNear(event: LazyEvent, window: { from: number; to: number }): boolean {
  const slack = 2 * DAY_MS;
  return (
    event.startWall <= window.to + slack && Math.max(event.endWall, event.startWall) >= window.from - slack
  );
}

export function fullRecord(event: EventRecord | LazyEvent): EventRecord {
  if (!('lazy' in event)) return event;
  if (!event.record) {
    event.record = readEvent(event.raw, event.ctx, 0);
    event.record.uid = event.uid;
  }
  return event.record;
}
