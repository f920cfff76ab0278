import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc-contract';
import { isoInstant } from '../../shared/time/zoned-time';
import { mkdirSync } from 'node:fs';
import type { DesktopCore } from './desktop-core';
import { diagnosticsText } from './diagnostics';
import { askViews, memberViews, mentionViews, postViews, settingsView } from './view-models';
import { appInput } from './provider-calendars';
import { noCalendarApps } from '../../shared/protocol/responses';

export type CoreHandlers = { [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> };

/** What a front end adds that the core cannot do alone (hosting needs the server; join links the shell). */
export interface SessionServices {
  startTeam: (input: IpcRequest<'team:start'>) => Promise<IpcResponse<'team:start'>>;
  startDemo: () => Promise<void>;
  removeDemo: () => Promise<void>;
  /** A ricochet://join link waiting for the join form, taken once. */
  takeJoinLink: () => { server: string; code: string } | null;
  /** Opens a sign-in page in the system browser (Electron's shell, or $BROWSER and the OS opener). */
  openBrowser: (url: string) => Promise<void>;
  /** What only the desktop app can do (the browser mode has none of these). */
  app?: AppServices;
}

/** The desktop app's own powers, given by the Electron shell; set late where made late (updates). */
export interface AppServices {
  openFolder?: (path: string) => Promise<void>;
  copyText?: (text: string) => void;
  update?: { readonly ready: string | undefined; restart(): boolean };
}

/**
 * The renderer's API, served once on the core's façade: the Electron IPC router and the
 * browser-mode bridge both call these handlers, after validating each payload.
 */
export function createCoreApi(
  core: DesktopCore,
  info: IpcResponse<'app:info'>,
  services: SessionServices,
  now: () => number = Date.now,
): CoreHandlers {
  const settings = async () => settingsView(core);
  const freshness = () => ({ ...core.reads.freshness(), inTeam: !!core.reads.me });
  return {
    'app:info': async () => info,
    'app:diagnostics': async ({ copy }) => {
      const text = diagnosticsText(core, info, now());
      const copier = copy ? services.app?.copyText : undefined;
      copier?.(text);
      return { text, copied: !!copier };
    },
    'app:openLogs': async () => {
      const folder = core.log.folder;
      mkdirSync(folder, { recursive: true });
      const open = services.app?.openFolder;
      await open?.(folder);
      return { folder, opened: !!open };
    },
    'app:update': async () => ({ ready: services.app?.update?.ready ?? null }),
    'app:restartToUpdate': async () => ({ restarting: services.app?.update?.restart() ?? false }),
    'freshness:get': async () => freshness(),
    'board:get': async ({ team }) => {
      const t = now();
      const teams = core.reads.teams();
      // A saved choice of a team I have since left shows all my teams (shownOnBoard).
      const chosen = team === undefined ? core.reads.config.boardTeam : team;
      const shown = teams.some((x) => x.id === chosen) ? chosen : null;
      return {
        members: memberViews(core, t, shown),
        freshness: freshness(),
        now: isoInstant(t),
        teams: teams.map((x) => ({ id: x.id, name: x.name, size: x.members.length })),
        team: shown,
        watched: core.reads.shown().length,
      };
    },
    'feed:get': async (request) => ({ posts: postViews(core, request) }),
    'post:create': async ({ text }) => {
      const result = await core.commands.post(text, now());
      return {
        delivered: result.delivered,
        kind: result.parsed.kind,
        message: result.detail ?? null,
        ask: result.ask ?? null,
        headsUps: (result.headsUps ?? []).map((h) => ({ name: h.name, message: h.message })),
      };
    },
    'post:edit': async ({ id, text }) => ({
      ok: (await core.commands.editPost(id, text)).delivered !== 'local',
    }),
    'post:delete': async ({ id }) => ({ ok: (await core.commands.deletePost(id)).delivered !== 'local' }),
    'me:get': async () => core.reads.myDay(now()),
    'findtime:get': async ({ memberIds, minutes }) => core.reads.findTime(memberIds, minutes, now()),
    'settings:get': settings,
    'settings:update': async (patch) => {
      await core.commands.updateSettings(patch);
      return settings();
    },
    'calendars:add': async (input) => {
      await core.commands.addCalendar(input);
      return settings();
    },
    'calendars:import': async ({ name, text }) => {
      await core.commands.importCalendar(name, text);
      return settings();
    },
    'calendars:update': async ({ id, ...patch }) => {
      await core.commands.updateCalendar(id, patch);
      return settings();
    },
    'calendars:remove': async ({ id }) => {
      await core.commands.removeCalendar(id);
      return settings();
    },
    'calendars:apps': async () => {
      const apps = await core.reads.calendarApps().catch(() => noCalendarApps);
      return { microsoft: !!apps.microsoft, google: !!apps.google };
    },
    'calendars:connect': async ({ provider }) => {
      const input = appInput(provider, await core.reads.calendarApps());
      if (!input)
        throw new Error(
          'your organisation has not set this up yet: an admin runs ricochet admin calendar-apps',
        );
      await core.commands.connectCalendar(input, { kind: 'browser', open: services.openBrowser });
      return settings();
    },
    'calendars:signInAgain': async ({ id }) => {
      await core.commands.signInCalendarAgain(id, { kind: 'browser', open: services.openBrowser });
      return settings();
    },
    'team:join': async (input) => {
      await core.commands.join(input);
      return settings();
    },
    'team:deviceLogin': async (input) => {
      await core.commands.loginWithDeviceCode(input);
      return settings();
    },
    'team:ssoLogin': async ({ server, org }) => {
      await core.commands.loginWithSso({ server, ...(org ? { org } : {}), open: services.openBrowser });
      return settings();
    },
    'devices:get': async () => ({ devices: await core.reads.devices() }),
    'devices:add': async () => ({
      ...(await core.commands.addDevice()),
      server: core.reads.identity?.server ?? '',
    }),
    'devices:remove': async ({ id }) => {
      await core.commands.removeDevice(id);
      // Signing this computer out leaves the team: nothing is left to list.
      return { devices: core.reads.me ? await core.reads.devices() : [] };
    },
    'team:leave': async () => {
      core.commands.leave();
      return settings();
    },
    'team:start': async (input) => {
      if (core.reads.me) throw new Error('this profile is already in a team: leave it first');
      return services.startTeam(input);
    },
    'team:revokeInvite': async ({ code }) => {
      await core.commands.revokeInvite(code);
      return { ok: true };
    },
    'join:pending': async () => ({ link: services.takeJoinLink() }),
    'demo:start': async () => {
      if (core.reads.me) throw new Error('this profile is already in a team: leave it first');
      await services.startDemo();
      return settings();
    },
    'demo:remove': async () => {
      if (!core.reads.hosting?.demo) throw new Error('there is no demo team to remove');
      await services.removeDemo();
      return settings();
    },
    'watch:free': async ({ memberId }) => ({ watching: core.commands.watchFree(memberId) }),
    'people:search': async ({ query }) => ({ people: core.reads.search(query) }),
    'people:mention': async ({ typed }) => ({ people: mentionViews(core, typed, now()) }),
    'star:set': async ({ memberId, on }) => {
      const result = await core.commands.star(memberId, on);
      return { ok: result.delivered !== 'rejected', stars: core.reads.stars() };
    },
    'asks:get': async () => askViews(core, now()),
    'asks:update': async ({ id, action, text, minutes }) => {
      const until = minutes ? isoInstant(Math.ceil((now() + minutes * 60_000) / 60_000) * 60_000) : undefined;
      const result = await core.commands.updateAsk(id, {
        action,
        ...(text ? { text } : {}),
        ...(until ? { until } : {}),
      });
      return { ok: result.delivered !== 'local' && result.delivered !== 'rejected' };
    },
    'post:preview': async ({ text }) => ({
      headsUps: core.reads.previewDecision(text, now()).map((h) => ({ name: h.name, message: h.message })),
    }),
  };
}
