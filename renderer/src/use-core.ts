import { useCallback, useEffect, useState } from 'react';
import type { RicochetApi } from '../../shared/ipc-contract';
import { getApi } from './api';

/** Calls running now, by key: two components asking for the board share one request. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Calls one API method, and again when the core says something changed (bursts of change
 * events within 50 ms cause one read). A `key` lets components share the same read.
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
    if (!api) return;
    const shared = key ? (inFlight.get(key) as Promise<T> | undefined) : undefined;
    const request = shared ?? call(api);
    if (key && !shared) {
      inFlight.set(key, request);
      void request.finally(() => inFlight.delete(key)).catch(() => {});
    }
    request.then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, deps);
  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = getApi()?.on('core:changed', () => {
      clearTimeout(timer);
      timer = setTimeout(load, 50);
    });
    return () => {
      clearTimeout(timer);
      off?.();
    };
  }, [load]);
  return { data, error, reload: load };
}

/** The current time, re-rendering at `next` (the status engine's next change) and every minute. */
export function useNow(next: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const wait = Math.min(
      next === null ? Infinity : Math.max(0, next - Date.now()) + 20,
      60_000 - (Date.now() % 60_000),
    );
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [now, next]);
  return now;
}
