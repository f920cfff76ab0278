import { z } from 'zod';

/**
 * The one list of IPC channels between the renderer and the core. The preload builds one
 * method per entry, the shell validates every payload against `request` before a handler
 * runs, and the browser mode's bridge serves the same list, so the three never drift.
 */
export const ipcContract = {
  'app:info': {
    request: z.object({}).strict(),
    response: z.object({ version: z.string(), platform: z.string(), mode: z.enum(['electron', 'browser']) }),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** `app:info` becomes `appInfo`: the method name the renderer calls. */
export function methodName(channel: IpcChannel): string {
  return channel.replace(/[:-](\w)/g, (_, c: string) => c.toUpperCase());
}

export type RicochetApi = {
  [C in IpcChannel as C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : never]: (
    request: IpcRequest<C>,
  ) => Promise<IpcResponse<C>>;
};
