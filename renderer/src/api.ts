import type { RicochetApi } from '../../shared/ipc-contract';
import { connectBridge } from './bridge-client';

declare global {
  interface Window {
    ricochet?: RicochetApi;
  }
}

let bridged: RicochetApi | undefined;
let refusedLink = false;
const stateListeners = new Set<(connected: boolean, refused: boolean) => void>();

/** The core's API: the preload's in Electron, the local bridge in the browser mode. */
export function getApi(): RicochetApi | undefined {
  if (window.ricochet) return window.ricochet;
  const secret = new URLSearchParams(location.hash.slice(1)).get('secret');
  if (!secret) return undefined;
  bridged ??= connectBridge(secret, (connected, refused = false) => {
    refusedLink ||= refused;
    stateListeners.forEach((l) => l(connected, refusedLink));
  });
  return bridged;
}

/** The browser mode's link was refused (a secret from another run of `ricochet web`). */
export const linkRefused = () => refusedLink;

export function onBridgeState(listener: (connected: boolean, refused: boolean) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
