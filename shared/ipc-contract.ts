import { z } from 'zod';
import type { IpcEvent } from './ipc-channels';
import { settingsPatchShape } from './settings/settings-schema';
import type {
  AskView,
  DeviceView,
  Freshness,
  MemberView,
  MyDayView,
  PersonMatch,
  PostView,
  SettingsView,
  TeamChoice,
} from './views';

export { ipcEvents, methodName, type IpcEvent } from './ipc-channels';

const none = z.object({}).strict();
const reply = <T>() => z.custom<T>();

/**
 * The one list of IPC channels between the renderer and the core. The preload builds one
 * method per entry, the shell and the browser bridge validate every payload against
 * `request` before a handler runs, and all three serve the same list, so they never drift.
 */
export const ipcContract = {
  'app:info': {
    request: none,
    response: reply<{
      version: string;
      platform: string;
      mode: 'electron' | 'browser';
      /** The packaged app (open at login defaults to on there). */
      packaged: boolean;
    }>(),
  },
  /** What to send IT: the diagnostics text; `copy` puts it on the clipboard where the front end can. */
  'app:diagnostics': {
    request: z.object({ copy: z.boolean() }).strict(),
    response: reply<{ text: string; copied: boolean }>(),
  },
  /** Opens the logs folder where the front end can; its path either way. */
  'app:openLogs': {
    request: none,
    response: reply<{ folder: string; opened: boolean }>(),
  },
  /** An update downloaded and ready to install (the desktop app), or null. */
  'app:update': {
    request: none,
    response: reply<{ ready: string | null }>(),
  },
  /** "Restart to update": false when nothing is ready or a post is being typed. */
  'app:restartToUpdate': {
    request: none,
    response: reply<{ restarting: boolean }>(),
  },
  /** "as of 10:42 · offline": the one line always in sight, without reading the board. */
  'freshness:get': {
    request: none,
    response: reply<Freshness>(),
  },
  'board:get': {
    /** `team`: one of my teams; null: all of them; absent: the one chosen on the board (Settings). */
    request: z.object({ team: z.string().max(100).nullable().optional() }).strict(),
    response: reply<{
      members: MemberView[];
      freshness: Freshness;
      now: string;
      /** My teams, by name, and the one shown (null: all of them). */
      teams: TeamChoice[];
      team: string | null;
      /** Everyone in all my teams, each counted once (with me). */
      watched: number;
    }>(),
  },
  'feed:get': {
    request: z
      .object({
        before: z.string().max(40).optional(),
        tag: z.string().max(40).optional(),
        mention: z.string().max(80).optional(),
        decisions: z.boolean().optional(),
        /** One of my teams: its people's posts only. */
        team: z.string().max(80).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    response: reply<{ posts: PostView[] }>(),
  },
  'post:create': {
    request: z.object({ text: z.string().min(1).max(600) }).strict(),
    response: reply<{
      delivered: 'sent' | 'queued' | 'local' | 'rejected';
      kind: 'post' | 'status' | 'clear' | 'error' | 'ask' | 'decision';
      message: string | null;
      /** For /ask: when it reaches the person, in words. */
      ask: { to: string; deliverAt: string; message: string } | null;
      headsUps: { name: string; message: string }[];
    }>(),
  },
  'post:edit': {
    request: z.object({ id: z.string().min(1).max(64), text: z.string().trim().min(1).max(500) }).strict(),
    response: reply<{ ok: boolean }>(),
  },
  'post:delete': {
    request: z.object({ id: z.string().min(1).max(64) }).strict(),
    response: reply<{ ok: boolean }>(),
  },
  'me:get': { request: none, response: reply<MyDayView>() },
  'findtime:get': {
    request: z
      .object({
        memberIds: z.array(z.string().max(64)).min(1).max(50),
        minutes: z
          .number()
          .int()
          .min(5)
          .max(8 * 60),
      })
      .strict(),
    response: reply<{
      slots: { start: string; end: string }[];
      /** Picked people who never shared a calendar: not counted (not taken as free). */
      unshared: { id: string; name: string }[];
    }>(),
  },
  'settings:get': { request: none, response: reply<SettingsView>() },
  'settings:update': {
    request: settingsPatchShape,
    response: reply<SettingsView>(),
  },
  'calendars:add': {
    request: z
      .object({
        location: z.string().min(1).max(2000),
        name: z.string().max(80).optional(),
        user: z.string().max(200).optional(),
        password: z.string().max(500).optional(),
        ignoreAllDay: z.boolean().optional(),
        shareTitles: z.boolean().optional(),
        /** Add it even though it cannot be read now. */
        anyway: z.boolean().optional(),
      })
      .strict(),
    response: reply<SettingsView>(),
  },
  'calendars:import': {
    request: z
      .object({
        name: z.string().min(1).max(200),
        text: z
          .string()
          .min(1)
          .max(4 * 1024 * 1024),
      })
      .strict(),
    response: reply<SettingsView>(),
  },
  'calendars:update': {
    request: z
      .object({
        id: z.string().max(64),
        ignoreAllDay: z.boolean().optional(),
        shareTitles: z.boolean().optional(),
        name: z.string().max(80).optional(),
      })
      .strict(),
    response: reply<SettingsView>(),
  },
  'calendars:remove': {
    request: z.object({ id: z.string().max(64) }).strict(),
    response: reply<SettingsView>(),
  },
  /** Which providers the organisation's admin set an app for: the buttons Settings offers. */
  'calendars:apps': { request: none, response: reply<{ microsoft: boolean; google: boolean }>() },
  /** Signs in to Microsoft 365 or Google in the system browser and adds that calendar. */
  'calendars:connect': {
    request: z.object({ provider: z.enum(['microsoft', 'google']) }).strict(),
    response: reply<SettingsView>(),
  },
  /** A calendar whose sign-in expired or was revoked: sign in again (its settings stay). */
  'calendars:signInAgain': {
    request: z.object({ id: z.string().max(64) }).strict(),
    response: reply<SettingsView>(),
  },
  'team:join': {
    request: z
      .object({
        server: z.url().max(500),
        invite: z.string().min(1).max(100),
        name: z.string().min(1).max(80),
        email: z.email().max(200),
      })
      .strict(),
    response: reply<SettingsView>(),
  },
  'team:leave': { request: none, response: reply<SettingsView>() },
  /** Signs this computer in as someone already a member, with a code from one of their devices. */
  'team:deviceLogin': {
    request: z.object({ server: z.url().max(500), code: z.string().trim().min(1).max(20) }).strict(),
    response: reply<SettingsView>(),
  },
  /** Signs in with the company's identity provider, in the system browser. */
  'team:ssoLogin': {
    request: z.object({ server: z.url().max(500), org: z.string().max(100).optional() }).strict(),
    response: reply<SettingsView>(),
  },
  'devices:get': { request: none, response: reply<{ devices: DeviceView[] }>() },
  /** A one-time code for another computer, and the server to enter with it. */
  'devices:add': { request: none, response: reply<{ code: string; expiresAt: string; server: string }>() },
  'devices:remove': {
    request: z.object({ id: z.string().min(1).max(100) }).strict(),
    response: reply<{ devices: DeviceView[] }>(),
  },
  'team:start': {
    request: z
      .object({
        teamName: z.string().trim().min(1).max(80),
        name: z.string().trim().min(1).max(80),
        email: z.email().max(200),
        host: z.enum(['127.0.0.1', '0.0.0.0']).optional(),
        port: z.number().int().min(1024).max(65535).optional(),
      })
      .strict(),
    response: reply<{
      server: string;
      invite: string;
      link: string;
      /** Every address teammates may use, with the network it belongs to. */
      addresses: { address: string; via: string }[];
    }>(),
  },
  'team:revokeInvite': {
    request: z.object({ code: z.string().min(1).max(100) }).strict(),
    response: reply<{ ok: boolean }>(),
  },
  'join:pending': {
    request: none,
    response: reply<{ link: { server: string; code: string } | null }>(),
  },
  'demo:start': { request: none, response: reply<SettingsView>() },
  'demo:remove': { request: none, response: reply<SettingsView>() },
  'asks:get': { request: none, response: reply<{ toMe: AskView[]; fromMe: AskView[] }>() },
  'asks:update': {
    request: z
      .object({
        id: z.string().min(1).max(64),
        action: z.enum(['seen', 'answer', 'snooze', 'dismiss']),
        text: z.string().trim().min(1).max(500).optional(),
        minutes: z
          .number()
          .int()
          .min(5)
          .max(7 * 24 * 60)
          .optional(),
      })
      .strict(),
    response: reply<{ ok: boolean }>(),
  },
  'post:preview': {
    request: z.object({ text: z.string().min(1).max(600) }).strict(),
    response: reply<{ headsUps: { name: string; message: string }[] }>(),
  },
  'watch:free': {
    request: z.object({ memberId: z.string().max(64) }).strict(),
    response: reply<{ watching: string[] }>(),
  },
  /** "Who knows about…" across the whole organisation, best first (at most 20). */
  'people:search': {
    request: z.object({ query: z.string().min(1).max(80) }).strict(),
    response: reply<{ people: PersonMatch[] }>(),
  },
  'people:mention': {
    request: z.object({ typed: z.string().max(80) }).strict(),
    response: reply<{ people: MemberView[] }>(),
  },
  'star:set': {
    request: z.object({ memberId: z.string().max(64), on: z.boolean() }).strict(),
    response: reply<{ ok: boolean; stars: string[] }>(),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

type CamelCase<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : S;

/**
 * What each core event carries to the windows: the session checks it against its schema before
 * sending (sendEvent), and the windows receive it typed.
 */
export const ipcEventSchemas = {
  /** Something a view shows changed: read again. */
  'core:changed': z.undefined(),
  /** A notification, also shown in the open windows. */
  'core:notify': z.object({
    kind: z.enum(['free', 'mention', 'decision', 'ask', 'answer']),
    memberId: z.string(),
    name: z.string(),
    text: z.string().optional(),
  }),
  /** A ricochet://join link was opened: the join form reads it (join:pending). */
  'core:join-link': z.object({ server: z.string(), code: z.string() }),
  /** A clicked notification: the view that holds what it was about. */
  'core:open': z.object({ view: z.enum(['feed', 'me', 'board']) }),
} satisfies Record<IpcEvent, z.ZodType>;

export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEventSchemas)[E]>;
/** A view to open (a clicked notification). */
export type OpenTarget = IpcEventPayload<'core:open'>;
/** How the session tells the windows of an event (each front end delivers it its way). */
export type SendEvent = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

export type RicochetApi = {
  [C in IpcChannel as CamelCase<C>]: (request: IpcRequest<C>) => Promise<IpcResponse<C>>;
} & {
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
};
