import { randomUUID } from 'node:crypto';
import { findCommonSlots } from '../../shared/availability/find-time';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { statusLabel } from '../../shared/i18n/status-messages';
import { computeStatus } from '../../shared/status/status-engine';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../shared/ipc-contract';
import { DAY_MS, isoInstant } from '../../shared/time/zoned-time';
import { sourceFor, type DesktopCore } from './desktop-core';
import { FreeWatch } from './free-watch';
import { memberStatus } from './person-status';
import { memberViews, postViews, settingsView } from './view-models';

export type CoreHandlers = { [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> };

/**
 * The renderer's API, implemented once on the core: the Electron IPC router and the
 * browser-mode bridge both serve these handlers, after validating each payload.
 */
export interface CoreApiExtras {
  /** Hosting a team in-process lives outside the core (it needs the server): injected. */
  startTeam?: (input: IpcRequest<'team:start'>) => Promise<{ server: string; invite: string; link: string }>;
}

export function createCoreApi(
  core: DesktopCore,
  info: { version: string; platform: string; mode: 'electron' | 'browser' },
  notify: (memberId: string) => void,
  now: () => number = Date.now,
  extras: CoreApiExtras = {},
): CoreHandlers {
  const watch = new FreeWatch(
    (id, t) => {
      const member = core.members().find((m) => m.id === id);
      return member && memberStatus(member, t);
    },
    notify,
    now,
  );
  core.on('changed', () => watch.check());

  return {
    'app:info': async () => info,
    'board:get': async () => {
      const t = now();
      return {
        members: memberViews(core, t),
        freshness: { ...core.freshness(), inTeam: !!core.me },
        now: isoInstant(t),
      };
    },
    'feed:get': async (request) => ({ posts: postViews(core, request) }),
    'post:create': async ({ text }) => {
      const result = await core.post(text, now());
      return { delivered: result.delivered, kind: result.parsed.kind, message: result.detail ?? null };
    },
    'post:edit': async ({ id, text }) => {
      if (!core.me) return { ok: false };
      core.cache.enqueue({
        id: randomUUID(),
        kind: 'edit-post',
        method: 'PATCH',
        path: `/v1/posts/${encodeURIComponent(id)}`,
        body: JSON.stringify({ text }),
      });
      await core.sync?.flush();
      await core.refresh();
      core.emit('changed');
      return { ok: true };
    },
    'post:delete': async ({ id }) => {
      if (!core.me) return { ok: false };
      core.cache.enqueue({
        id: randomUUID(),
        kind: 'delete-post',
        method: 'DELETE',
        path: `/v1/posts/${encodeURIComponent(id)}`,
        body: null,
      });
      await core.sync?.flush();
      await core.refresh();
      core.emit('changed');
      return { ok: true };
    },
    'me:get': async () => {
      const t = now();
      const [day, week] = await Promise.all([core.digest('day', t), core.digest('week', t)]);
      const report =
        core.engine.sourceCount > 0
          ? core.engine.report({ from: t - DAY_MS, to: t + 14 * DAY_MS }, t)
          : undefined;
      const me = core.members().find((m) => m.id === core.me?.id);
      const mine = me && core.withStatus(me, t);
      // Alone (no team yet) my state comes from my own calendars, through the same engine.
      const alone = computeStatus(
        { busy: report?.busy ?? [], hours: parseWorkingHours(core.config.hours), timezone: core.config.tz },
        t,
      );
      return {
        state: mine?.computed.state ?? alone.state,
        label: mine?.label ?? statusLabel(alone, t, core.config.locale ?? 'en', core.config.tz),
        loadToday: report?.summary.loadToday ?? 0,
        loadWeek: report?.summary.loadWeek ?? 0,
        nextFree: report?.summary.nextFree
          ? { start: isoInstant(report.summary.nextFree.from), end: isoInstant(report.summary.nextFree.to) }
          : null,
        meetingsToday: day.meetings,
        digest: {
          day: { text: day.text, markdown: day.markdown },
          week: { text: week.text, markdown: week.markdown },
        },
        calendars: core.config.calendars.length,
      };
    },
    'findtime:get': async ({ memberIds, minutes }) => {
      const t = now();
      const members = core.members().filter((m) => memberIds.includes(m.id));
      const attendees = members.map((m) => ({
        busy: (m.availability?.busy ?? []).map((b) => ({
          start: Date.parse(b.start),
          end: Date.parse(b.end),
          kind: b.kind,
        })),
        hours: m.profile.workingHours,
        timezone: m.profile.timezone,
      }));
      const from = Math.ceil(t / 900_000) * 900_000;
      const slots = findCommonSlots(attendees, { from, to: t + 14 * DAY_MS }, minutes);
      return { slots: slots.map((s) => ({ start: isoInstant(s.from), end: isoInstant(s.to) })) };
    },
    'settings:get': async () => settingsView(core),
    'settings:update': async (patch) => {
      const { locale, ...rest } = patch;
      core.updateConfig({
        ...core.config,
        ...rest,
        ...(locale === undefined ? {} : locale === null ? { locale: undefined } : { locale }),
      });
      await core.publish().catch(() => undefined);
      return settingsView(core);
    },
    'calendars:add': async ({ location, name, user, password, ignoreAllDay, shareTitles }) => {
      const isUrl = /^(https?|webcals?):\/\//i.test(location);
      const entry = {
        id: randomUUID(),
        kind: user ? ('caldav' as const) : isUrl ? ('feed' as const) : ('file' as const),
        location,
        ...(name ? { name } : {}),
        ...(user ? { user } : {}),
        ignoreAllDay: !!ignoreAllDay,
        shareTitles: !!shareTitles,
      };
      sourceFor(entry, core.secrets); // a bad address fails here, before anything is saved
      if (password) core.secrets.set(`caldav:${entry.id}`, password);
      core.updateConfig({ ...core.config, calendars: [...core.config.calendars, entry] });
      await core.publish().catch(() => undefined);
      return settingsView(core);
    },
    'calendars:update': async ({ id, ...patch }) => {
      core.updateConfig({
        ...core.config,
        calendars: core.config.calendars.map((c) => (c.id === id ? { ...c, ...patch } : c)),
      });
      await core.publish().catch(() => undefined);
      return settingsView(core);
    },
    'calendars:remove': async ({ id }) => {
      core.updateConfig({ ...core.config, calendars: core.config.calendars.filter((c) => c.id !== id) });
      core.secrets.delete(`caldav:${id}`);
      await core.publish().catch(() => undefined);
      return settingsView(core);
    },
    'team:join': async (input) => {
      await core.login(input);
      core.sync?.start();
      await core.publish().catch(() => undefined);
      core.emit('changed');
      return settingsView(core);
    },
    'team:leave': async () => {
      core.leave();
      return settingsView(core);
    },
    'team:start': async (input) => {
      if (!extras.startTeam) throw new Error('starting a team is not available here');
      if (core.me) throw new Error('this profile is already in a team: leave it first');
      return extras.startTeam(input);
    },
    'watch:free': async ({ memberId }) => {
      watch.watch(memberId);
      return { watching: watch.watching };
    },
  };
}
