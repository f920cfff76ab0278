import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopSession, type DesktopSession } from '../../../main/session/desktop-session';
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
    const session: DesktopSession = await startDesktopSession({
      profileDir: mkdtempSync(join(tmpdir(), 'ricochet-session-')),
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
    session.core.startLive();
    await waitFor(() => session.core.freshness().online);

    await session.api['settings:update']({ notifications: false });
    await t.admin.api('POST', '/v1/posts', { id: crypto.randomUUID(), text: '@Cleo first' });
    await waitFor(() => session.core.feed().some((p) => p.text === '@Cleo first'));
    expect(notes).toEqual([]);

    await session.api['settings:update']({ notifications: true, locale: 'fr' });
    await t.admin.api('POST', '/v1/posts', { id: crypto.randomUUID(), text: '@Cleo second' });
    await waitFor(() => notes.length > 0);
    expect(notes).toEqual([{ title: 'Ana vous mentionne', body: '@Cleo second' }]);
    expect(events).toContain('core:notify');
  });

  it('shutdown closes everything and can be awaited twice', async () => {
    const session = await startDesktopSession({
      profileDir: mkdtempSync(join(tmpdir(), 'ricochet-session-')),
      info: { version: 'test', platform: process.platform, mode: 'browser', packaged: false },
      notify: () => {},
      broadcast: () => {},
    });
    await Promise.all([session.shutdown(), session.shutdown()]);
    expect(() => session.core.members()).toThrow();
  });
});
