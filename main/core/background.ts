import { watchCalendarFiles } from './calendar-watch';
import type { DesktopCore } from './desktop-core';

/**
 * What runs while a long-running front end is open: the live sync, the publisher every
 * minute and whenever a calendar file changes, and the settings file watched so a change
 * made elsewhere (the CLI) takes effect here. Returns a stop function.
 */
export function startBackground(
  core: DesktopCore,
  options: { intervalMs?: number; onError?: (e: Error) => void } = {},
) {
  const onError = options.onError ?? (() => {});
  let running: Promise<void> | undefined;
  let again = false;
  const publish = async (): Promise<void> => {
    if (running) {
      again = true; // a change during a run is read by one more run, not lost
      return running;
    }
    running = core
      .publish()
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void publish();
        }
      });
    return running;
  };
  core.startLive();
  const interval = setInterval(() => void publish(), options.intervalMs ?? 60_000);
  const files = watchCalendarFiles(
    () => core.config.calendars.filter((c) => c.kind === 'file').map((c) => c.location),
    () => void publish(),
    { onError },
  );
  const onChanged = () => files.refresh();
  core.on('changed', onChanged);
  const stopSettings = core.watchSettings();
  void publish();
  return {
    files,
    /** Resolves when the publisher is idle (for an orderly quit). */
    idle: () => running ?? Promise.resolve(),
    stop() {
      clearInterval(interval);
      files.stop();
      stopSettings();
      core.off('changed', onChanged);
      core.stopLive();
    },
  };
}
