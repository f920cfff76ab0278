import { watch, type FSWatcher } from 'node:fs';
import type { DesktopCore } from './desktop-core';

/**
 * What runs while the app is open: the live sync, and the publisher every minute and
 * whenever a calendar file changes on disk. Returns a stop function.
 */
export function startBackground(
  core: DesktopCore,
  options: { intervalMs?: number; onError?: (e: Error) => void } = {},
) {
  const onError = options.onError ?? (() => {});
  let running = false;
  const publish = async () => {
    if (running) return;
    running = true;
    try {
      await core.publish();
    } catch (error) {
      onError(error as Error);
    } finally {
      running = false;
    }
  };
  core.sync?.start();
  const interval = setInterval(() => void publish(), options.intervalMs ?? 60_000);
  const watchers: FSWatcher[] = [];
  let debounce: ReturnType<typeof setTimeout> | undefined;
  for (const source of core.config.calendars.filter((c) => c.kind === 'file')) {
    try {
      watchers.push(
        watch(source.location, () => {
          clearTimeout(debounce);
          debounce = setTimeout(() => void publish(), 300);
        }),
      );
    } catch (error) {
      onError(error as Error); // a missing file: its warning shows in the calendar state
    }
  }
  void publish();
  return () => {
    clearInterval(interval);
    clearTimeout(debounce);
    for (const w of watchers) w.close();
    core.sync?.stop();
  };
}
