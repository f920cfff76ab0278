import type { TimeWindow } from '../../shared/availability/segments';
import { resolveLocale, type Locale } from '../../shared/i18n/status-messages';
import { distinctNames } from '../../shared/people/find-person';
import type { Ask } from '../../shared/protocol/changes';
import { noCalendarApps, type CalendarAppsData } from '../../shared/protocol/responses';
import { readBoard, type BoardMember } from '../cache/cache-queries';
import type { CalendarSourceConfig, ProfileConfig } from '../profile/profile';
import { secretValues } from '../profile/secret-store';
import { redactLogText } from '../profile/redact-log';
import type { CalendarService } from './calendar-service';
import type { CoreParts } from './core-parts';
import type { MyOrganisation } from './my-organisation';
import { digestOf, findTimeAmong, gatherPersonal, myDayOf } from './personal-reads';
import { boardNamed, boardWithStatus, myStatusOf } from './person-status';

/**
 * Everything a front end reads from the core: settings, the board, my day, my calendars' state,
 * my teams and devices. Reads change nothing (a read that asks the server, like the calendar
 * apps or my devices, only asks).
 */
export class CoreReads {
  constructor(private readonly parts: CoreParts) {}

  /** The settings as they are in the profile's file now (another process may have changed them). */
  get config(): Readonly<ProfileConfig> {
    return this.parts.settings.read();
  }

  /** The language to speak: the one chosen in Settings, else the system's. */
  get locale(): Locale {
    return resolveLocale(this.config, this.parts.systemLocale);
  }

  get identity() {
    return this.parts.team.identity;
  }

  get me(): { id: string; name: string; teamId: string } | undefined {
    return this.identity?.member;
  }

  /** Where the team this computer hosts listens, if it hosts one. */
  get hosting() {
    return this.parts.state.read('hosting') ?? undefined;
  }

  /** Problems with the profile's files, in words, for the settings view. */
  warnings(): string[] {
    return [...this.parts.settings.warnings];
  }

  /** A text with this computer's secrets, addresses' paths, e-mails and quoted text taken out. */
  redact(text: string): string {
    return redactLogText(text, secretValues(this.parts.secrets));
  }

  /** The team as cached, without computing anyone's state: for names, profiles, busy time. */
  members(): BoardMember[] {
    return readBoard(this.parts.cache);
  }

  /**
   * The board (see MyOrganisation.shown), with each person's state and label. Names, asks and
   * "who knows" still reach the whole organisation (members()).
   */
  board(now = Date.now(), team: string | null = null) {
    return this.listWithStatus(this.parts.organisation.shown(team), now);
  }

  /** The board's people with their state but no label: the windows and the tray label at their clock. */
  boardStates(now = Date.now(), team: string | null = null) {
    return boardNamed(this.parts.organisation.shown(team), now);
  }

  /** People with their state at `now`, in the viewer's language and zone. */
  listWithStatus(people: readonly BoardMember[], now = Date.now()) {
    const config = this.config; // once per list, not a settings-file stat per member
    return boardWithStatus(people, now, resolveLocale(config, this.parts.systemLocale), config.tz);
  }

  /** The organisation's teams I am in, by name. */
  teams() {
    return this.parts.organisation.teams();
  }

  /** The people I star from anywhere in the organisation. */
  stars(): string[] {
    return this.parts.organisation.stars();
  }

  /** Who the board shows, before anyone's state is computed. */
  shown(team: string | null = null): BoardMember[] {
    return this.parts.organisation.shown(team);
  }

  /** Whom the @ being typed may name. */
  mentionable(typed: string): BoardMember[] {
    return this.parts.organisation.mentionable(typed);
  }

  /** "Who knows about…", over the whole organisation. */
  search(query: string) {
    return this.parts.organisation.search(query);
  }

  /** A member's name as the views show it (numbered when two look the same). */
  memberName(id: string): string | undefined {
    return distinctNames(this.members() as { id: string; name: string; createdAt?: string }[]).get(id);
  }

  feed(options: Parameters<MyOrganisation['feed']>[0] = {}) {
    return this.parts.organisation.feed(options);
  }

  /** My asks: to me (once delivered) and from me, newest first. */
  asks(): Ask[] {
    return this.parts.posting.asks();
  }

  /** What a decision would warn about, before it goes out (the box shows it; post anyway). */
  previewDecision(text: string, now = Date.now()) {
    return this.parts.posting.previewDecision(text, now);
  }

  /** Whom I asked to be told about when they are free. */
  get watching(): string[] {
    return this.parts.watches.watching;
  }

  /** "as of 10:42 · offline": when the cache last heard from the server, and whether it is live. */
  freshness() {
    const { cache, team } = this.parts;
    return {
      asOf: cache.lastSyncAt,
      online: team.sync?.connection === 'live',
      queued: cache.queuedCount,
      removed: team.removed && !team.signInAgain,
      signInAgain: team.signInAgain,
    };
  }

  /** Commands waiting for the server, in order, and the ones it refused for good. */
  pending() {
    return { queued: this.parts.cache.outbox(), rejected: this.parts.cache.rejected() };
  }

  /** Per source: when it was last read, events read and what went wrong, for settings. */
  calendarState() {
    return this.parts.state.read('calendarState');
  }

  /** The calendar apps my organisation's admin set; none outside a team. */
  async calendarApps(): Promise<CalendarAppsData> {
    return (await this.parts.team.sync?.api.calendarApps()) ?? noCalendarApps;
  }

  /** My signed-in devices, as the server lists them. */
  devices() {
    return this.parts.devices.list();
  }

  /** My calendars read fresh (ricochet availability); `once` overrides zone, hours or addresses. */
  availability(now = Date.now(), window?: TimeWindow, once: Parameters<CalendarService['readOnce']>[2] = {}) {
    return this.parts.calendars.readOnce(now, window, once);
  }

  calendarName(calendar: CalendarSourceConfig): string {
    return this.parts.calendars.nameOf(calendar);
  }

  /** "My day" or "my week" from my own posts and calendars: works without a team. */
  async digest(period: 'day' | 'week', now = Date.now()) {
    return digestOf(this.personal(await this.parts.calendars.myReport(now)), period, now);
  }

  /** My state, load and next free slot: from the team's view of me, or my calendars alone. */
  async myDay(now = Date.now()) {
    const { report, seen } = await this.mine(now);
    const names = new Map(
      this.config.calendars.map((c) => [this.calendarName(c), c.name ?? this.calendarName(c)]),
    );
    return myDayOf(this.personal(report), report, seen, now, names);
  }

  /** My state now (what the Me view says), for the tray: in a team or alone. */
  async myStatus(now = Date.now()) {
    const seen = this.seenAsMe(now);
    // In a team, my state is how teammates see me: no calendar is read for it (the tray asks often).
    const report = seen ? undefined : await this.parts.calendars.myReport(now);
    return myStatusOf({ busy: report?.busy ?? null, config: this.config }, seen, now);
  }

  /** The next common free slots of these teammates, inside everyone's working hours. */
  findTime(memberIds: readonly string[], minutes: number, now = Date.now()) {
    return findTimeAmong(
      this.members().filter((m) => memberIds.includes(m.id)),
      minutes,
      now,
    );
  }

  /** What my day and my state start from: my calendars' report, and how teammates see me. */
  private async mine(now: number) {
    return { report: await this.parts.calendars.myReport(now), seen: this.seenAsMe(now) };
  }

  /** My row on the board with its state, as teammates see me; none when I am in no team. */
  private seenAsMe(now: number) {
    const me = this.members().find((m) => m.id === this.me?.id);
    return me && this.listWithStatus([me], now)[0];
  }

  private personal(report: Awaited<ReturnType<CalendarService['myReport']>>) {
    return gatherPersonal({
      me: this.me, // one read of the identity, not one per post
      config: this.config,
      locale: this.locale,
      members: this.members(),
      feed: (options) => this.feed(options),
      report,
    });
  }
}
