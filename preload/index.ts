// Exposes one method per IPC channel and a listener for the core's events, nothing else:
// the renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, ipcEvents, methodName, type IpcEvent } from '../shared/ipc-channels';

const api: Record<string, unknown> = Object.fromEntries(
  ipcChannels.map((channel) => [
    methodName(channel),
    (request: unknown) => ipcRenderer.invoke(channel, request ?? {}),
  ]),
);
api['on'] = (event: IpcEvent, listener: (payload: unknown) => void) => {
  if (!ipcEvents.includes(event)) throw new Error(`unknown event ${event}`);
  const wrapped = (_: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.off(event, wrapped);
};

contextBridge.exposeInMainWorld('ricochet', api);
