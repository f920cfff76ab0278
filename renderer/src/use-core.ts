import { useCallback, useEffect, useState } from 'react';
import type { RicochetApi } from '../../shared/ipc-contract';
import { getApi } from './api';
import { onShown, pageHidden } from './page-visibility';

/** Calls running now, by key: two components asking for the board share one request. */
const inFlight = new Map<string, { request: Promise<unknown>; generation: number }>();
/**
 * How many changes the core has announced. A read started before the latest one is stale and
 * nobody joins it; every reader hears the same event, so it counts once per event.
 */
let generation = 0;
let counted = false;
const countChange = () => {
  if (counted) return;
  counted = true;
  generation++;
  queueMicrotask(() => (counted = false));
};
/** Reads started before their view was drawn (the board, at start): taken by its first readers. */
const primed = new Map<string, Promise<unknown>>();

/**
 * Starts a keyed read now, before the component that shows it is mounted (the board's read
 * then runs alongside the settings' instead of after them). A change from the core drops it.
 */
export function prefetch<T>(key: string, call: (api: RicochetApi) => Promise<T>) {
  const api = getApi();
  if (!api || primed.has(key)) return;
  const request = call(api);
  primed.set(key, request);
  const drop = () => primed.get(key) === request && primed.delete(key);
  // Kept a moment for the readers mounting with the first screen; later ones read afresh.
  request.then(() => setTimeout(drop, 2000), drop);
  const off = api.on('core:changed', () => {
    primed.delete(key);
    off();
  });
}

/**
 * Calls one API method, and again when the core says something changed. A burst of change
 * events causes at most one more read after the one running (no fixed delay: a status change
 * reaches the screen as soon as the core has it). A `key` lets components share the same read.
 */
export function useCore<T>(
  call: (api: RicochetApi) => Promise<T>,
  deps: unknown[] = [],
  key?: string,
): { data: T | undefined; error: string | null; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    const api = getApi();
    if (!api) return Promise.resolve();
    const running = key ? inFlight.get(key) : undefined;
    const shared = key
      ? ((primed.get(key) ?? (running?.generation === generation ? running.request : undefined)) as
          Promise<T> | undefined)
      : undefined;
    const request = shared ?? call(api);
    if (key && !shared) {
      const entry = { request, generation };
      inFlight.set(key, entry);
      void request.finally(() => inFlight.get(key) === entry && inFlight.delete(key)).catch(() => {});
    }
    return request.then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
    // The caller's deps are this read's inputs (as with useEffect's own list); `call` is a new
    // function each render and must not make a new read by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ...deps]);
  useEffect(() => {
    let running: Promise<void> | null = null;
    let again = false;
    let live = true;
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      running = load().finally(() => {
        running = null;
        if (again && live) {
          again = false;
          run();
        }
      });
    };
    // The first read runs even hidden, so a window prepared hidden opens with its content;
    // after that, a hidden page reads nothing until it is shown, then once.
    run();
    const off = getApi()?.on('core:changed', () => {
      countChange();
      if (key) primed.delete(key);
      if (!pageHidden()) run();
    });
    const offShown = onShown(run);
    return () => {
      live = false;
      offShown();
      off?.();
    };
  }, [load, key]);
  return { data, error, reload: load };
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
