import { useCallback, useEffect, useState } from 'react';
import type { RicochetApi } from '../../shared/ipc-contract';
import { getApi } from './api';

/** Calls one API method, and again whenever the core says something changed. */
export function useCore<T>(
  call: (api: RicochetApi) => Promise<T>,
  deps: unknown[] = [],
): { data: T | undefined; error: string | null; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    const api = getApi();
    if (!api) return;
    call(api).then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, deps);
  useEffect(() => {
    load();
    return getApi()?.on('core:changed', load);
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
