import { ipcContract, type IpcChannel } from '../../shared/ipc-contract';
import type { CoreHandlers } from './core-api';

/**
 * The one trust boundary between a window and the core, for both transports (Electron's IPC and
 * the browser mode's WebSocket): the channel must be in the contract and the payload must match
 * its schema before the handler runs. A refusal says which field and why.
 */
export async function dispatch(handlers: CoreHandlers, channel: unknown, payload: unknown): Promise<unknown> {
  if (typeof channel !== 'string' || !Object.hasOwn(ipcContract, channel))
    throw new Error(`unknown channel ${String(channel)}`);
  const parsed = ipcContract[channel as IpcChannel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${channel} refused: ${issue?.path.join('.') || 'payload'}: ${issue?.message}`);
  }
  const handler = handlers[channel as IpcChannel] as (request: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
