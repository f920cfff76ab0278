import type { CalendarSourceConfig } from '../profile/profile';
import { watchCalendarFiles } from './calendar-watch';
import type { DesktopCore } from './desktop-core';

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * When the publisher must look again. A feed, a CalDAV account or a provider changes without
 * telling us: every `everyMs`. Calendar files are watched (a change publishes at once), so with
 * files alone, or no calendar, what is published changes only as days and hours turn: the next
 * quarter hour (every zone's midnight falls on one), and the laptop sleeps in between.
 */
export function nextPublishAt(calendars: readonly CalendarSourceConfig[], now: number, everyMs: number) {
  if (calendars.some((c) => c.kind !== 'file')) return now + everyMs;
  return Math.floor(now / QUARTER_HOUR_MS) * QUARTER_HOUR_MS + QUARTER_HOUR_MS;
}

/**
 * What runs while a long-running front end is open: the live sync, the publisher when a
 * calendar file changes and when `nextPublishAt` says, and the settings file watched so a
 * change made elsewhere (the CLI) takes effect here. Returns a stop function.
 */
export function startBackground(
  core: DesktopCore,
  options: { intervalMs?: number; onError?: (e: Error) => void; now?: () => number } = {},
) {
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // One timer, set again after each run for the next moment there may be something to publish.
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const t = now();
    const wait = nextPublishAt(core.reads.config.calendars, t, options.intervalMs ?? 60_000) - t;
    timer = setTimeout(() => void publish(), Math.min(Math.max(wait, 0), 2 ** 31 - 1));
  };
  const onError = options.onError ?? (() => {});
  let running: Promise<void> | undefined;
  let again = false;
  const publish = async (): Promise<void> => {
    if (running) {
      again = true; // a change during a run is read by one more run, not lost
      return running;
    }
    running = core.commands
      .publish()
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void publish();
        } else schedule();
      });
    return running;
  };
  core.commands.startLive();
  const files = watchCalendarFiles(
    () => core.reads.config.calendars.filter((c) => c.kind === 'file').map((c) => c.location),
    () => void publish(),
    { onError },
  );
  // A calendar added or removed may change when the next look is due.
  const onChanged = () => {
    files.refresh();
    if (!running) schedule();
  };
  core.on('changed', onChanged);
  const stopSettings = core.watchSettings();
  void publish();
  return {
    files,
    /** Resolves when the publisher is idle (for an orderly quit). */
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      files.stop();
      stopSettings();
      core.off('changed', onChanged);
      core.commands.stopLive();
    },
  };
}
