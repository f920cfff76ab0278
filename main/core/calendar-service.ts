import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TimeWindow } from '../../shared/availability/segments';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { AvailabilityEngine } from '../calendar/availability-engine';
import { readSources } from '../calendar/read-sources';
import { CalDavSource } from '../calendar/sources/caldav-source';
import type { CalendarSource } from '../calendar/sources/calendar-source';
import { FeedSource } from '../calendar/sources/feed-source';
import { FileSource } from '../calendar/sources/file-source';
import { profileConfig, type CalendarSourceConfig, type ProfileConfig } from '../profile/profile';
import { calDavSecret, calendarSecrets, MemorySecretStore, type SecretStore } from '../profile/secret-store';
import { PROVIDER_POLL_MS, providerSource } from './provider-calendars';
import { publishWindow } from '../publisher/publisher';

export function sourceFor(
  config: CalendarSourceConfig,
  secrets: SecretStore,
  tz: () => string = () => 'UTC',
): CalendarSource {
  if (config.kind === 'file') return new FileSource(config.location);
  if (config.kind === 'feed') return new FeedSource(config.location);
  if (config.kind === 'microsoft' || config.kind === 'google')
    return providerSource(config, secrets, { tz, pollEveryMs: PROVIDER_POLL_MS });
  return new CalDavSource({
    serverUrl: config.location,
    username: config.user ?? '',
    password: secrets.get(calDavSecret(config.id)) ?? '',
  });
}

export interface NewCalendar {
  location: string;
  name?: string;
  user?: string;
  password?: string;
  ignoreAllDay?: boolean;
  shareTitles?: boolean;
  /** Add it even though it cannot be read now (a feed that is down today). */
  anyway?: boolean;
}

/**
 * A calendar entry from what a person typed: a URL is an ICS feed (CalDAV with a user name),
 * anything else a file, made absolute. Throws a clear message for what cannot work.
 */
export function calendarEntry(input: NewCalendar, secrets: SecretStore): CalendarSourceConfig {
  const location = input.location.trim();
  if (!location) throw new Error('give a calendar file or address');
  const isUrl = /^(https?|webcals?):\/\//i.test(location);
  if (input.user && !isUrl) throw new Error(`a CalDAV account needs an https:// address, not "${location}"`);
  if (input.user && !input.password) throw new Error('a CalDAV account needs its password');
  const entry: CalendarSourceConfig = {
    id: randomUUID(),
    kind: input.user ? 'caldav' : isUrl ? 'feed' : 'file',
    location: isUrl ? location : resolve(location),
    ...(input.name ? { name: input.name } : {}),
    ...(input.user ? { user: input.user } : {}),
    ignoreAllDay: !!input.ignoreAllDay,
    shareTitles: !!input.shareTitles,
  };
  sourceFor(entry, secrets); // a malformed address fails here, before anything is saved
  return entry;
}

/**
 * The calendar side of the core: sources and the engine, rebuilt from the settings when they
 * change (whoever changed them), with each source kept while its settings are the same so
 * feeds and CalDAV keep their ETags and CTags.
 */
export class CalendarService {
  private built: { key: string; engine: AvailabilityEngine } | undefined;
  private readonly kept = new Map<string, { key: string; source: CalendarSource }>();

  constructor(
    private readonly config: () => ProfileConfig,
    private readonly secrets: SecretStore,
    /** Called when the engine was rebuilt because settings changed. */
    private readonly onRebuilt: () => void = () => {},
    /** The address I joined my team with: my invitations are addressed to it too. */
    private readonly joinedAs: () => string | undefined = () => undefined,
  ) {}

  sources(): CalendarSource[] {
    const calendars = this.config().calendars;
    for (const id of this.kept.keys()) if (!calendars.some((c) => c.id === id)) this.kept.delete(id);
    return calendars.map((c) => {
      const key = JSON.stringify([c, c.kind === 'caldav' ? this.secrets.get(calDavSecret(c.id)) : '']);
      const kept = this.kept.get(c.id);
      if (kept?.key === key) return kept.source;
      const source = sourceFor(c, this.secrets, () => this.config().tz);
      this.kept.set(c.id, { key, source });
      return source;
    });
  }

  engine(): AvailabilityEngine {
    const config = this.config();
    const names = (which: (c: CalendarSourceConfig) => boolean) =>
      config.calendars.filter(which).map((c) => sourceFor(c, this.secrets).name);
    const options = {
      tz: config.tz,
      me: [...new Set([...config.me, this.joinedAs() ?? ''].filter(Boolean).map((a) => a.toLowerCase()))],
      hours: parseWorkingHours(config.hours),
      ignoreAllDay: names((c) => c.ignoreAllDay),
      shareTitles: names((c) => c.shareTitles),
    };
    const key = JSON.stringify([options, config.calendars.map((c) => c.id)]);
    if (this.built?.key !== key) {
      const rebuilt = !!this.built;
      this.built = {
        key,
        engine: new AvailabilityEngine({
          ...options,
          ignoreAllDay: new Set(options.ignoreAllDay),
          shareTitles: new Set(options.shareTitles),
        }),
      };
      if (rebuilt) this.onRebuilt();
    }
    return this.built.engine;
  }

  /** My busy time over the published window, read fresh (for my day and the digest). */
  async myReport(now: number) {
    if (this.config().calendars.length === 0) return undefined;
    return (await this.read(now)).report;
  }

  /**
   * Every calendar read fresh over a window (the published one by default), with each one's
   * options: the one reading behind my day, the digest and `ricochet availability`.
   * `calendarsRead` is how many held a calendar: none means nothing can be said.
   */
  async read(now: number, window?: TimeWindow) {
    const engine = this.engine();
    const span = window ?? publishWindow(now, engine.tz);
    await readSources(engine, this.sources(), span);
    const report = engine.report(span, now);
    return { report, calendarsRead: engine.calendarsRead() };
  }

  /** The same calendars, secrets and address, with a zone, hours or addresses given for once. */
  overriding(once: Partial<Pick<ProfileConfig, 'tz' | 'hours' | 'me'>>): CalendarService {
    return new CalendarService(() => ({ ...this.config(), ...once }), this.secrets, undefined, this.joinedAs);
  }

  /** `read`, with a zone, hours or addresses given for this once overriding the settings. */
  readOnce(now: number, window?: TimeWindow, once: Partial<Pick<ProfileConfig, 'tz' | 'hours' | 'me'>> = {}) {
    return (Object.keys(once).length === 0 ? this : this.overriding(once)).read(now, window);
  }

  /** The display name of a configured calendar (what warnings and counts are keyed by). */
  nameOf(calendar: ProfileConfig['calendars'][number]): string {
    return sourceFor(calendar, this.secrets).name;
  }

  /** Deletes passwords and sign-ins whose calendar is gone (removed here, by the CLI or by hand). */
  pruneSecrets(): void {
    const kept = new Set(this.config().calendars.flatMap((c) => calendarSecrets(c.id)));
    for (const key of this.secrets.keys())
      if (/^(caldav|oauth|oauth-client):/.test(key) && !kept.has(key)) this.secrets.delete(key);
  }

  /** The computer woke up: calendars that poll a provider ask it at their next read. */
  wake(): void {
    for (const { source } of this.kept.values()) source.wake?.();
  }
}

/**
 * Calendars that are not the profile's, read once with the same service, rules and options
 * as the app's own (`ricochet availability --ics …`): there is no second way to read them.
 */
export function oneOffCalendars(settings: {
  tz: string;
  hours: string;
  me: string[];
  calendars: NewCalendar[];
}): CalendarService {
  const secrets = new MemorySecretStore();
  const calendars = settings.calendars.map((input) => {
    const entry = calendarEntry(input, secrets);
    if (input.password) secrets.set(calDavSecret(entry.id), input.password);
    return entry;
  });
  const config = profileConfig.parse({ tz: settings.tz, hours: settings.hours, me: settings.me, calendars });
  return new CalendarService(() => config, secrets);
}
