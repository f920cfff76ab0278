import type { RicochetApi } from '../../shared/ipc-contract';
import { connectBridge } from './bridge-client';

declare global {
  interface Window {
    ricochet?: RicochetApi;
  }
}

let bridged: RicochetApi | undefined;
const stateListeners = new Set<(connected: boolean) => void>();

/** The core's API: the preload's in Electron, the local bridge in the browser mode. */
export function getApi(): RicochetApi | undefined {
  if (window.ricochet) return window.ricochet;
  const secret = new URLSearchParams(location.hash.slice(1)).get('secret');
  if (!secret) return undefined;
  bridged ??= connectBridge(secret, (connected) => stateListeners.forEach((l) => l(connected)));
  return bridged;
}

export function onBridgeState(listener: (connected: boolean) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
