import type { LocalCache } from '../cache/local-cache';
import type { CoreState } from '../cache/core-state';
import type { ConfigFile } from '../profile/config-file';
import type { SecretStore } from '../profile/secret-store';
import type { Publisher } from '../publisher/publisher';
import type { CalendarList } from './calendar-list';
import type { CalendarService } from './calendar-service';
import type { FreeWatch } from './free-watch';
import type { MyDevices } from './my-devices';
import type { MyOrganisation } from './my-organisation';
import type { OutboxSender } from './outbox-sender';
import type { PostingCommands } from './posting-commands';
import type { TeamMembership } from './team-membership';

export type HostingPlace = { host: string; port: number; demo?: boolean };

/**
 * What the core is made of, each named for what it holds. DesktopCore builds them; its reads and
 * commands use them; no front end sees them.
 */
export interface CoreParts {
  readonly dir: string;
  readonly secrets: SecretStore;
  /** The system's locale tag ("fr-FR"), for the language when Settings chooses none. */
  readonly systemLocale: string;
  /** The system's regional format ("en-US"), for how times are written. */
  readonly systemRegion: string | undefined;
  /** The profile's settings file. */
  readonly settings: ConfigFile;
  /** The team as last synced, my outbox and my own posts. */
  readonly cache: LocalCache;
  /** The core's typed state kept in the cache (hosting, calendar readings). */
  readonly state: CoreState;
  /** My calendars read into availability. */
  readonly calendars: CalendarService;
  /** My calendars as a list to add to, connect, update and remove. */
  readonly calendarList: CalendarList;
  /** My availability sent to the team when it changed. */
  readonly publisher: Publisher;
  /** My place in a team: signing in, the sync client, leaving. */
  readonly team: TeamMembership;
  /** My teams, stars and who the board shows. */
  readonly organisation: MyOrganisation;
  /** My devices: add one with a code, list them, sign one out. */
  readonly devices: MyDevices;
  /** Commands to the team, through the outbox. */
  readonly outbox: OutboxSender;
  /** Posts, /commands, status, asks and edits. */
  readonly posting: PostingCommands;
  /** "Tell me when X is free". */
  readonly watches: FreeWatch;
  readonly setHosting: (place: HostingPlace | null) => void;
  /** Something the views show changed: the core's 'changed' event. */
  readonly changed: () => void;
}
