import { timingSafeEqual } from 'node:crypto';
import type { WebSocket } from 'ws';
import { dispatch, type CoreHandlers } from '../core/index';

/**
 * The browser mode's stand-in for Electron IPC: the same contract over a WebSocket. The
 * first message must carry the per-run secret; every request is checked against the
 * contract's schema before its handler runs, exactly as the Electron router does.
 */
export function serveBridge(
  socket: WebSocket,
  secret: string,
  handlers: CoreHandlers,
  subscribe: (send: (event: string, payload?: unknown) => void) => () => void,
) {
  let authed = false;
  let unsubscribe: (() => void) | undefined;
  const timer = setTimeout(() => socket.close(4401, 'send the secret first'), 5000);
  // A malformed frame (invalid UTF-8, oversized) errors the socket: close it, never the process.
  socket.on('error', () => socket.terminate());
  socket.on('close', () => {
    clearTimeout(timer);
    unsubscribe?.();
  });
  socket.on('message', async (data) => {
    let message: { type?: string; secret?: string; id?: number; channel?: string; payload?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return socket.close(4400, 'not JSON');
    }
    // JSON that is not an object ("null", "3", "[]") is not a message either.
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      return socket.close(4400, 'not a message');
    if (!authed) {
      const given = Buffer.from(String(message.secret ?? ''));
      const expected = Buffer.from(secret);
      if (message.type !== 'hello' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return socket.close(4401, 'wrong secret');
      }
      authed = true;
      clearTimeout(timer);
      unsubscribe = subscribe(
        (event, payload) =>
          socket.readyState === socket.OPEN && socket.send(JSON.stringify({ event, payload })),
      );
      return socket.send(JSON.stringify({ type: 'ready' }));
    }
    const { id, channel } = message;
    const reply = (body: object) =>
      socket.readyState === socket.OPEN && socket.send(JSON.stringify({ id, ...body }));
    try {
      reply({ ok: true, result: await dispatch(handlers, channel, message.payload) });
    } catch (error) {
      reply({ ok: false, error: (error as Error).message });
    }
  });
}
