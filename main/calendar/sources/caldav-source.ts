import type { createDAVClient, DAVCalendar } from 'tsdav';
import { DAY_MS, isoInstant } from '../../../shared/time/zoned-time';
import type { CalendarSource } from './calendar-source';

type DavClient = Awaited<ReturnType<typeof createDAVClient>>;

export interface CalDavOptions {
  serverUrl: string;
  username: string;
  password: string;
}

/** What an account with nothing in the window reads as: a calendar without events. */
const emptyCalendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ricochet//CalDAV//EN\r\nEND:VCALENDAR\r\n';

/**
 * A CalDAV account through tsdav: discovers the event calendars, fetches the objects of a
 * day-padded window, and asks again only when a calendar's CTag changed or the window
 * left the span fetched (incremental refresh; servers without CTags are always re-read).
 */
export class CalDavSource implements CalendarSource {
  readonly name: string;
  private client: DavClient | undefined;
  private readonly fetched = new Map<
    string,
    { ctag: string | undefined; span: { from: number; to: number }; text: string }
  >();
  objectFetches = 0;

  constructor(private readonly options: CalDavOptions) {
    this.name = `${options.username}@${new URL(options.serverUrl).host}`;
  }

  async read(window: { from: number; to: number }): Promise<string> {
    try {
      // tsdav is loaded by the first CalDAV read, not by every start.
      this.client ??= await (
        await import('tsdav')
      ).createDAVClient({
        serverUrl: this.options.serverUrl,
        credentials: { username: this.options.username, password: this.options.password },
        authMethod: 'Basic',
        defaultAccountType: 'caldav',
      });
      const calendars = (await this.client.fetchCalendars()).filter(
        (c) => !c.components || c.components.includes('VEVENT'),
      );
      // tsdav finds no calendar where the server refused the password: ask it plainly.
      if (calendars.length === 0) await this.checkAccess();
      const texts = await Promise.all(calendars.map((c) => this.readCalendar(this.client!, c, window)));
      // An account with nothing in the window is a calendar without events, not "no calendar".
      return texts.filter(Boolean).join('\r\n') || emptyCalendar;
    } catch (error) {
      this.client = undefined;
      throw new Error(`CalDAV ${this.options.serverUrl}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async checkAccess(): Promise<void> {
    const { username, password, serverUrl } = this.options;
    const res = await fetch(serverUrl, {
      method: 'PROPFIND',
      headers: {
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        depth: '0',
      },
    });
    await res.body?.cancel();
    if (res.status === 401 || res.status === 403)
      throw new Error(`the server refused the user name or password (${res.status})`);
  }

  private async readCalendar(client: DavClient, calendar: DAVCalendar, window: { from: number; to: number }) {
    const last = this.fetched.get(calendar.url);
    if (
      last &&
      last.ctag &&
      last.ctag === calendar.ctag &&
      last.span.from <= window.from &&
      last.span.to >= window.to
    ) {
      return last.text;
    }
    const span = {
      from: Math.floor(window.from / DAY_MS) * DAY_MS - DAY_MS,
      to: Math.ceil(window.to / DAY_MS) * DAY_MS + DAY_MS,
    };
    this.objectFetches++;
    const objects = await client.fetchCalendarObjects({
      calendar,
      timeRange: { start: isoInstant(span.from), end: isoInstant(span.to) },
    });
    const text = objects.map((o) => String(o.data ?? '')).join('\r\n');
    this.fetched.set(calendar.url, { ctag: calendar.ctag, span, text });
    return text;
  }
}
