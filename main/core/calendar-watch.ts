import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Watches the folders of calendar files, not the files: editors and sync tools save by
 * writing a temporary file and renaming it over the old one, which leaves a watch on the
 * file deaf. `refresh` follows calendars added or removed since.
 */
export function watchCalendarFiles(
  files: () => readonly string[],
  onChange: () => void,
  options: { debounceMs?: number; onError?: (error: Error) => void } = {},
) {
  const watchers = new Map<string, { watcher: FSWatcher; names: Set<string> }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, options.debounceMs ?? 300);
  };

  const refresh = () => {
    const wanted = new Map<string, Set<string>>();
    for (const file of files()) {
      const dir = dirname(file);
      if (!wanted.has(dir)) wanted.set(dir, new Set());
      wanted.get(dir)!.add(basename(file));
    }
    for (const [dir, entry] of watchers)
      if (!wanted.has(dir)) {
        entry.watcher.close();
        watchers.delete(dir);
      }
    for (const [dir, names] of wanted) {
      const existing = watchers.get(dir);
      if (existing) {
        existing.names = names;
        continue;
      }
      try {
        const entry = { names, watcher: undefined as unknown as FSWatcher };
        entry.watcher = watch(dir, (_event, name) => {
          if (name === null || entry.names.has(String(name))) changed();
        });
        entry.watcher.on('error', (error) => options.onError?.(error));
        watchers.set(dir, entry);
      } catch (error) {
        options.onError?.(error as Error); // a missing folder: the calendar's warning says so
      }
    }
  };

  refresh();
  return {
    refresh,
    /** The folders watched now (for tests and diagnostics). */
    get folders() {
      return [...watchers.keys()];
    },
    stop() {
      clearTimeout(timer);
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
