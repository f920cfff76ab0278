import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { CoreStore, CoreRead } from './core-store';
import { onShown, pageHidden } from './page-visibility';

/** The window's one store of core reads, provided by main.tsx. */
export const CoreStoreContext = createContext<CoreStore | null>(null);

export function useCoreStore(): CoreStore {
  const store = useContext(CoreStoreContext);
  if (!store) throw new Error('useCore needs the CoreStoreContext provider (main.tsx)');
  return store;
}

/**
 * One read of the core, by key: the key names the read and everything it depends on (`['feed',
 * filter]`), so views showing the same key share its answer, and a new input is a new read. It
 * reads again when the core says something changed (see CoreStore).
 */
export function useCore<T>(
  key: string | readonly unknown[],
  read: CoreRead<T>,
): { data: T | undefined; error: string | null; reload: () => void } {
  const store = useCoreStore();
  const id = typeof key === 'string' ? key : JSON.stringify(key);
  // The key holds the read's inputs, so the latest function for it reads the same thing.
  const latest = useRef(read);
  latest.current = read;
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(id, (api) => latest.current(api), listener),
    [store, id],
  );
  const snapshot = useSyncExternalStore(subscribe, () => store.snapshot<T>(id));
  const reload = useCallback(() => store.reload(id), [store, id]);
  return { data: snapshot.data, error: snapshot.error, reload };
}

/**
 * The current time, re-rendering at `next` (the status engine's next change) and every minute,
 * while the page is shown; hidden, no timer runs, and showing it again brings the time up to date.
 */
export function useNow(next: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (pageHidden()) return onShown(() => setNow(Date.now()));
    const wait = Math.min(
      next === null ? Infinity : Math.max(0, next - Date.now()) + 20,
      60_000 - (Date.now() % 60_000),
    );
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [now, next]);
  return now;
}
