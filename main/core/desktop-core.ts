import { EventEmitter } from 'node:events';
import type { Change } from '../../shared/protocol/changes';
import type { CoreEvents } from './core-events';
export type { CoreEvents } from './core-events';
import { LocalCache } from '../cache/local-cache';
import { CoreState } from '../cache/core-state';
import { ConfigFile } from '../profile/config-file';
import { FileSecretStore, secretValues, type SecretStore } from '../profile/secret-store';
import { openAppLog, type AppLog } from '../profile/app-log';
import { Publisher } from '../publisher/publisher';
import type { ChangesHow } from '../sync/sync-client';
import { environmentRegion, setRegion } from '../../shared/i18n/locale';
import { askEvents } from './asks-and-decisions';
import { CalendarList } from './calendar-list';
import { CalendarService } from './calendar-service';
import { CoreCommands } from './core-commands';
import type { CoreParts } from './core-parts';
import { CoreReads } from './core-reads';
import { FreeWatch } from './free-watch';
import { mentionsOfMe } from './mentions';
import { MyDevices } from './my-devices';
import { MyOrganisation } from './my-organisation';
import { OutboxSender } from './outbox-sender';
import { memberStatus } from './person-status';
import { PostingCommands } from './posting-commands';
import { settingsToFollow } from './settings-patch';
import { TeamMembership } from './team-membership';

export type { Delivery, PostResult } from './posting-commands';

/**
 * The desktop core's one door. The Electron shell, the browser mode and every CLI command read
 * through `reads` and act through `commands`, so they cannot disagree; nothing outside touches
 * the cache, the settings file or the calendar engine. Its events are `CoreEvents`. This class
 * only builds the parts and wires their events.
 */
export class DesktopCore extends EventEmitter<CoreEvents> {
  readonly reads: CoreReads;
  readonly commands: CoreCommands;
  /** The log file every front end writes to, secrets taken out (profile/logs/ricochet.log). */
  readonly log: AppLog;
  private readonly parts: CoreParts;

  constructor(
    readonly dir: string,
    secrets: SecretStore = new FileSecretStore(dir),
    /** The system's locale tag ("fr-FR"): Electron's app.getLocale(), else Node's (LANG). */
    systemLocale: string = Intl.DateTimeFormat().resolvedOptions().locale,
    /**
     * The system's regional format ("en-US"): how times and dates are written, and its clock.
     * Unknown (a "C" environment): ISO-like, 24-hour.
     */
    systemRegion: string | undefined = environmentRegion(process.env),
  ) {
    super();
    this.log = openAppLog(dir, () => secretValues(secrets));
    const settings = new ConfigFile(dir);
    const config = () => settings.read();
    // Every time this process writes follows the region (and the clock chosen in Settings).
    setRegion(systemRegion, config().clock);
    const cache = new LocalCache(dir);
    const state = new CoreState(cache);
    // The engine is rebuilt only when settings change, long after the publisher below exists.
    const calendars: CalendarService = new CalendarService(
      config,
      secrets,
      () => publisher.forget(),
      () => team.identity?.member.email,
    );
    const publisher = new Publisher(
      () => calendars.engine(),
      cache,
      state,
      () => calendars.sources(),
      () => config().pausePublishing,
    );
    const changed = () => {
      watches.check();
      this.emit('changed');
    };
    const team: TeamMembership = new TeamMembership(cache, state, secrets, config, (profile) => {
      // The person's zone and hours, kept by the server, become this device's settings.
      const change = settingsToFollow(config(), profile);
      if (!change) return;
      settings.update((c) => ({ ...c, ...change }));
      publisher.forget();
    });
    const me = () => team.identity?.member;
    const members = () => this.reads.members();
    const outbox = new OutboxSender(cache, team, me, changed);
    const watches: FreeWatch = new FreeWatch(
      (id, t) => {
        const member = members().find((m) => m.id === id);
        return member && memberStatus(member, t);
      },
      (id) => this.emit('free', id),
    );
    this.parts = {
      dir,
      secrets,
      systemLocale,
      systemRegion,
      settings,
      cache,
      state,
      calendars,
      calendarList: new CalendarList(dir, settings, secrets, () => this.commands.settingsChanged()),
      publisher,
      team,
      organisation: new MyOrganisation(cache, () => me()?.id, members),
      devices: new MyDevices(team, changed),
      outbox,
      posting: new PostingCommands({
        cache,
        team,
        config,
        locale: () => this.reads.locale,
        me,
        members,
        changed,
        outbox,
      }),
      watches,
      setHosting: state.writer('hosting'),
      changed,
    };
    this.reads = new CoreReads(this.parts);
    this.commands = new CoreCommands(this.parts, this.reads);
    team.on('changed', changed);
    // Notifications mean now: a cold sync or a catch-up after long offline raises none.
    team.on('changes', (changes: Change[], how: ChangesHow) => {
      if (!how.live) return;
      for (const post of mentionsOfMe(changes, me())) this.emit('mention', post);
      const asks = askEvents(changes, me()?.id);
      for (const ask of asks.delivered) this.emit('ask', ask);
      for (const ask of asks.answered) this.emit('answer', ask);
    });
  }

  /** Watches the settings file: a change made by the CLI shows here within moments. */
  watchSettings(): () => void {
    return this.parts.settings.watch(() => void this.commands.settingsChanged());
  }

  close(): void {
    this.parts.watches.stop();
    this.parts.team.close();
    this.parts.cache.close();
  }
}
