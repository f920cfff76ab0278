import type { RicochetApi } from '../../shared/ipc-contract';

declare global {
  interface Window {
    ricochet?: RicochetApi;
  }
}

/** The core's API: the preload's in Electron; absent until a bridge provides it. */
export function getApi(): RicochetApi | undefined {
  return window.ricochet;
}
