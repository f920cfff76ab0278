import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../../shared/ipc-channels';
import { dispatch, type CoreHandlers } from '../core/index';

/**
 * Registers one handler per contract channel. Each call must come from a frame whose URL the
 * shell trusts; then the core's one dispatch checks the payload against the contract.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: CoreHandlers,
  isTrustedSender: (url: string) => boolean,
): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) throw new Error(`IPC ${channel} refused: untrusted sender ${url}`);
      return dispatch(handlers, channel, payload);
    });
  }
}
