import { DAY_MS, isoInstant, utcToWall, wallToUtc } from '../../../shared/time/zoned-time';
import type { EventRecord } from '../event-record';
import { utcZone, zoneByName } from '../zones';
import { graphPage, mailboxSettings, type GraphEvent, type MailboxSettings } from './graph-schemas';
import { ProviderCalendar, providerRecord, type ProviderAdapter, type Span } from './provider-calendar';
import { getJson, type ProviderHttpOptions } from './provider-http';
import { graphTime } from './provider-times';

export const MICROSOFT = 'Microsoft 365';

export interface MicrosoftCalendarOptions {
  /** Graph's root, `https://graph.microsoft.com` unless a national cloud or a test says otherwise. */
  graph: string;
  /** The account, for the calendar's name ("ana@acme.com"). */
  account: string;
  http: Omit<ProviderHttpOptions, 'provider' | 'headers'>;
  /** The zone Ricochet uses for me: a mailbox set to another one is worth a word. */
  tz: () => string;
  /** How often the provider is asked for changes (0: at every read, as tests and the CLI do). */
  pollEveryMs?: number;
}

/** Graph's showAs in the words of Outlook's iCalendar files: the rules are then the same. */
const busyStatus: Record<string, string> = {
  free: 'FREE',
  tentative: 'TENTATIVE',
  busy: 'BUSY',
  oof: 'OOF',
  workingElsewhere: 'WORKINGELSEWHERE',
};
/** My answer to an invitation (responseStatus.response) as a PARTSTAT. */
const partstat: Record<string, string> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentativelyAccepted: 'TENTATIVE',
  notResponded: 'NEEDS-ACTION',
};

const MAX_PAGES = 500;

/** A Microsoft 365 calendar through Graph: calendarView's delta, then its delta link. */
export function microsoftCalendar(options: MicrosoftCalendarOptions): ProviderCalendar<GraphEvent> {
  const http: ProviderHttpOptions = {
    ...options.http,
    provider: MICROSOFT,
    // Times in UTC whatever the mailbox's zone; pages as large as Graph allows.
    headers: { prefer: 'outlook.timezone="UTC", odata.maxpagesize=250' },
  };
  const root = options.graph.replace(/\/+$/, '');
  const follow = async (first: string) => {
    const changed: GraphEvent[] = [];
    const removed: string[] = [];
    let url = first;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await getJson(url, graphPage, http);
      for (const item of body.value) {
        if ('@removed' in item) removed.push(item.id);
        else changed.push(item);
      }
      if (body['@odata.deltaLink']) return { changed, removed, token: body['@odata.deltaLink'] };
      if (!body['@odata.nextLink']) throw new Error(`${MICROSOFT} ended its pages without a delta link`);
      url = body['@odata.nextLink'];
    }
    throw new Error(`${MICROSOFT} sent more than ${MAX_PAGES} pages`);
  };
  const adapter: ProviderAdapter<GraphEvent> = {
    async readAll(span: Span) {
      const query = `startDateTime=${isoInstant(span.from)}&endDateTime=${isoInstant(span.to)}`;
      const read = await follow(`${root}/v1.0/me/calendarView/delta?${query}`);
      return { events: read.changed, token: read.token };
    },
    readChanges: follow,
    idOf: (event) => event.id,
    toRecord: graphRecord,
    async accountExtras(span) {
      const settings = await getJson(`${root}/v1.0/me/mailboxSettings`, mailboxSettings, http);
      return mailboxExtras(settings, span, options.tz());
    },
  };
  return new ProviderCalendar(`${MICROSOFT} · ${options.account}`, adapter, {
    pollEveryMs: options.pollEveryMs,
  });
}

export function graphRecord(event: GraphEvent, position: number): EventRecord {
  const allDay = !!event.isAllDay;
  const status = busyStatus[event.showAs ?? ''] ?? 'BUSY';
  const answer = partstat[event.responseStatus?.response ?? ''];
  const where = event.location?.displayName?.trim();
  return providerRecord({
    uid: event.id,
    position,
    start: graphTime(event.start, allDay),
    end: graphTime(event.end, allDay),
    ...(event.subject ? { summary: event.subject } : {}),
    props: {
      attendees: [],
      busyStatus: status,
      ...(event.isCancelled ? { status: 'CANCELLED' } : {}),
      ...(answer ? { myPartstat: answer } : {}),
    },
    ...(status === 'WORKINGELSEWHERE'
      ? { place: { kind: 'elsewhere' as const, ...(where ? { label: where } : {}) } }
      : {}),
  });
}

/**
 * Automatic replies that are on mean I am away: scheduled ones for their span, ones turned on
 * by hand for the rest of the day (read again every hour, so turning them off is seen). A
 * mailbox whose zone differs from the one Ricochet uses is said once, as a warning.
 */
export function mailboxExtras(settings: MailboxSettings, span: Span, tz: string) {
  const records: EventRecord[] = [];
  const warnings: string[] = [];
  const zone = settings.timeZone ? zoneByName(settings.timeZone) : null;
  if (zone && zone.id !== tz && zone.id !== 'UTC')
    warnings.push(
      `your mailbox is set to ${zone.id} and Ricochet to ${tz}: change one of them if they should agree`,
    );
  const replies = settings.automaticRepliesSetting;
  const oof = (start: number, end: number) =>
    providerRecord({
      uid: 'automatic-replies',
      position: 0,
      start: { wall: start, isDate: false, zone: utcZone },
      end: { wall: end, isDate: false, zone: utcZone },
      props: { attendees: [], busyStatus: 'OOF' },
    });
  if (replies?.status === 'scheduled' && replies.scheduledStartDateTime && replies.scheduledEndDateTime) {
    const start = graphTime(replies.scheduledStartDateTime, false).wall;
    const end = graphTime(replies.scheduledEndDateTime, false).wall;
    if (end > start && end > span.from && start < span.to) records.push(oof(start, end));
  } else if (replies?.status === 'alwaysEnabled') {
    const now = Date.now();
    const wall = utcToWall(tz, now);
    records.push(oof(now - (now % 60_000), wallToUtc(tz, wall - (wall % DAY_MS) + DAY_MS)));
  }
  return { records, warnings };
}
