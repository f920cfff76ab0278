// Exposes one method per IPC channel and nothing else: the renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcContract, methodName, type IpcChannel } from '../shared/ipc-contract';

const api = Object.fromEntries(
  (Object.keys(ipcContract) as IpcChannel[]).map((channel) => [
    methodName(channel),
    (request: unknown) => ipcRenderer.invoke(channel, request),
  ]),
);

contextBridge.exposeInMainWorld('ricochet', api);
