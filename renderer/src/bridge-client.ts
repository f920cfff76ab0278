import { ipcChannels, methodName, type IpcEvent } from '../../shared/ipc-channels';
import type { RicochetApi } from '../../shared/ipc-contract';

/**
 * The browser mode's API: the same methods as the preload, over the local WebSocket
 * bridge. The per-run secret comes from the URL fragment and is sent as the first message.
 */
/** The local core cannot be reached: stopped, or this page's link is from another run. */
export class BridgeDown extends Error {
  constructor() {
    super('bridge-down');
  }
}

export function connectBridge(
  secret: string,
  onState: (connected: boolean, refused?: boolean) => void,
): RicochetApi {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;
  let retry = 500;
  let refused = false;

  const open = () => {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`);
    let unreachable: (error: Error) => void = () => {};
    ready = new Promise((resolve, reject) => {
      unreachable = reject;
      socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'hello', secret })));
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as {
          type?: string;
          id?: number;
          ok?: boolean;
          result?: unknown;
          error?: string;
          event?: IpcEvent;
          payload?: unknown;
        };
        if (message.type === 'ready') {
          retry = 500;
          onState(true);
          resolve();
        } else if (message.event) listeners.get(message.event)?.forEach((l) => l(message.payload));
        else if (message.id !== undefined) {
          const call = pending.get(message.id);
          pending.delete(message.id);
          if (message.ok) call?.resolve(message.result);
          else call?.reject(new Error(message.error));
        }
      });
    });
    // A call waiting for this socket's "ready" is told the core is down, rather than waiting forever.
    ready.catch(() => {});
    socket.addEventListener('close', (event) => {
      unreachable(new BridgeDown());
      for (const call of pending.values()) call.reject(new BridgeDown());
      pending.clear();
      // A secret from another run is refused for good: asking again would not help.
      if (event.code === 4401) {
        refused = true;
        onState(false, true);
        return;
      }
      onState(false);
      setTimeout(open, (retry = Math.min(retry * 2, 10_000)));
    });
  };
  open();

  const call = async (channel: string, payload: unknown) => {
    // With the core stopped (or this page's link refused), say so at once instead of waiting.
    if (refused || socket.readyState !== WebSocket.OPEN) {
      await Promise.race([ready, new Promise((r) => setTimeout(r, 1500))]);
      if (refused || socket.readyState !== WebSocket.OPEN) throw new BridgeDown();
    }
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, channel, payload: payload ?? {} }));
    });
  };
  const api: Record<string, unknown> = Object.fromEntries(
    ipcChannels.map((c) => [methodName(c), (p: unknown) => call(c, p)]),
  );
  api['on'] = (event: IpcEvent, listener: (payload: unknown) => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  };
  return api as RicochetApi;
}
