import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFile } from '../../../main/profile/config-file';
import { startDesktopSession, type DesktopSession } from '../../../main/session/desktop-session';
import { trayModel } from '../../../main/shell/tray-model';
import { teamServer } from '../../support/team-server';
import { waitFor } from '../../support/wait-for';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('the desktop session', () => {
  it('mentions notify me, in my language, unless I turned notifications off in Settings', async () => {
    const t = await teamServer('sqlite');
    cleanup.push(() => t.server.close());
    const notes: { title: string; body: string }[] = [];
    const events: string[] = [];
    // At work every hour of every day: notifications wait off hours, and this runs at any hour.
    const profileDir = mkdtempSync(join(tmpdir(), 'ricochet-session-'));
    new ConfigFile(profileDir).update((c) => ({ ...c, tz: 'UTC', hours: 'mon-sun 00:00-24:00' }));
    const session: DesktopSession = await startDesktopSession({
      profileDir,
      info: { version: 'test', platform: process.platform, mode: 'browser', packaged: false },
      notify: (title, body) => notes.push({ title, body }),
      broadcast: (event) => events.push(event),
      publishEveryMs: 3_600_000,
    });
    cleanup.push(() => session.shutdown());
    await session.api['team:join']({
      server: t.url,
      invite: t.team.invite,
      name: 'Cleo',
      email: 'c@acme.test',
    });
    session.core.commands.startLive();
    await waitFor(() => session.core.reads.freshness().online);

    await session.api['settings:update']({ notifications: false });
    // The post names Cleo by id, as the desktop and the CLI send it (notifications go by ids).
    const mentions = [session.core.reads.me!.id];
    await t.admin.api('POST', '/v1/posts', { id: crypto.randomUUID(), text: '@Cleo first', mentions });
    await waitFor(() => session.core.reads.feed().some((p) => p.text === '@Cleo first'));
    expect(notes).toEqual([]);

    await session.api['settings:update']({ notifications: true, locale: 'fr' });
    await t.admin.api('POST', '/v1/posts', { id: crypto.randomUUID(), text: '@Cleo second', mentions });
    await waitFor(() => notes.length > 0);
    expect(notes).toEqual([{ title: 'Ana vous mentionne', body: '@Cleo second' }]);
    expect(events).toContain('core:notify');
  });

  it('on a French system with no language chosen, everything it says is French', async () => {
    const t = await teamServer('sqlite');
    cleanup.push(() => t.server.close());
    const notes: { title: string; body: string }[] = [];
    const profileDir = mkdtempSync(join(tmpdir(), 'ricochet-session-'));
    // Always at work, so the ask below is delivered at once whatever the real clock says.
    new ConfigFile(profileDir).update((c) => ({ ...c, tz: 'UTC', hours: 'mon-sun 00:00-24:00' }));
    const session = await startDesktopSession({
      profileDir,
      systemLocale: 'fr-FR',
      info: { version: 'test', platform: process.platform, mode: 'browser', packaged: false },
      notify: (title, body) => notes.push({ title, body }),
      broadcast: () => {},
      publishEveryMs: 3_600_000,
    });
    cleanup.push(() => session.shutdown());
    const api = session.api;
    await api['team:join']({ server: t.url, invite: t.team.invite, name: 'Cleo', email: 'c@acme.test' });
    session.core.commands.startLive();
    await waitFor(() => session.core.reads.freshness().online);

    // The windows: the settings say no language was chosen, and French is spoken.
    expect(await api['settings:get']({})).toMatchObject({ locale: null, language: 'fr' });
    // The tray's labels (the windows label the same members with the same function).
    const { members } = await api['board:get']({});
    const tray = trayModel({
      members,
      mine: await session.core.reads.myStatus(),
      now: Date.now(),
      locale: session.core.reads.locale,
      tz: 'UTC',
      online: true,
      inTeam: true,
      paused: false,
      watching: [],
      asksWaiting: 0,
    });
    expect(JSON.stringify(tray.menu)).toContain('Mon statut');
    expect(JSON.stringify(tray.menu)).toContain('Ana — Agenda non partagé');
    // A quick-post mistake, an ask, a decision's heads-up.
    const mistake = await api['post:create']({ text: '/fcous 1h' });
    expect(mistake.message).toContain('commande inconnue /fcous — vouliez-vous dire /focus ?');
    const unknown = await api['post:create']({ text: '/ask @Zed Une minute ?' });
    expect(unknown.message).toBe('personne dans l’équipe ne s’appelle @Zed');
    const ask = await api['post:create']({ text: '/ask @Ana As-tu une minute ?' });
    expect(ask.ask?.message).toMatch(/^(Votre demande|Ana est disponible)/);
    // Ana shares a calendar and is in focus for an hour.
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    await t.admin.api('PUT', '/v1/me/availability', {
      window: { from: iso(Date.now() - 86_400_000), to: iso(Date.now() + 14 * 86_400_000) },
      busy: [],
      loadToday: 0,
      loadWeek: 0,
    });
    await t.admin.api('PUT', '/v1/me/status', { state: 'focus', until: iso(Date.now() + 3_600_000) });
    await waitFor(async () => (await api['board:get']({})).members.some((m) => m.status?.state === 'focus'));
    const preview = await api['post:preview']({ text: '/decide On livre la version @Ana' });
    expect(preview.headsUps[0]?.message).toMatch(/^Ana est en concentration jusqu’à/);
    // A notification: an ask to me.
    await t.admin.api('POST', '/v1/asks', {
      id: crypto.randomUUID(),
      to: session.core.reads.me!.id,
      text: 'Relis ?',
    });
    await waitFor(() => notes.length > 0);
    expect(notes[0]).toEqual({ title: 'Ana vous demande', body: 'Relis ?' });
  });

  it('shutdown closes everything and can be awaited twice', async () => {
    const session = await startDesktopSession({
      profileDir: mkdtempSync(join(tmpdir(), 'ricochet-session-')),
      info: { version: 'test', platform: process.platform, mode: 'browser', packaged: false },
      notify: () => {},
      broadcast: () => {},
    });
    await Promise.all([session.shutdown(), session.shutdown()]);
    expect(() => session.core.reads.members()).toThrow();
  });
});
