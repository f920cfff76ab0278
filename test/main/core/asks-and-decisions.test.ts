// Asks and decisions with a real team server (in this process, on a clock the test moves)
// and real profiles with real calendar files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import { FileSecretStore } from '../../../main/profile/secret-store';
import { createOrganisation, runServer, type StorageConfig } from '../../../server/index';
import type { Ask } from '../../../shared/protocol/changes';
import { parseInstant } from '../../../shared/time/zoned-time';
import { ics } from '../../support/ics';
import { freePort } from '../../support/free-port';
import { client } from '../../support/team-server';

let clock = parseInstant('2026-03-10T09:15:00Z'); // Tuesday 10:15 in Paris
const storage: StorageConfig = { kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'ricochet-asks-')) };
let port: number;
let server: Awaited<ReturnType<typeof runServer>>;
const start = async () => (server = await runServer({ host: '127.0.0.1', port, storage, now: () => clock }));
const cores: DesktopCore[] = [];
const profiles = new Map<DesktopCore, string>();
let ana: DesktopCore, ben: DesktopCore, cleo: DesktopCore, dan: DesktopCore;
const events: { who: string; kind: string; data: unknown }[] = [];

function profile(name: string, calendar?: string, locale: 'en' | 'fr' = 'en') {
  const dir = mkdtempSync(join(tmpdir(), `ricochet-asks-${name}-`));
  new ConfigFile(dir).update((c) => ({ ...c, tz: 'Europe/Paris', hours: 'mon-fri 09:00-18:00', locale }));
  if (calendar) writeFileSync(join(dir, 'work.ics'), calendar);
  const core = new DesktopCore(dir);
  for (const kind of ['ask', 'answer', 'mention'] as const)
    core.on(kind, (data: unknown) => events.push({ who: name, kind, data }));
  cores.push(core);
  profiles.set(core, dir);
  return core;
}

/** The server moves to `at` and delivers what is due, as its timer would. */
async function advance(to: string) {
  clock = parseInstant(to);
  await server.context.asks.check();
}

beforeAll(async () => {
  port = await freePort();
  await start();
  const team = await createOrganisation(server.context.storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'ana@acme.test',
  });
  const url = `http://127.0.0.1:${port}`;
  ana = profile('Ana');
  await ana.commands.loginWithToken({ server: url, token: team.token });
  ben = profile('Ben', ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Planning']));
  cleo = profile('Cleo');
  dan = profile(
    'Dan',
    ics([
      'DTSTART;VALUE=DATE:20260316',
      'DTEND;VALUE=DATE:20260317',
      'SUMMARY:Leave',
      'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
    ]),
  );
  for (const [core, name] of [
    [ben, 'Ben'],
    [cleo, 'Cleo'],
    [dan, 'Dan'],
  ] as const)
    await core.commands.join({
      server: url,
      invite: team.invite,
      name,
      email: `${name.toLowerCase()}@acme.test`,
    });
  for (const core of [ben, dan])
    await core.commands.addCalendar({ location: join(profiles.get(core)!, 'work.ics') });
  for (const core of [ana, ben, cleo, dan]) await core.commands.publish(clock);
  for (const core of [ana, ben, cleo, dan]) await core.commands.sync();
});

afterAll(async () => {
  for (const core of cores) core.close();
  await server?.close();
});

const deliveredTo = (core: DesktopCore) =>
  core.reads.asks().filter((a) => a.state !== 'pending' && a.to === core.reads.me?.id);

describe('asks reach a person when they are free', () => {
  let first: string;

  it('to someone in a meeting: arrives at the meeting’s end and not before; the asker is told when', async () => {
    const result = await ana.commands.post('/ask @ben Can you review the Q3 plan?', clock);
    expect([result.delivered, result.detail]).toEqual(['sent', undefined]);
    expect(result.ask).toMatchObject({
      to: 'Ben',
      deliverAt: '2026-03-10T10:00:00Z',
      message: 'Your ask reaches Ben at 11:00, after a meeting',
    });
    first = result.ask!.id;
    await ben.commands.sync();
    expect(deliveredTo(ben)).toEqual([]);
    await advance('2026-03-10T09:59:00Z');
    await ben.commands.sync();
    expect(deliveredTo(ben)).toEqual([]);
    await advance('2026-03-10T10:00:00Z');
    await ben.commands.sync();
    expect(deliveredTo(ben).map((a) => a.text)).toEqual(['Can you review the Q3 plan?']);
    expect(events.filter((e) => e.who === 'Ben' && e.kind === 'ask')).toHaveLength(1);
  });

  it('a third teammate never sees it, not even in the change log', async () => {
    await cleo.commands.sync();
    expect(cleo.reads.asks()).toEqual([]);
    const token = new FileSecretStore(profiles.get(cleo)!).get('token')!;
    const api = client(`http://127.0.0.1:${port}`, token);
    expect((await api('GET', '/v1/asks')).body.asks).toEqual([]);
    const log = (await api('GET', '/v1/sync?since=0&limit=1000')).body.changes as {
      kind: string;
      data: unknown;
    }[];
    expect(log.filter((c) => c.kind === 'ask')).toEqual([]);
    expect(JSON.stringify(log)).not.toContain('Q3 plan');
    // Not even that an ask was made: the log a member reads holds only what is for them.
    expect(log.some((c) => c.kind === 'private')).toBe(false);
  });

  it('is never delivered twice, across a restart', async () => {
    await server.close();
    await start();
    await server.context.asks.check();
    const rows = await server.context.storage.db
      .selectFrom('changes')
      .selectAll()
      .where('kind', '=', 'ask')
      .where('entity_id', '=', first)
      .execute();
    expect(rows.filter((r) => (JSON.parse(r.data) as Ask).state === 'delivered')).toHaveLength(1);
    await ben.commands.sync();
    expect(deliveredTo(ben)).toHaveLength(1);
  });

  it('an ask to myself is refused in words, not "nobody is called that"', async () => {
    const result = await ana.commands.post('/ask @Ana Can I review my own plan?', clock);
    expect(result).toMatchObject({ delivered: 'rejected', detail: 'that is you: an ask goes to a teammate' });
  });

  it('to someone free: "there now", even when the server handled it a moment after my clock', async () => {
    // The server stamps the delivery at its own now, after the round trip: a few ms later.
    const result = await ana.commands.post('/ask @Dan Lunch?', clock - 40);
    expect(result.ask).toMatchObject({ to: 'Dan', message: 'Dan is free: your ask is there now' });
  });

  it('the person answers; the asker is told of the answer', async () => {
    await ben.commands.updateAsk(first, { action: 'answer', text: 'Yes, this afternoon' });
    await ana.commands.sync();
    expect(ana.reads.asks().find((a) => a.id === first)).toMatchObject({
      state: 'answered',
      answer: 'Yes, this afternoon',
    });
    expect(events.filter((e) => e.who === 'Ana' && e.kind === 'answer')).toHaveLength(1);
  });

  it('to someone in focus: waits for the focus to end', async () => {
    await advance('2026-03-10T10:05:00Z');
    await ben.commands.post('/focus until 11:30 Writing', clock);
    const result = await ana.commands.post('/ask @Ben A quick one', clock);
    expect(result.ask).toMatchObject({
      deliverAt: '2026-03-10T10:30:00Z',
      message: 'Your ask reaches Ben at 11:30, after their focus time',
    });
    await advance('2026-03-10T10:29:00Z');
    await ben.commands.sync();
    expect(deliveredTo(ben).map((a) => a.text)).not.toContain('A quick one');
    await advance('2026-03-10T10:30:00Z');
    await ben.commands.sync();
    expect(deliveredTo(ben).map((a) => a.text)).toContain('A quick one');
  });

  it('outside working hours: waits for the next working start', async () => {
    await advance('2026-03-10T17:30:00Z'); // 18:30 in Paris
    const result = await ana.commands.post('/ask @Ben Tomorrow morning?', clock);
    expect(result.ask).toMatchObject({
      deliverAt: '2026-03-11T08:00:00Z',
      message: 'Your ask reaches Ben at Wed 09:00, at the start of their working hours',
    });
    await advance('2026-03-11T07:59:00Z');
    await ben.commands.sync();
    expect(deliveredTo(ben).map((a) => a.text)).not.toContain('Tomorrow morning?');
    await advance('2026-03-11T08:00:00Z');
    await ben.commands.sync();
    expect(deliveredTo(ben).map((a) => a.text)).toContain('Tomorrow morning?');
  });
});

describe('decisions warn who they touch', () => {
  it('a decision naming a person out of office that day shows the heads-up, in English and French', async () => {
    const text = '/decide Move the billing migration to Monday @dan #billing';
    expect(ana.reads.previewDecision(text, clock).map((h) => h.message)).toEqual([
      'Dan is out of office on Monday 16 March',
    ]);
    await ana.commands.updateSettings({ locale: 'fr' });
    expect(
      ana.reads.previewDecision('/decide On passe la migration à lundi @Dan', clock).map((h) => h.message),
    ).toEqual(['Dan est hors du bureau le lundi 16 mars']);
    await ana.commands.updateSettings({ locale: 'en' });
    const posted = await ana.commands.post(text, clock);
    expect(posted.headsUps?.map((h) => h.name)).toEqual(['Dan']);
    await dan.commands.sync();
    expect(
      events.some(
        (e) => e.who === 'Dan' && e.kind === 'mention' && (e.data as { kind?: string }).kind === 'decision',
      ),
    ).toBe(true);
    expect(dan.reads.feed({ decisions: true }).map((p) => p.text)).toEqual([
      'Move the billing migration to Monday @dan #billing',
    ]);
  });
});
