import { isoInstant } from '../../../shared/time/zoned-time';
import type { Place } from '../../../shared/availability/places';
import type { EventRecord } from '../event-record';
import { zoneByName } from '../zones';
import { googleEventsPage, type GoogleEvent } from './google-schemas';
import { ProviderCalendar, providerRecord, type ProviderAdapter, type Span } from './provider-calendar';
import { getJson, type ProviderHttpOptions } from './provider-http';
import { googleTime } from './provider-times';

export const GOOGLE = 'Google Calendar';

export interface GoogleCalendarOptions {
  /** The API's root, `https://www.googleapis.com` unless a test says otherwise. */
  api: string;
  account: string;
  http: Omit<ProviderHttpOptions, 'provider' | 'headers'>;
  tz: () => string;
  /** How often the provider is asked for changes (0: at every read, as tests and the CLI do). */
  pollEveryMs?: number;
}

const partstat: Record<string, string> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
  needsAction: 'NEEDS-ACTION',
};

const MAX_PAGES = 500;

/**
 * The primary Google calendar: events.list with single events, then its sync token. Its zone
 * is the one the list gives (the primary calendar's, which is the account's).
 */
export function googleCalendar(options: GoogleCalendarOptions): ProviderCalendar<GoogleEvent> {
  const http: ProviderHttpOptions = { ...options.http, provider: GOOGLE };
  const base = `${options.api.replace(/\/+$/, '')}/calendar/v3`;
  // The calendar's zone comes with its events: no request and no settings scope of its own.
  let zoneSeen: string | undefined;
  const list = async (query: URLSearchParams) => {
    const changed: GoogleEvent[] = [];
    const removed: string[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = new URLSearchParams(query);
      if (pageToken) params.set('pageToken', pageToken);
      const body = await getJson(`${base}/calendars/primary/events?${params}`, googleEventsPage, http);
      zoneSeen = body.timeZone ?? zoneSeen;
      // In an incremental sync a cancelled instance is one that was deleted.
      for (const item of body.items) {
        if (item.status === 'cancelled') removed.push(item.id);
        else changed.push(item);
      }
      if (body.nextPageToken) pageToken = body.nextPageToken;
      else if (body.nextSyncToken) return { changed, removed, token: body.nextSyncToken };
      else throw new Error(`${GOOGLE} ended its pages without a sync token`);
    }
    throw new Error(`${GOOGLE} sent more than ${MAX_PAGES} pages`);
  };
  const adapter: ProviderAdapter<GoogleEvent> = {
    async readAll(span: Span) {
      const read = await list(
        new URLSearchParams({
          singleEvents: 'true',
          timeMin: isoInstant(span.from),
          timeMax: isoInstant(span.to),
          maxResults: '2500',
        }),
      );
      return { events: read.changed, token: read.token };
    },
    // The sync token replaces the window (Google refuses both); what changed outside it is
    // kept but never counts, since the engine reads a window.
    readChanges: (token) =>
      list(new URLSearchParams({ singleEvents: 'true', syncToken: token, maxResults: '2500' })),
    idOf: (event) => event.id,
    toRecord: googleRecord,
    notes() {
      const zone = zoneSeen ? zoneByName(zoneSeen) : null;
      const tz = options.tz();
      return zone && zone.id !== tz && zone.id !== 'UTC'
        ? [
            `your Google calendar is set to ${zone.id} and Ricochet to ${tz}: change one of them if they should agree`,
          ]
        : [];
    },
  };
  return new ProviderCalendar(`Google · ${options.account}`, adapter, { pollEveryMs: options.pollEveryMs });
}

/** Where a working-location event says I work. */
function placeOf(event: GoogleEvent): Place {
  const where = event.workingLocationProperties;
  if (where?.type === 'homeOffice' || where?.homeOffice) return { kind: 'home' };
  const office = where?.officeLocation;
  if (where?.type === 'officeLocation' || office) {
    const label = office?.label?.trim() || office?.buildingId?.trim();
    return { kind: 'office', ...(label ? { label } : {}) };
  }
  const label = where?.customLocation?.label?.trim();
  return { kind: 'elsewhere', ...(label ? { label } : {}) };
}

export function googleRecord(event: GoogleEvent, position: number): EventRecord | null {
  if (event.eventType === 'birthday') return null;
  const mine = event.attendees?.find((a) => a.self);
  const answer = partstat[mine?.responseStatus ?? ''];
  const working = event.eventType === 'workingLocation';
  // Out of office is Outlook's OOF; focus time is focus (busy to others, not a meeting); a working
  // location says where, never busy.
  const busyStatus =
    event.eventType === 'outOfOffice'
      ? 'OOF'
      : working
        ? 'WORKINGELSEWHERE'
        : event.eventType === 'focusTime'
          ? 'FOCUS'
          : undefined;
  return providerRecord({
    uid: event.id,
    position,
    start: googleTime(event.start),
    end: googleTime(event.end ?? event.start),
    ...(event.summary ? { summary: event.summary } : {}),
    props: {
      attendees: [],
      ...(busyStatus ? { busyStatus } : {}),
      ...(event.transparency === 'transparent' && !busyStatus ? { transp: 'TRANSPARENT' } : {}),
      ...(event.status === 'cancelled' ? { status: 'CANCELLED' } : {}),
      ...(event.status === 'tentative' ? { status: 'TENTATIVE' } : {}),
      ...(answer ? { myPartstat: answer } : {}),
    },
    ...(working ? { place: placeOf(event) } : {}),
  });
}
