// Quiet when I am: Ricochet's notifications wait while I focus (or am in do-not-disturb, in a
// meeting, off work) and come as one summary when that ends; an urgent ask still rings.
// A real session on a real team server, at a fixed working-hours instant.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigFile } from '../../../main/profile/config-file';
import { startDesktopSession, type DesktopSession } from '../../../main/session/desktop-session';
import { createQuietNotices, quietReason, type QuietReason } from '../../../main/session/quiet-notices';
import { createOrganisation, runServer } from '../../../server/index';
import { parseInstant } from '../../../shared/time/zoned-time';
import { ics } from '../../support/ics';
import { freePort } from '../../support/free-port';
import { waitFor } from '../../support/wait-for';

// Tuesday 10:15 in Paris: working hours.
const clock = parseInstant('2026-03-10T09:15:00Z');

describe('who is quiet', () => {
  it('focus, do-not-disturb and off hours always; a meeting when the setting says so', () => {
    expect(quietReason('focus', false)).toBe('focus');
    expect(quietReason('dnd', false)).toBe('dnd');
    expect(quietReason('off', false)).toBe('off');
    expect(quietReason('oof', false)).toBe('off');
    expect(quietReason('busy', true)).toBe('meeting');
    expect(quietReason('busy', false)).toBeNull();
    expect(quietReason('free', true)).toBeNull();
    expect(quietReason('away', true)).toBeNull();
  });

  it('what waited arrives once, counted, when the quiet ends (looked at every minute as well)', async () => {
    let reason: QuietReason | null = 'focus';
    const shown: string[] = [];
    const summaries: unknown[] = [];
    const gate = createQuietNotices({
      quiet: async () => reason,
      show: (n: { kind: 'mention' | 'ask'; urgent?: boolean }) => shown.push(n.kind),
      summarise: (counts, why) => summaries.push({ counts, why }),
      everyMs: 10,
    });
    await gate.tell({ kind: 'mention' });
    await gate.tell({ kind: 'mention' });
    await gate.tell({ kind: 'ask' });
    await gate.tell({ kind: 'ask', urgent: true });
    expect(shown).toEqual(['ask']); // only the urgent one rang
    expect(gate.waiting).toBe(3);
    await gate.check();
    expect(summaries).toEqual([]);
    reason = null; // the focus ended: no event needed, the minute's look finds it
    await waitFor(() => summaries.length === 1);
    expect(summaries).toEqual([{ counts: { mention: 2, ask: 1 }, why: 'focus' }]);
    expect(gate.waiting).toBe(0);
    gate.stop();
  });
});

describe('quiet when I am, with a real team', () => {
  let server: Awaited<ReturnType<typeof runServer>>;
  let ana: DesktopSession;
  let zoe: DesktopSession;
  const told: { title: string; body: string; open?: unknown }[] = [];

  const session = async (name: string, notify: (t: string, b: string, o?: unknown) => void = () => {}) => {
    const dir = mkdtempSync(join(tmpdir(), `ricochet-quiet-${name}-`));
    new ConfigFile(dir).update((c) => ({ ...c, tz: 'Europe/Paris', hours: 'mon-fri 09:00-18:00' }));
    return startDesktopSession({
      profileDir: dir,
      info: { version: '0', platform: 'linux', mode: 'browser', packaged: false },
      notify,
      broadcast: () => {},
      now: () => clock,
      publishEveryMs: 3_600_000,
    });
  };

  beforeAll(async () => {
    const port = await freePort();
    server = await runServer({
      host: '127.0.0.1',
      port,
      storage: { kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'ricochet-quiet-server-')) },
      now: () => clock,
    });
    const url = `http://127.0.0.1:${port}`;
    const team = await createOrganisation(server.context.storage.db, {
      name: 'Acme',
      adminName: 'Ana',
      adminEmail: 'ana@acme.test',
    });
    ana = await session('ana');
    await ana.core.commands.loginWithToken({ server: url, token: team.token });
    zoe = await session('zoe', (title, body, open) => told.push({ title, body, open }));
    await zoe.core.commands.join({ server: url, invite: team.invite, name: 'Zoe', email: 'zoe@acme.test' });
    await ana.core.commands.sync();
    await zoe.core.commands.sync();
  });
  afterAll(async () => {
    await ana?.shutdown();
    await zoe?.shutdown();
    await server?.close();
  });

  it('mentions while I focus wait; an urgent ask rings; /clear brings one summary that opens the feed', async () => {
    await zoe.core.commands.post('/focus 1h Writing the spec', clock);
    await ana.core.commands.post('@zoe can you look at the release notes?', clock);
    await ana.core.commands.post('@zoe and the changelog', clock);
    await zoe.core.commands.sync();
    expect(told).toEqual([]);
    await ana.core.commands.post('/ask @zoe ! the release build is broken, can you look now?', clock);
    await zoe.core.commands.sync();
    await waitFor(() => told.length === 1);
    expect(told[0]).toEqual({
      title: 'Urgent: Ana asks you',
      body: 'the release build is broken, can you look now?',
      open: { view: 'me' },
    });
    // The server delivered it at once, focus or not, and says it is urgent.
    expect(zoe.core.reads.asks().find((a) => a.text.startsWith('the release'))).toMatchObject({
      state: 'delivered',
      urgent: true,
    });
    await zoe.core.commands.post('/clear', clock);
    await waitFor(() => told.length === 2);
    expect(told[1]).toEqual({ title: 'While you were focusing', body: '2 mentions', open: { view: 'feed' } });
  });

  it('not urgent, an ask waits for me on the server, and no notification rings while I focus', async () => {
    await zoe.core.commands.post('/dnd 1h', clock);
    const before = told.length;
    await ana.core.commands.post('/ask @zoe lunch?', clock);
    await zoe.core.commands.sync();
    expect(told.length).toBe(before);
    expect(ana.core.reads.asks().find((a) => a.text === 'lunch?')).toMatchObject({
      state: 'pending',
      urgent: false,
    });
    await zoe.core.commands.post('/clear', clock);
  });

  it('in a meeting from my calendar: held while the setting is on (the default), rings once I turn it off', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ricochet-quiet-cal-')), 'work.ics');
    writeFileSync(file, ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Sprint review']));
    await zoe.api['calendars:add']({ location: file });
    await zoe.core.commands.publish(clock);
    await zoe.core.commands.sync();
    expect((await zoe.core.reads.myStatus(clock)).state).toBe('busy');
    const before = told.length;
    await ana.core.commands.post('@zoe slides are up', clock);
    await zoe.core.commands.sync();
    expect(told.length).toBe(before);
    expect((await zoe.api['settings:get']({})).quietInMeetings).toBe(true);
    await zoe.api['settings:update']({ quietInMeetings: false });
    // The one that waited comes as the summary at once; the next one rings on its own.
    await waitFor(() => told.length === before + 1);
    expect(told.at(-1)).toMatchObject({ title: 'While you were in a meeting', body: '1 mention' });
    await ana.core.commands.post('@zoe and the demo link', clock);
    await zoe.core.commands.sync();
    await waitFor(() => told.length === before + 2);
    expect(told.at(-1)).toMatchObject({ title: 'Ana mentioned you', body: '@zoe and the demo link' });
  });
});
