import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../../main/core/desktop-core';
import { AvailabilityEngine } from '../../../../main/calendar/availability-engine';
import { readSources } from '../../../../main/calendar/read-sources';
import { CalDavSource } from '../../../../main/calendar/sources/caldav-source';
import { parseWorkingHours } from '../../../../shared/availability/working-hours';
import { isoInstant } from '../../../../shared/time/zoned-time';
import { ics } from '../../../support/ics';
import { hasRadicale, startRadicale } from '../../../support/radicale';

const available = hasRadicale();
const auth = { authorization: `Basic ${Buffer.from('ana:secret').toString('base64')}` };
const window = { from: Date.parse('2026-03-09T00:00:00Z'), to: Date.parse('2026-03-23T00:00:00Z') };

describe.skipIf(!available)('CalDAV against a real Radicale server', () => {
  let server: Awaited<ReturnType<typeof startRadicale>>;
  const put = async (path: string, body: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/calendar' },
      body,
    });
    expect(res.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    server = await startRadicale({ ana: 'secret' });
    const made = await fetch(`${server.url}/ana/calendar/`, { method: 'MKCALENDAR', headers: auth });
    expect(made.status).toBe(201);
    await put(
      '/ana/calendar/standup.ics',
      ics([
        'UID:standup',
        'DTSTART;TZID=Europe/Paris:20260309T093000',
        'DTEND;TZID=Europe/Paris:20260309T094500',
        'RRULE:FREQ=DAILY;COUNT=5',
      ]),
    );
    await put(
      '/ana/calendar/old.ics',
      ics(['UID:old', 'DTSTART:20250101T090000Z', 'DTEND:20250101T100000Z']),
    );
  });
  afterAll(() => server?.stop());

  it('discovers the calendars and reads the events of the window', async () => {
    const source = new CalDavSource({ serverUrl: server.url, username: 'ana', password: 'secret' });
    const engine = new AvailabilityEngine({
      tz: 'Europe/Paris',
      hours: parseWorkingHours('mon-fri 09:00-18:00'),
    });
    expect(await readSources(engine, [source], window)).toBe(1);
    const report = engine.report(window, window.from);
    expect(report.warnings).toEqual([]);
    expect(report.busy.map((b) => isoInstant(b.start))).toEqual([
      '2026-03-09T08:30:00Z',
      '2026-03-10T08:30:00Z',
      '2026-03-11T08:30:00Z',
      '2026-03-12T08:30:00Z',
      '2026-03-13T08:30:00Z',
    ]);
  });

  it('asks for objects again only when the calendar changed', async () => {
    const source = new CalDavSource({ serverUrl: server.url, username: 'ana', password: 'secret' });
    await source.read(window);
    await source.read(window);
    expect(source.objectFetches).toBe(1);
    await put(
      '/ana/calendar/review.ics',
      ics(['UID:review', 'DTSTART:20260316T130000Z', 'DTEND:20260316T140000Z']),
    );
    const text = await source.read(window);
    expect(source.objectFetches).toBe(2);
    expect(text).toContain('UID:review');
  });

  it('says which server failed when it cannot be reached', async () => {
    const source = new CalDavSource({ serverUrl: 'http://127.0.0.1:9/', username: 'ana', password: 'x' });
    await expect(source.read(window)).rejects.toThrow('CalDAV http://127.0.0.1:9/');
  });

  it('adding an account with a wrong password is refused with the reason; the right one is added', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-caldav-'));
    const core = new DesktopCore(dir);
    try {
      await expect(
        core.commands.addCalendar({ location: `${server.url}/`, user: 'ana', password: 'wrong' }),
      ).rejects.toThrow(/could not be read/);
      expect(core.reads.config.calendars).toEqual([]);
      await core.commands.addCalendar({ location: `${server.url}/`, user: 'ana', password: 'secret' });
      expect(core.reads.config.calendars.map((c) => c.kind)).toEqual(['caldav']);
    } finally {
      core.close();
    }
  });
});
