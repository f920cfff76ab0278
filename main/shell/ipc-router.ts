import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcContract, type IpcChannel, type IpcRequest, type IpcResponse } from '../../shared/ipc-contract';

export type IpcHandlers = { [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> };

/**
 * Registers one handler per contract channel. Each call must come from a frame whose URL
 * the shell trusts, and its payload must match the contract, before the core sees it.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: (url: string) => boolean,
): void {
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) throw new Error(`IPC ${channel} refused: untrusted sender ${url}`);
      const parsed = ipcContract[channel].request.safeParse(payload ?? {});
      if (!parsed.success) throw new Error(`IPC ${channel} refused: ${parsed.error.issues[0]?.message}`);
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return handler(parsed.data);
    });
  }
}
