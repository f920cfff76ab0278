import { EventEmitter } from 'node:events';
import type { TimeWindow } from '../../shared/availability/segments';
import { resolveLocale, type Locale } from '../../shared/i18n/status-messages';
import { type AskUpdate, type StatusBody } from '../../shared/protocol/schemas';
import type { Ask, Change } from '../../shared/protocol/changes';
import type { CoreEvents } from './core-events';
export type { CoreEvents } from './core-events';
import { distinctNames } from '../../shared/people/find-person';
import { readBoard, type BoardMember } from '../cache/cache-queries';
import { MyOrganisation } from './my-organisation';
import { LocalCache } from '../cache/local-cache';
import { ConfigFile } from '../profile/config-file';
import type { CalendarSourceConfig, ProfileConfig } from '../profile/profile';
import { FileSecretStore, secretValues, type SecretStore } from '../profile/secret-store';
import { openAppLog, type AppLog } from '../profile/app-log';
import { redactLogText } from '../profile/redact-log';
import { Publisher } from '../publisher/publisher';
import { CalendarList } from './calendar-list';
import { CalendarService, type NewCalendar } from './calendar-service';
import { noCalendarApps, type CalendarAppsData } from '../../shared/protocol/responses';
import { CoreState } from '../cache/core-state';
import { FreeWatch } from './free-watch';
import { askEvents } from './asks-and-decisions';
import { mentionsOfMe } from './mentions';
import { digestOf, findTimeAmong, gatherPersonal, myDayOf, myStatusOf } from './personal-reads';
import { boardWithStatus, memberStatus } from './person-status';
import { checkSettings, settingsToFollow, type SettingsPatch } from './settings-patch';
import { MyDevices, withDevice } from './my-devices';
import type { OpenBrowser } from '../calendar/providers/sign-in/open-browser';
import { environmentRegion, setRegion } from '../../shared/i18n/locale';
import { TeamMembership } from './team-membership';
import type { ChangesHow } from '../sync/sync-client';
import { PostingCommands, type PostResult } from './posting-commands';

export type { Delivery, PostResult } from './posting-commands';

/**
 * The desktop core's one door. The Electron shell, the browser mode and every CLI command
 * call these commands and reads, so they cannot disagree; nothing outside touches the
 * cache, the settings file or the calendar engine. Its events are `CoreEvents`.
 */
export class DesktopCore extends EventEmitter<CoreEvents> {
  private readonly cache: LocalCache;
  private readonly settings: ConfigFile;
  private readonly state: CoreState;
  private readonly calendars: CalendarService;
  private readonly team: TeamMembership;
  private readonly publisher: Publisher;
  private readonly watches: FreeWatch;
  private readonly posting: PostingCommands;
  /** My calendars: add, connect (Microsoft 365, Google), sign in again, update, remove. */
  readonly calendarList: CalendarList;
  /** The log file every front end writes to, secrets taken out (profile/logs/ricochet.log). */
  readonly log: AppLog;
  /** My teams, stars and who the board shows. */
  readonly organisation: MyOrganisation;
  /** My devices: add one with a code, list them, sign one out. */
  readonly devices: MyDevices;
  private readonly setHosting: (place: { host: string; port: number; demo?: boolean } | null) => void;

  constructor(
    readonly dir: string,
    private readonly secrets: SecretStore = new FileSecretStore(dir),
    /** The system's locale tag ("fr-FR"): Electron's app.getLocale(), else Node's (LANG). */
    private readonly systemLocale: string = Intl.DateTimeFormat().resolvedOptions().locale,
    /**
     * The system's regional format ("en-US"): how times and dates are written, and its clock.
     * Unknown (a "C" environment): ISO-like, 24-hour.
     */
    readonly systemRegion: string | undefined = environmentRegion(process.env),
  ) {
    super();
    this.log = openAppLog(dir, () => secretValues(secrets));
    this.settings = new ConfigFile(dir);
    // Every time this process writes follows the region (and the clock chosen in Settings).
    setRegion(systemRegion, this.config.clock);
    this.cache = new LocalCache(dir);
    this.state = new CoreState(this.cache);
    this.setHosting = this.state.writer('hosting');
    this.calendars = new CalendarService(
      () => this.config,
      secrets,
      () => this.publisher.forget(),
      () => this.identity?.member.email,
    );
    this.publisher = new Publisher(
      () => this.calendars.engine(),
      this.cache,
      this.state,
      () => this.calendars.sources(),
      () => this.config.pausePublishing,
    );
    this.team = new TeamMembership(
      this.cache,
      this.state,
      secrets,
      () => this.config,
      // The person's zone and hours, kept by the server, become this device's settings.
      (profile) => {
        const change = settingsToFollow(this.config, profile);
        if (!change) return;
        this.settings.update((c) => ({ ...c, ...change }));
        this.publisher.forget();
      },
    );
    this.devices = new MyDevices(this.team, () => this.changed());
    this.team.on('changed', () => this.changed());
    // Notifications mean now: a cold sync or a catch-up after long offline raises none.
    this.team.on('changes', (changes: Change[], how: ChangesHow) => {
      if (!how.live) return;
      for (const post of mentionsOfMe(changes, this.me)) this.emit('mention', post);
      const asks = askEvents(changes, this.me?.id);
      for (const ask of asks.delivered) this.emit('ask', ask);
      for (const ask of asks.answered) this.emit('answer', ask);
    });
    this.calendarList = new CalendarList(dir, this.settings, secrets, () => this.settingsChanged());
    this.organisation = new MyOrganisation(
      this.cache,
      () => this.me?.id,
      () => this.members(),
    );
    this.posting = new PostingCommands({
      cache: this.cache,
      team: this.team,
      config: () => this.config,
      locale: () => this.locale,
      me: () => this.me,
      members: () => this.members(),
      changed: () => this.changed(),
    });
    this.watches = new FreeWatch(
      (id, t) => {
        const member = this.members().find((m) => m.id === id);
        return member && memberStatus(member, t);
      },
      (id) => this.emit('free', id),
    );
  }

  /** A text with this computer's secrets, addresses' paths, e-mails and quoted text taken out. */
  redact(text: string): string {
    return redactLogText(text, secretValues(this.secrets));
  }

  private changed() {
    this.watches.check();
    this.emit('changed');
  }

  // ── Reads ────────────────────────────────────────────────────────────────────────────

  /** The settings as they are in the profile's file now (another process may have changed them). */
  get config(): Readonly<ProfileConfig> {
    return this.settings.read();
  }

  /** The language to speak: the one chosen in Settings, else the system's. */
  get locale(): Locale {
    return resolveLocale(this.config, this.systemLocale);
  }

  get identity() {
    return this.team.identity;
  }

  get me(): { id: string; name: string; teamId: string } | undefined {
    return this.identity?.member;
  }

  /** Where the team this computer hosts listens, if it hosts one. */
  get hosting() {
    return this.state.read('hosting') ?? undefined;
  }

  /** Problems with the profile's files, in words, for the settings view. */
  warnings(): string[] {
    return [...this.settings.warnings];
  }

  /** The team as cached, without computing anyone's state: for names, profiles, busy time. */
  members(): BoardMember[] {
    return readBoard(this.cache);
  }

  /**
   * The board (see MyOrganisation.shown), with each person's state and label. Names, asks and
   * "who knows" still reach the whole organisation (members()).
   */
  board(now = Date.now(), team: string | null = null) {
    return this.listWithStatus(this.organisation.shown(team), now);
  }

  /** People with their state at `now`, in the viewer's language and zone. */
  listWithStatus(people: readonly BoardMember[], now = Date.now()) {
    const config = this.config; // once per list, not a settings-file stat per member
    return boardWithStatus(people, now, resolveLocale(config, this.systemLocale), config.tz);
  }

  /** Stars someone (their presence then reaches me wherever they work) or unstars them. */
  star(memberId: string, on: boolean) {
    return this.posting.star(memberId, on);
  }

  /** A member's name as the views show it (numbered when two look the same). */
  memberName(id: string): string | undefined {
    return distinctNames(this.members() as { id: string; name: string; createdAt?: string }[]).get(id);
  }

  feed(options: Parameters<MyOrganisation['feed']>[0] = {}) {
    return this.organisation.feed(options);
  }

  /** "as of 10:42 · offline": when the cache last heard from the server, and whether it is live. */
  freshness() {
    return {
      asOf: this.cache.lastSyncAt,
      online: this.team.sync?.connection === 'live',
      queued: this.cache.queuedCount,
      removed: this.team.removed && !this.team.signInAgain,
      signInAgain: this.team.signInAgain,
    };
  }

  /** Commands waiting for the server, in order, and the ones it refused for good. */
  pending() {
    return { queued: this.cache.outbox(), rejected: this.cache.rejected() };
  }

  /** Per source: when it was last read, events read and what went wrong, for settings. */
  calendarState() {
    return this.state.read('calendarState');
  }

  /** My calendars read fresh (ricochet availability); `once` overrides zone, hours or addresses. */
  availability(now = Date.now(), window?: TimeWindow, once: Parameters<CalendarService['readOnce']>[2] = {}) {
    return this.calendars.readOnce(now, window, once);
  }

  calendarName(calendar: CalendarSourceConfig): string {
    return this.calendars.nameOf(calendar);
  }

  /** "My day" or "my week" from my own posts and calendars: works without a team. */
  async digest(period: 'day' | 'week', now = Date.now()) {
    return digestOf(this.personal(await this.calendars.myReport(now)), period, now);
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
    const { report, seen } = await this.mine(now);
    return myStatusOf({ busy: report?.busy ?? null, config: this.config }, seen, now);
  }

  /** What my day and my state start from: my calendars' report, and how teammates see me. */
  private async mine(now: number) {
    const me = this.members().find((m) => m.id === this.me?.id);
    return { report: await this.calendars.myReport(now), seen: me && this.listWithStatus([me], now)[0] };
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

  /** The next common free slots of these teammates, inside everyone's working hours. */
  findTime(memberIds: readonly string[], minutes: number, now = Date.now()) {
    return findTimeAmong(
      this.members().filter((m) => memberIds.includes(m.id)),
      minutes,
      now,
    );
  }

  // ── Commands: team ───────────────────────────────────────────────────────────────────

  join(input: { server: string; invite: string; name: string; email: string; device?: string }) {
    return this.signedIn(this.team.join(withDevice(input)));
  }

  /** Signs in with the company's identity provider, in the browser (`open`). */
  loginWithSso(input: { server: string; org?: string; device?: string; open: OpenBrowser }) {
    return this.signedIn(this.team.loginWithSso(withDevice(input)));
  }

  /** Signs this computer in as someone already a member, with a code made on one of their devices. */
  loginWithDeviceCode(input: { server: string; code: string; device?: string }) {
    return this.signedIn(this.team.loginWithDeviceCode(withDevice(input)));
  }

  loginWithToken(input: { server: string; token: string }) {
    return this.signedIn(this.team.loginWithToken(input));
  }

  /** After any way of signing in: a first sync, and my availability for the new team. */
  private async signedIn<T>(signing: Promise<T>): Promise<T> {
    const signed = await signing;
    await this.afterLogin();
    return signed;
  }

  private async afterLogin() {
    this.publisher.forget(); // a new team has none of my availability yet, whatever was sent before
    await this.team.refresh();
    await this.publish().catch(() => undefined);
    this.changed();
  }

  leave(): void {
    this.team.leave();
    this.publisher.forget();
    this.setHosting(null);
  }

  /** An admin revokes an invite (the one shown after starting a team, say): it stops working at once. */
  async revokeInvite(code: string): Promise<void> {
    const sync = this.team.sync;
    if (!sync) throw new Error('not in a team');
    await sync.api.revokeInvite(code);
  }

  /** Records (or forgets) the team server this computer hosts, so it starts again with the app. */
  recordHosting(place: { host: string; port: number; demo?: boolean } | null): void {
    this.setHosting(place);
  }

  // ── Commands: calendars and settings ─────────────────────────────────────────────────

  addCalendar(input: NewCalendar): Promise<CalendarSourceConfig> {
    return this.calendarList.add(input);
  }

  /** The calendar apps my organisation's admin set; none outside a team. */
  async calendarApps(): Promise<CalendarAppsData> {
    return (await this.team.sync?.api.calendarApps()) ?? noCalendarApps;
  }

  /** Removes calendars by id (or its start), file or address; returns how many, with their secrets. */
  removeCalendar(target: string): Promise<number> {
    return this.calendarList.remove(target);
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    const checked = checkSettings(patch);
    this.settings.update((c) => {
      const next = { ...c, ...checked };
      if (patch.locale === null) delete next.locale;
      if (patch.clock === null) delete next.clock;
      return next;
    });
    await this.settingsChanged();
  }

  /** After settings changed here or in another process: secrets, profile and availability follow. */
  async settingsChanged(): Promise<void> {
    setRegion(this.systemRegion, this.config.clock);
    this.calendars.pruneSecrets();
    this.changed();
    await this.publish().catch(() => undefined);
  }

  /** Watches the settings file: a change made by the CLI shows here within moments. */
  watchSettings(): () => void {
    return this.settings.watch(() => void this.settingsChanged());
  }

  // ── Commands: posts, status, watches ─────────────────────────────────────────────────

  /** A quick post or a /command: queued first, sent when the server answers. */
  post(text: string, now = Date.now()): Promise<PostResult> {
    return this.posting.post(text, now);
  }

  /** What a decision would warn about, before it goes out (the box shows it; post anyway). */
  previewDecision(text: string, now = Date.now()) {
    return this.posting.previewDecision(text, now);
  }

  /** My asks: to me (once delivered) and from me, newest first. */
  asks(): Ask[] {
    return this.posting.asks();
  }

  updateAsk(askId: string, update: AskUpdate) {
    return this.posting.updateAsk(askId, update);
  }

  setStatus(status: StatusBody | null) {
    return this.posting.setStatus(status);
  }

  editPost(postId: string, text: string) {
    return this.posting.editPost(postId, text);
  }

  deletePost(postId: string) {
    return this.posting.deletePost(postId);
  }

  /** "Notify me when X is free": fires 'free' once, the first time X is free. */
  watchFree(memberId: string): string[] {
    this.watches.watch(memberId);
    return this.watches.watching;
  }

  get watching(): string[] {
    return this.watches.watching;
  }

  // ── Commands: publishing and sync ────────────────────────────────────────────────────

  /** One run of the publisher (and my profile), then an attempt to send. */
  async publish(now = Date.now()) {
    const profileQueued = this.team.publishProfile();
    const result = await this.publisher.runOnce(now);
    const sync = this.team.sync;
    const flushed = sync && (result.published || profileQueued) ? await sync.flush() : undefined;
    return { ...result, flushed };
  }

  /** Pull, flush, and the server's topics; never throws for being offline. */
  sync() {
    return this.team.refresh();
  }

  /** Holds the live stream (long-running front ends). */
  startLive(): void {
    this.team.startLive();
  }

  stopLive(): void {
    this.team.stopLive();
  }

  /** After sleep, unlock or a network change: reconnect now. */
  /** After a sleep or a lock: sync now, and ask calendar providers for changes at the next reading. */
  resync(): void {
    this.team.sync?.resync();
    this.calendars.wake();
  }

  close(): void {
    this.watches.stop();
    this.team.close();
    this.cache.close();
  }
}
