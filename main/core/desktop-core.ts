import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { join, resolve as resolvePath } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { statusLabel } from '../../shared/i18n/status-messages';
import { UNTIL_CHANGED } from '../../shared/asks/ask-delivery';
import type { HeadsUp } from '../../shared/asks/decision-heads-ups';
import {
  askSchema,
  type Ask,
  type AskUpdate,
  type Change,
  type StatusBody,
} from '../../shared/protocol/schemas';
import { distinctNames, foldName } from '../../shared/people/find-person';
import { extractMentions, parseQuickPost, type QuickPost } from '../../shared/quick-post/parse-quick-post';
import { isoInstant } from '../../shared/time/zoned-time';
import { readBoard, readFeed, type BoardMember } from '../cache/cache-queries';
import { LocalCache } from '../cache/local-cache';
import { ConfigFile } from '../profile/config-file';
import { ensurePrivateDir, writePrivateFile } from '../profile/private-files';
import type { CalendarSourceConfig, ProfileConfig } from '../profile/profile';
import { calDavSecret, FileSecretStore, type SecretStore } from '../profile/secret-store';
import { Publisher } from '../publisher/publisher';
import type { FlushResult } from '../sync/sync-client';
import { CalendarService, calendarEntry, sourceFor, type NewCalendar } from './calendar-service';
import { CoreState } from './core-state';
import { FreeWatch } from './free-watch';
import { askArrival, askEvents, headsUpsFor, planAsk } from './asks-and-decisions';
import { mentionsOfMe, myHandles } from './mentions';
import { commonSlots, digestOf, myDayOf } from './personal-reads';
import { memberStatus } from './person-status';
import { checkSettings, type SettingsPatch } from './settings-patch';
import { TeamMembership } from './team-membership';

const LOCAL_ME = 'me';

export type Delivery = 'sent' | 'queued' | 'local' | 'rejected';

export interface PostResult {
  parsed: QuickPost;
  delivered: Delivery;
  detail?: string;
  /** For /ask: who, and when it reaches them ("Your ask reaches Ana at 15:30, after a meeting"). */
  ask?: { id: string; to: string; deliverAt: string; message: string };
  /** For /decide: what conflicts for the people it names. */
  headsUps?: HeadsUp[];
}

/**
 * The desktop core's one door. The Electron shell, the browser mode and every CLI command
 * call these commands and reads, so they cannot disagree; nothing outside touches the
 * cache, the settings file or the calendar engine. Emits 'changed' (read again),
 * 'mention' (a post naming me) and 'free' (a watched teammate became free).
 */
export class DesktopCore extends EventEmitter {
  private readonly cache: LocalCache;
  private readonly settings: ConfigFile;
  private readonly state: CoreState;
  private readonly calendars: CalendarService;
  private readonly team: TeamMembership;
  private readonly publisher: Publisher;
  private readonly watches: FreeWatch;
  private readonly setHosting: (place: { host: string; port: number; demo?: boolean } | null) => void;

  constructor(
    readonly dir: string,
    private readonly secrets: SecretStore = new FileSecretStore(dir),
  ) {
    super();
    this.settings = new ConfigFile(dir);
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
    this.team = new TeamMembership(this.cache, this.state, secrets, () => this.config);
    this.team.on('changed', () => this.changed());
    this.team.on('changes', (changes: Change[]) => {
      for (const post of mentionsOfMe(changes, this.me)) this.emit('mention', post);
      const asks = askEvents(changes, this.me?.id);
      for (const ask of asks.delivered) this.emit('ask', ask);
      for (const ask of asks.answered) this.emit('answer', ask);
    });
    this.watches = new FreeWatch(
      (id, t) => {
        const member = this.members().find((m) => m.id === id);
        return member && memberStatus(member, t);
      },
      (id) => this.emit('free', id),
    );
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

  /** One member with their computed state and its label, in my language and zone. */
  withStatus(member: BoardMember, now: number) {
    const status = memberStatus(member, now);
    return {
      ...member,
      computed: status,
      label: statusLabel(status, now, this.config.locale ?? 'en', this.config.tz),
    };
  }

  board(now = Date.now()) {
    return this.members().map((member) => this.withStatus(member, now));
  }

  /** A member's name as the views show it (numbered when two look the same). */
  memberName(id: string): string | undefined {
    return distinctNames(this.members() as { id: string; name: string; createdAt?: string }[]).get(id);
  }

  feed(options: Parameters<typeof readFeed>[1] = {}) {
    return readFeed(this.cache, options);
  }

  /** "as of 10:42 · offline": when the cache last heard from the server, and whether it is live. */
  freshness() {
    return {
      asOf: this.cache.lastSyncAt,
      online: this.team.sync?.connection === 'live',
      queued: this.cache.queuedCount,
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

  /** The profile's calendars as sources, for a one-off reading (ricochet availability). */
  calendarSources() {
    return this.calendars.sources();
  }

  /** The display name of each configured calendar (what warnings and counts are keyed by). */
  calendarName(calendar: CalendarSourceConfig): string {
    return sourceFor(calendar, this.secrets).name;
  }

  /** "My day" or "my week" from my own posts and calendars: works without a team. */
  async digest(period: 'day' | 'week', now = Date.now()) {
    return digestOf(this.personal(await this.calendars.myReport(now)), period, now);
  }

  /** My state, load and next free slot: from the team's view of me, or my calendars alone. */
  async myDay(now = Date.now()) {
    const report = await this.calendars.myReport(now);
    const me = this.members().find((m) => m.id === this.me?.id);
    return myDayOf(this.personal(report), report, me && this.withStatus(me, now), now);
  }

  private personal(report: Awaited<ReturnType<CalendarService['myReport']>>) {
    const posts = this.feed({ memberId: this.me?.id ?? LOCAL_ME, limit: 500 }).map((p) => ({
      text: p.text,
      createdAt: Date.parse(p.createdAt),
    }));
    // Decisions by others that name me: what was decided about my time.
    const handles = this.me ? myHandles(this.me.name) : new Set<string>();
    const names = new Map(this.members().map((m) => [m.id, m.name]));
    const decisions = this.feed({ decisions: true, limit: 200 })
      .filter(
        (p) => p.memberId !== this.me?.id && extractMentions(p.text).some((m) => handles.has(foldName(m))),
      )
      .map((p) => ({ text: p.text, by: names.get(p.memberId) ?? '—', createdAt: Date.parse(p.createdAt) }));
    return {
      config: this.config,
      busy: report?.busy ?? null,
      meetings: report?.meetings ?? [],
      posts,
      decisions,
    };
  }

  /** The next common free slots of these teammates, inside everyone's working hours. */
  findTime(memberIds: readonly string[], minutes: number, now = Date.now()) {
    const picked = this.members().filter((m) => memberIds.includes(m.id));
    // Someone who never shared a calendar is not "always free": left out, and said so.
    const unshared = picked.filter((m) => m.availability === null);
    const counted = picked.filter((m) => m.availability !== null);
    return {
      slots: counted.length > 0 ? commonSlots(counted, minutes, now) : [],
      unshared: unshared.map((m) => ({ id: m.id, name: m.name })),
    };
  }

  // ── Commands: team ───────────────────────────────────────────────────────────────────

  async join(input: { server: string; invite: string; name: string; email: string }) {
    const joined = await this.team.join(input);
    await this.afterLogin();
    return joined;
  }

  async loginWithToken(input: { server: string; token: string }) {
    const who = await this.team.loginWithToken(input);
    await this.afterLogin();
    return who;
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

  async addCalendar(input: NewCalendar): Promise<CalendarSourceConfig> {
    const entry = calendarEntry(input, this.secrets);
    if (input.password) this.secrets.set(calDavSecret(entry.id), input.password);
    this.settings.update((c) => ({ ...c, calendars: [...c.calendars, entry] }));
    await this.settingsChanged();
    return entry;
  }

  /**
   * A calendar file picked or dropped in the window: the browser gives its content, not its
   * path, so a copy is kept in the profile and read like any file.
   */
  async importCalendar(name: string, text: string): Promise<CalendarSourceConfig> {
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
    const existing = this.config.calendars.find((c) => c.location === path);
    if (existing) {
      await this.settingsChanged(); // the same file again: read anew
      return existing;
    }
    return this.addCalendar({ location: path, name });
  }

  async updateCalendar(
    id: string,
    patch: Partial<Pick<CalendarSourceConfig, 'name' | 'ignoreAllDay' | 'shareTitles'>>,
  ): Promise<void> {
    this.settings.update((c) => {
      if (!c.calendars.some((x) => x.id === id)) throw new Error(`no calendar with id ${id}`);
      return { ...c, calendars: c.calendars.map((x) => (x.id === id ? { ...x, ...patch } : x)) };
    });
    await this.settingsChanged();
  }

  /** Removes calendars by id (or its start), file or address; returns how many, with their secrets. */
  async removeCalendar(target: string): Promise<number> {
    let removed = 0;
    this.settings.update((c) => {
      const left = c.calendars.filter((x) => !matchesCalendar(x, target));
      removed = c.calendars.length - left.length;
      return { ...c, calendars: left };
    });
    if (removed === 0) return 0;
    await this.settingsChanged();
    return removed;
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    const checked = checkSettings(patch);
    this.settings.update((c) => {
      const next = { ...c, ...checked };
      if (patch.locale === null) delete next.locale;
      return next;
    });
    await this.settingsChanged();
  }

  /** After settings changed here or in another process: secrets, profile and availability follow. */
  async settingsChanged(): Promise<void> {
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
  async post(text: string, now = Date.now()): Promise<PostResult> {
    const parsed = parseQuickPost(text, {
      now,
      tz: this.config.tz,
      hours: parseWorkingHours(this.config.hours),
    });
    const locale = this.config.locale ?? 'en';
    if (parsed.kind === 'error') return { parsed, delivered: 'rejected', detail: parsed.message };
    if (parsed.kind === 'ask') {
      if (!this.me) return { parsed, delivered: 'rejected', detail: 'an ask needs a team: join one first' };
      const plan = planAsk(this.members(), parsed.to, this.me.id, now);
      if ('error' in plan) return { parsed, delivered: 'rejected', detail: plan.error };
      const id = randomUUID();
      this.cache.enqueue(id, { kind: 'ask', id, to: plan.member.id, text: parsed.text });
      this.changed();
      const sent = await this.send();
      if (sent.delivered === 'sent') await this.team.refresh();
      // The server's time is the one that counts (it has the latest data); mine says it offline.
      const confirmed = this.asks().find((a) => a.id === id);
      const delivery = confirmed
        ? { at: Date.parse(confirmed.deliverAt), waitsFor: confirmed.waitsFor }
        : plan.delivery;
      return {
        parsed,
        ...sent,
        ask: {
          id,
          to: plan.member.name,
          deliverAt: isoInstant(Math.min(delivery.at, UNTIL_CHANGED)),
          message: askArrival(plan.member.name, delivery, now, locale, this.config.tz),
        },
      };
    }
    if (parsed.kind === 'post' || parsed.kind === 'decision') {
      const decision = parsed.kind === 'decision';
      const headsUps = decision
        ? headsUpsFor(parsed.mentions, parsed.text, this.members(), now, this.config.tz, locale)
        : [];
      const post = {
        id: uuidv7(),
        memberId: this.me?.id ?? LOCAL_ME,
        text: parsed.text,
        tags: parsed.tags,
        createdAt: new Date(now).toISOString(),
        ...(decision ? { kind: 'decision' as const } : {}),
      };
      this.cache.addPendingPost(post);
      if (this.me)
        this.cache.enqueue(post.id, {
          kind: 'post',
          id: post.id,
          text: post.text,
          ...(decision ? { decision } : {}),
        });
      this.changed();
      if (!this.me) return { parsed, delivered: 'local', headsUps };
      return { parsed, ...(await this.send()), headsUps };
    }
    if (this.me)
      this.cache.enqueue(uuidv7(), {
        kind: 'status',
        status:
          parsed.kind === 'clear'
            ? null
            : {
                state: parsed.state,
                emoji: parsed.emoji ?? undefined,
                text: parsed.text ?? undefined,
                until: parsed.until === null ? null : isoInstant(parsed.until),
              },
      });
    this.changed();
    if (!this.me) return { parsed, delivered: 'local' };
    return { parsed, ...(await this.send()) };
  }

  /** What a decision would warn about, before it goes out (the box shows it; post anyway). */
  previewDecision(text: string, now = Date.now()) {
    const parsed = parseQuickPost(text, { now, tz: this.config.tz });
    if (parsed.kind !== 'decision') return [];
    return headsUpsFor(
      parsed.mentions,
      parsed.text,
      this.members(),
      now,
      this.config.tz,
      this.config.locale ?? 'en',
    );
  }

  /** My asks: to me (once delivered) and from me, newest first. */
  asks(): Ask[] {
    return this.cache.asks().flatMap((a) => {
      const parsed = askSchema.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** I read, answer, snooze or dismiss an ask to me (queued like everything else). */
  async updateAsk(askId: string, update: AskUpdate) {
    if (!this.me) return { delivered: 'local' as const, detail: 'not in a team yet' };
    this.cache.enqueue(uuidv7(), { kind: 'ask-update', askId, update });
    return this.sendAndRefresh();
  }

  async setStatus(status: StatusBody | null): Promise<{ delivered: Delivery; detail?: string }> {
    if (!this.me) return { delivered: 'local', detail: 'not in a team yet' };
    this.cache.enqueue(uuidv7(), { kind: 'status', status });
    this.changed();
    return this.send();
  }

  async editPost(postId: string, text: string) {
    if (!this.me) return { delivered: 'local' as const, detail: 'not in a team yet' };
    this.cache.enqueue(uuidv7(), { kind: 'edit-post', postId, text });
    return this.sendAndRefresh();
  }

  async deletePost(postId: string) {
    if (!this.me) return { delivered: 'local' as const, detail: 'not in a team yet' };
    this.cache.enqueue(uuidv7(), { kind: 'delete-post', postId });
    return this.sendAndRefresh();
  }

  private async sendAndRefresh() {
    const result = await this.send();
    await this.team.refresh();
    this.changed();
    return result;
  }

  /** Flushes the outbox and says what became of the last command. */
  private async send(): Promise<{ delivered: Delivery; detail?: string }> {
    const sync = this.team.sync;
    if (!sync) return { delivered: 'queued', detail: 'no token in this profile' };
    const before = this.cache.rejected().length;
    const flushed: FlushResult = await sync.flush();
    if (flushed.remaining === 0 && flushed.rejected === 0) return { delivered: 'sent' };
    const rejected = this.cache.rejected().length > before;
    return {
      delivered: rejected ? 'rejected' : 'queued',
      detail: rejected ? this.cache.rejected().at(-1)?.message : flushed.error,
    };
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
  resync(): void {
    this.team.sync?.resync();
  }

  close(): void {
    this.watches.stop();
    this.team.close();
    this.cache.close();
  }
}

export function matchesCalendar(calendar: CalendarSourceConfig, target: string): boolean {
  if (calendar.id === target || (target.length >= 4 && calendar.id.startsWith(target))) return true;
  if (calendar.location === target) return true;
  return calendar.kind === 'file' && calendar.location === absolutePath(target);
}

const absolutePath = (path: string) => (/^(https?|webcals?):\/\//i.test(path) ? path : resolvePath(path));
