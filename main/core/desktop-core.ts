import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { v7 as uuidv7 } from 'uuid';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { standupDigest } from '../../shared/digest/standup-digest';
import { statusLabel } from '../../shared/i18n/status-messages';
import { parseQuickPost, type QuickPost } from '../../shared/quick-post/parse-quick-post';
import { isoInstant } from '../../shared/time/zoned-time';
import { readBoard, readFeed } from '../cache/cache-queries';
import { LocalCache } from '../cache/local-cache';
import { AvailabilityEngine } from '../calendar/availability-engine';
import { readSources } from '../calendar/read-sources';
import { CalDavSource } from '../calendar/sources/caldav-source';
import type { CalendarSource } from '../calendar/sources/calendar-source';
import { FeedSource } from '../calendar/sources/feed-source';
import { FileSource } from '../calendar/sources/file-source';
import {
  FileSecretStore,
  readConfig,
  writeConfig,
  type CalendarSourceConfig,
  type ProfileConfig,
  type SecretStore,
} from '../profile/profile';
import { Publisher, publishWindow } from '../publisher/publisher';
import { SyncClient, type FlushResult } from '../sync/sync-client';
import { TeamApi } from '../sync/team-api';
import type { Change } from '../../shared/protocol/schemas';
import { mentionsOfMe } from './mentions';
import { memberStatus } from './person-status';

const LOCAL_ME = 'me';

/**
 * Everything the desktop does that is not pixels or Electron, behind one object: the CLI,
 * the Electron shell and the browser mode all drive this, so they cannot disagree.
 */
export class DesktopCore extends EventEmitter {
  readonly cache: LocalCache;
  config: ProfileConfig;
  engine: AvailabilityEngine;
  publisher: Publisher;
  private client: SyncClient | undefined;

  constructor(
    readonly dir: string,
    readonly secrets: SecretStore = new FileSecretStore(dir),
  ) {
    super();
    this.config = readConfig(dir);
    this.cache = new LocalCache(dir);
    this.engine = this.newEngine();
    this.publisher = this.newPublisher();
  }

  private newEngine() {
    return new AvailabilityEngine({
      tz: this.config.tz,
      me: this.config.me,
      hours: parseWorkingHours(this.config.hours),
      ignoreAllDay: this.sourceNames((c) => c.ignoreAllDay),
      shareTitles: this.sourceNames((c) => c.shareTitles),
    });
  }

  private sourceNames(which: (c: CalendarSourceConfig) => boolean): Set<string> {
    return new Set(this.config.calendars.filter(which).map((c) => sourceFor(c, this.secrets).name));
  }

  private newPublisher() {
    return new Publisher(
      this.engine,
      this.cache,
      () => this.sources(),
      () => this.config.pausePublishing,
    );
  }

  /** Saves new settings and rebuilds what depends on them (zone, hours, calendars). */
  updateConfig(next: ProfileConfig): void {
    parseWorkingHours(next.hours); // throws a clear message before anything is saved
    writeConfig(this.dir, next);
    this.config = next;
    this.engine = this.newEngine();
    this.publisher = this.newPublisher();
    this.cache.set('published_hash', '');
    this.emit('changed');
  }

  /** Leaves the team on this computer: forgets the token and the team's data. */
  leave(): void {
    this.client?.stop();
    this.client = undefined;
    this.secrets.delete('token');
    for (const key of ['server', 'me', 'team', 'cursor', 'published_hash', 'profile_hash', 'hosted_server'])
      this.cache.set(key, '');
    this.cache.clearTeam();
    this.emit('changed');
  }

  close(): void {
    this.client?.stop();
    this.cache.close();
  }

  get me(): { id: string; name: string; teamId: string } | undefined {
    const me = this.cache.get('me');
    return me ? JSON.parse(me) : undefined;
  }

  get team(): { id: string; name: string } | undefined {
    const team = this.cache.get('team');
    return team ? JSON.parse(team) : undefined;
  }

  get server(): string | undefined {
    return this.cache.get('server') || undefined;
  }

  /** The sync client once this profile has joined a team. */
  get sync(): SyncClient | undefined {
    const token = this.secrets.get('token');
    if (!this.client && token && this.server) {
      this.client = new SyncClient({ cache: this.cache, server: this.server, token });
      this.client.on('change', () => this.emit('changed'));
      this.client.on('changes', (changes: Change[]) => {
        for (const post of mentionsOfMe(changes, this.me)) this.emit('mention', post);
      });
      this.client.on('connection', () => this.emit('changed'));
    }
    return this.client;
  }

  async login(input: { server: string; invite: string; name: string; email: string }) {
    const joined = await new TeamApi(input.server, undefined).join({
      code: input.invite,
      name: input.name,
      email: input.email,
    });
    this.secrets.set('token', joined.token);
    this.cache.set('server', input.server);
    this.cache.set(
      'me',
      JSON.stringify({ id: joined.member.id, name: joined.member.name, teamId: joined.team.id }),
    );
    this.cache.set('team', JSON.stringify(joined.team));
    this.publishProfile();
    await this.refresh();
    return joined;
  }

  /** Pull, flush, and the server's topics; never throws for being offline. */
  async refresh(): Promise<(FlushResult & { pulled: number }) | { error: string }> {
    const sync = this.sync;
    if (!sync) return { error: 'not in a team yet: run ricochet login' };
    try {
      const result = await sync.syncOnce();
      this.cache.setTopics(await sync.api.topics());
      return result;
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  /** A quick post or a /command: queued first, sent when the server answers. */
  async post(
    text: string,
    now = Date.now(),
  ): Promise<{ parsed: QuickPost; delivered: 'sent' | 'queued' | 'local' | 'rejected'; detail?: string }> {
    const parsed = parseQuickPost(text, { now, tz: this.config.tz });
    if (parsed.kind === 'error') return { parsed, delivered: 'rejected', detail: parsed.message };
    const me = this.me;
    if (parsed.kind === 'post') {
      const post = {
        id: uuidv7(),
        memberId: me?.id ?? LOCAL_ME,
        text: parsed.text,
        tags: parsed.tags,
        createdAt: new Date(now).toISOString(),
      };
      this.cache.addPendingPost(post);
      if (me)
        this.cache.enqueue({
          id: post.id,
          kind: 'post',
          method: 'POST',
          path: '/v1/posts',
          body: JSON.stringify({ id: post.id, text: post.text }),
        });
    } else if (me) {
      const body =
        parsed.kind === 'clear'
          ? null
          : {
              state: parsed.state,
              emoji: parsed.emoji ?? undefined,
              text: parsed.text ?? undefined,
              until: parsed.until === null ? null : isoInstant(parsed.until),
            };
      this.cache.enqueue({
        id: uuidv7(),
        kind: 'status',
        method: body ? 'PUT' : 'DELETE',
        path: '/v1/me/status',
        body: body && JSON.stringify(body),
      });
    }
    const sync = this.sync;
    this.emit('changed');
    if (!me) return { parsed, delivered: 'local' };
    if (!sync) return { parsed, delivered: 'queued', detail: 'no token in this profile' };
    const flushed = await sync.flush();
    return flushed.remaining === 0 && flushed.rejected === 0
      ? { parsed, delivered: 'sent' }
      : {
          parsed,
          delivered: flushed.rejected ? 'rejected' : 'queued',
          detail: flushed.error ?? this.cache.rejected().at(-1)?.message,
        };
  }

  /** The team as cached, without computing anyone's state: for names, profiles, busy time. */
  members() {
    return readBoard(this.cache);
  }

  /** One member with their computed state and its label, in my language and zone. */
  withStatus(member: ReturnType<typeof readBoard>[number], now: number) {
    const status = memberStatus(member, now);
    return {
      ...member,
      computed: status,
      label: statusLabel(status, now, this.config.locale ?? 'en', this.config.tz),
    };
  }

  /** The team from the cache, each member with their computed state and its label. */
  board(now = Date.now()) {
    return this.members().map((member) => this.withStatus(member, now));
  }

  memberName(id: string): string | undefined {
    return this.members().find((m) => m.id === id)?.name;
  }

  /** "as of 10:42 · offline": when the cache last heard from the server, and whether it is live. */
  freshness() {
    return {
      asOf: this.cache.get('last_sync_at') ?? null,
      online: this.client?.connection === 'live',
      queued: this.cache.outbox().length,
    };
  }

  /** Per source: when it was last read and what went wrong, in words, for settings. */
  calendarState(): {
    at: string;
    events: number;
    perSource?: Record<string, number>;
    warnings: { source: string; message: string }[];
  } | null {
    const state = this.cache.get('calendar_state');
    return state ? JSON.parse(state) : null;
  }

  feed(options: Parameters<typeof readFeed>[1] = {}) {
    return readFeed(this.cache, options);
  }

  /** "My day" or "my week" from my own posts and calendars: works without a team. */
  async digest(period: 'day' | 'week', now = Date.now()) {
    const sources = this.sources();
    const window = publishWindow(now);
    if (sources.length > 0) await readSources(this.engine, sources, window);
    const busy = sources.length > 0 ? this.engine.report(window, now).busy : [];
    const posts = this.feed({ memberId: this.me?.id ?? LOCAL_ME, limit: 500 }).map((p) => ({
      text: p.text,
      createdAt: Date.parse(p.createdAt),
    }));
    return standupDigest({
      posts,
      busy,
      hours: parseWorkingHours(this.config.hours),
      tz: this.config.tz,
      now,
      period,
      locale: this.config.locale ?? 'en',
    });
  }

  /**
   * My zone and working hours, so teammates see my local time and "off, back at 09:00":
   * queued whenever they differ from what was last sent.
   */
  publishProfile(): boolean {
    if (!this.me) return false;
    const body = JSON.stringify({
      timezone: this.config.tz,
      workingHours: parseWorkingHours(this.config.hours),
    });
    const hash = createHash('sha256').update(body).digest('hex');
    if (this.cache.get('profile_hash') === hash) return false;
    this.cache.enqueue({ id: uuidv7(), kind: 'profile', method: 'PATCH', path: '/v1/me', body });
    this.cache.set('profile_hash', hash);
    return true;
  }

  /** One run of the publisher, then an attempt to send. */
  async publish(now = Date.now()) {
    const profileQueued = this.publishProfile();
    const result = await this.publisher.runOnce(now);
    const flushed = this.sync && (result.published || profileQueued) ? await this.sync.flush() : undefined;
    return { ...result, flushed };
  }

  sources(): CalendarSource[] {
    return this.config.calendars.map((c) => sourceFor(c, this.secrets));
  }
}

export function sourceFor(config: CalendarSourceConfig, secrets: SecretStore): CalendarSource {
  if (config.kind === 'file') return new FileSource(config.location);
  if (config.kind === 'feed') return new FeedSource(config.location);
  return new CalDavSource({
    serverUrl: config.location,
    username: config.user ?? '',
    password: secrets.get(`caldav:${config.id}`) ?? '',
  });
}
