import { asksWaitingFor } from '../../shared/asks/asks-waiting';
import { setRegion } from '../../shared/i18n/locale';
import { resolveLocale, type Locale } from '../../shared/i18n/status-messages';
import type { Status } from '../../shared/status/status-engine';
import type { MemberView } from '../../shared/views';
import { readAsks, readBoard } from '../cache/cache-queries';
import { CoreState } from '../cache/core-state';
import { LocalCache } from '../cache/local-cache';
import { ConfigFile } from '../profile/config-file';
import { memberViewsOf } from './member-views';
import { MyOrganisation } from './my-organisation';
import { boardNamed, myStatusOf } from './person-status';

/** What the tray says at launch, as the core would say it: the tray model's inputs. */
export interface FirstGlance {
  members: MemberView[];
  locale: Locale;
  tz: string;
  inTeam: boolean;
  paused: boolean;
  mine: Status;
  asksWaiting: number;
}

/**
 * The tray's first answer at launch, read from the profile's cache and settings before the core
 * (its calendars, sync, team server and IPC) has loaded: the person sees the team within a blink
 * of logging in, and the full tray follows when the core is up. It calls the very functions the
 * core's reads call (readBoard, MyOrganisation, boardNamed, memberViewsOf, myStatusOf,
 * asksWaitingFor), so the two cannot disagree. None when the answer needs more than the cache:
 * alone with calendars, my state comes from reading them, which is the core's work.
 */
export function firstGlance(
  dir: string,
  options: { systemLocale: string; systemRegion: string | undefined; now: number },
): FirstGlance | null {
  const config = new ConfigFile(dir).read();
  const cache = new LocalCache(dir);
  try {
    const me = new CoreState(cache).read('identity')?.member.id;
    const everyone = readBoard(cache);
    const mineOnBoard = everyone.find((m) => m.id === me);
    if (!mineOnBoard && config.calendars.length > 0) return null;
    // Times in the tray follow the region, as in the core (DesktopCore sets it the same way).
    setRegion(options.systemRegion, config.clock);
    const { now } = options;
    const seen = mineOnBoard && boardNamed([mineOnBoard], now)[0];
    // Who the board shows, by the core's own rule (my teams and my stars).
    const organisation = new MyOrganisation(
      cache,
      () => me,
      () => everyone,
    );
    return {
      members: memberViewsOf(boardNamed(organisation.shown(), now), me, organisation.stars()),
      locale: resolveLocale(config, options.systemLocale),
      tz: config.tz,
      inTeam: !!me,
      paused: config.pausePublishing,
      mine: myStatusOf({ busy: null, config }, seen, now),
      asksWaiting: asksWaitingFor(readAsks(cache), me),
    };
  } finally {
    cache.close();
  }
}
