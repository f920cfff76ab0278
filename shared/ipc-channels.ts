/**
 * The IPC channel names alone, free of any library: the sandboxed preload can only bundle
 * plain code, so it builds its methods from this list while the core validates payloads
 * with the schemas of ipc-contract.ts (a test keeps the two lists equal).
 */
export const ipcChannels = [
  'app:info',
  'app:diagnostics',
  'app:openLogs',
  'app:update',
  'app:restartToUpdate',
  'board:get',
  'freshness:get',
  'feed:get',
  'post:create',
  'post:edit',
  'post:delete',
  'me:get',
  'findtime:get',
  'settings:get',
  'settings:update',
  'calendars:add',
  'calendars:import',
  'calendars:update',
  'calendars:remove',
  'calendars:apps',
  'calendars:connect',
  'calendars:signInAgain',
  'team:join',
  'team:leave',
  'team:start',
  'team:revokeInvite',
  'team:deviceLogin',
  'team:ssoLogin',
  'devices:get',
  'devices:add',
  'devices:remove',
  'join:pending',
  'demo:start',
  'demo:remove',
  'asks:get',
  'asks:update',
  'post:preview',
  'watch:free',
  'people:search',
  'people:mention',
  'star:set',
] as const;

/** Pushed from the core to the renderer: something changed, read again; or a notification. */
export const ipcEvents = ['core:changed', 'core:notify', 'core:join-link', 'core:open'] as const;

/** Where a clicked notification takes the person (`core:open`): the view that holds it. */
export type IpcEvent = (typeof ipcEvents)[number];

/** `board:get` becomes `boardGet`: the method name the renderer calls. */
export function methodName(channel: string): string {
  return channel.replace(/[:-](\w)/g, (_, c: string) => c.toUpperCase());
}
