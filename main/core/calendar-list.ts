import { join, resolve as resolvePath } from 'node:path';
import type { ConfigFile } from '../profile/config-file';
import { ensurePrivateDir, writePrivateFile } from '../profile/private-files';
import type { CalendarSourceConfig } from '../profile/profile';
import { calDavSecret, calendarSecrets, type SecretStore } from '../profile/secret-store';
import { calendarEntry, oneOffCalendars, type NewCalendar } from './calendar-service';
import { providerEntry, signInFor, type ConnectCalendar, type SignInUi } from './provider-calendars';

/**
 * Edits to my list of calendars in the profile's settings file. Each edit is written first,
 * then `applied` makes secrets, profile and availability follow (as for any settings change).
 */
export class CalendarList {
  constructor(
    private readonly dir: string,
    private readonly settings: ConfigFile,
    private readonly secrets: SecretStore,
    private readonly applied: () => Promise<void>,
  ) {}

  /**
   * Adds a calendar after reading it once: one that cannot be read (a missing file, a folder, a
   * web page, a refused password) is refused with its reason unless the person says to add it
   * anyway (a feed that is down today); the same calendar twice is refused.
   */
  async add(input: NewCalendar): Promise<CalendarSourceConfig> {
    const entry = calendarEntry(input, this.secrets);
    const config = this.settings.read();
    const twin = config.calendars.find(
      (c) => c.kind === entry.kind && c.location === entry.location && (c.user ?? '') === (entry.user ?? ''),
    );
    if (twin) throw new Error(`${twin.name ?? entry.location} is already in your calendars`);
    if (!input.anyway) {
      const trial = oneOffCalendars({ tz: config.tz, hours: config.hours, me: [], calendars: [input] });
      const { report, calendarsRead } = await trial.read(Date.now());
      if (calendarsRead === 0)
        throw new Error(
          `${report.warnings[0]?.source ?? entry.location} could not be read: ${report.warnings[0]?.message ?? 'no calendar in it'}`,
        );
    }
    if (input.password) this.secrets.set(calDavSecret(entry.id), input.password);
    this.settings.update((c) => ({ ...c, calendars: [...c.calendars, entry] }));
    await this.applied();
    return entry;
  }

  /**
   * Connects a Microsoft 365 or Google calendar: signs in (browser or device code), keeps the
   * sign-in in the secret store and the account in the settings, then reads it as any calendar.
   * The same account twice is refused, and what the sign-in kept is deleted again.
   */
  async connect(input: ConnectCalendar, ui: SignInUi): Promise<CalendarSourceConfig> {
    const entry = await signInFor(providerEntry(input), input, this.secrets, ui);
    const twin = this.settings.read().calendars.find((c) => c.kind === entry.kind && c.user === entry.user);
    if (twin) {
      for (const key of calendarSecrets(entry.id)) this.secrets.delete(key);
      throw new Error(`${entry.user} is already in your calendars`);
    }
    this.settings.update((c) => ({ ...c, calendars: [...c.calendars, entry] }));
    await this.applied();
    return entry;
  }

  /** Signs in again to a connected calendar whose grant expired or was revoked; its settings stay. */
  async signInAgain(id: string, ui: SignInUi): Promise<void> {
    const entry = this.settings.read().calendars.find((c) => c.id === id);
    if (!entry?.app) throw new Error(`no Microsoft 365 or Google calendar with id ${id}`);
    const again = await signInFor(entry, {}, this.secrets, ui);
    if (again.user !== entry.user)
      this.settings.update((c) => ({ ...c, calendars: c.calendars.map((x) => (x.id === id ? again : x)) }));
    await this.applied();
  }

  /**
   * A calendar file picked or dropped in the window: the browser gives its content, not its
   * path, so a copy is kept in the profile and read like any file.
   */
  async import(name: string, text: string): Promise<CalendarSourceConfig> {
    if (!/BEGIN:(VCALENDAR|VEVENT)/i.test(text.slice(0, 4096)))
      throw new Error(`"${name}" is not an iCalendar (.ics) file`);
    const folder = join(this.dir, 'calendars');
    ensurePrivateDir(folder);
    const safe =
      name
        .replace(/[^\p{L}\p{N}._-]+/gu, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 80) || 'calendar.ics';
    const path = join(folder, safe.toLowerCase().endsWith('.ics') ? safe : `${safe}.ics`);
    writePrivateFile(path, text);
    const existing = this.settings.read().calendars.find((c) => c.location === path);
    if (existing) {
      await this.applied(); // the same file again: read anew
      return existing;
    }
    return this.add({ location: path, name });
  }

  async update(
    id: string,
    patch: Partial<Pick<CalendarSourceConfig, 'name' | 'ignoreAllDay' | 'shareTitles'>>,
  ): Promise<void> {
    this.settings.update((c) => {
      if (!c.calendars.some((x) => x.id === id)) throw new Error(`no calendar with id ${id}`);
      return { ...c, calendars: c.calendars.map((x) => (x.id === id ? { ...x, ...patch } : x)) };
    });
    await this.applied();
  }

  /** Removes calendars by id (or its start), file or address; returns how many, with their secrets. */
  async remove(target: string): Promise<number> {
    let removed = 0;
    this.settings.update((c) => {
      const left = c.calendars.filter((x) => !matchesCalendar(x, target));
      removed = c.calendars.length - left.length;
      return { ...c, calendars: left };
    });
    if (removed === 0) return 0;
    await this.applied();
    return removed;
  }
}

export function matchesCalendar(calendar: CalendarSourceConfig, target: string): boolean {
  if (calendar.id === target || (target.length >= 4 && calendar.id.startsWith(target))) return true;
  if (calendar.location === target) return true;
  return calendar.kind === 'file' && calendar.location === absolutePath(target);
}

const absolutePath = (path: string) => (/^(https?|webcals?):\/\//i.test(path) ? path : resolvePath(path));
