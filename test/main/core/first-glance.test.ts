// The tray's first glance at launch, read from the cache before the core loads, says what the
// core's own tray says at the same instant: same icon, tooltip, menu and next change, in a team
// (teammates with calendars, a manual status, an ask waiting for me) and alone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreApi } from '../../../main/core/core-api';
import { DesktopCore } from '../../../main/core/desktop-core';
import { firstGlance } from '../../../main/core/first-glance';
import { ConfigFile } from '../../../main/profile/config-file';
import { firstTrayModel, readTrayModel } from '../../../main/shell/tray-updater';
import { parseInstant } from '../../../shared/time/zoned-time';
import { ics } from '../../support/ics';
import { teamServer } from '../../support/team-server';

const REGION = 'en-GB';
const monday = parseInstant('2026-03-09T07:00:00Z'); // Monday 08:00 in Paris
const cores: DesktopCore[] = [];
let t: Awaited<ReturnType<typeof teamServer>>;

function profile(tz: string, calendar?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-glance-'));
  new ConfigFile(dir).update((c) => ({ ...c, tz, hours: 'mon-fri 09:00-18:00', locale: 'fr' }));
  if (calendar) writeFileSync(join(dir, 'work.ics'), calendar);
  const core = new DesktopCore(dir, undefined, REGION, REGION);
  cores.push(core);
  return { core, dir };
}

/** The core's tray at `at` (its clock and the tray's the same), and the first glance's. */
async function bothTrays(core: DesktopCore, dir: string, at: number) {
  const api = createCoreApi(
    core,
    { version: 'test', platform: 'linux', mode: 'browser', packaged: false },
    {
      startTeam: () => Promise.reject(new Error('unused')),
      startDemo: async () => {},
      removeDemo: async () => {},
      takeJoinLink: () => null,
      openBrowser: async () => {},
    },
    () => at,
  );
  const glance = firstGlance(dir, { systemLocale: REGION, systemRegion: REGION, now: at });
  return { core: await readTrayModel(core, api, at), glance: glance && firstTrayModel(glance, at) };
}

const aWeekOfInstants = fc.integer({ min: monday, max: monday + 7 * 86_400_000 });

/** At any instant of the week, the first glance's tray is the core's. */
const sameTrayAllWeek = (p: { core: DesktopCore; dir: string }, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(aWeekOfInstants, async (at) => {
      const { core, glance } = await bothTrays(p.core, p.dir, at);
      expect(glance).toEqual(core);
    }),
    { numRuns },
  );

let ana: { core: DesktopCore; dir: string };

beforeAll(async () => {
  // The server at Monday 11:00 in Paris, in Ana's working hours: Ben's ask reaches her at once.
  t = await teamServer('sqlite', { now: () => monday + 3 * 3_600_000 });
  ana = profile('Europe/Paris');
  await ana.core.commands.loginWithToken({ server: t.url, token: t.admin.token });
  const ben = profile(
    'America/New_York',
    ics(
      ['DTSTART:20260309T140000Z', 'DTEND:20260309T160000Z', 'SUMMARY:Planning'],
      ['DTSTART:20260311T130000Z', 'DTEND:20260311T170000Z', 'SUMMARY:Workshop'],
    ),
  );
  await ben.core.commands.join({ server: t.url, invite: t.team.invite, name: 'Ben', email: 'ben@acme.test' });
  await ben.core.commands.addCalendar({ location: join(ben.dir, 'work.ics') });
  const cleo = profile('Europe/Paris');
  await cleo.core.commands.join({
    server: t.url,
    invite: t.team.invite,
    name: 'Cléo',
    email: 'cleo@acme.test',
  });
  for (const p of [ana, ben, cleo]) await p.core.commands.publish(monday);
  await cleo.core.commands.post('/dnd 2h Écriture', monday + 2 * 3_600_000);
  await ben.core.commands.post('/ask @Ana Tu relis le plan ?', monday + 3 * 3_600_000);
  for (const p of [ana, ben, cleo]) await p.core.commands.sync();
});

afterAll(async () => {
  for (const core of cores) core.close();
  await t?.server.close();
});

describe('the first glance', () => {
  it('in a team: the same tray as the core at any instant of the week', async () => {
    expect(ana.core.reads.members()).toHaveLength(4);
    await sameTrayAllWeek(ana, 40);
  });

  it('in a team, at a moment a person notices: Ben in his workshop, Cléo writing, one ask waiting', async () => {
    const at = parseInstant('2026-03-11T14:00:00Z'); // Wednesday 15:00 in Paris
    const { core, glance } = await bothTrays(ana.core, ana.dir, at);
    expect(glance).toEqual(core);
    expect(glance!.tooltip).toContain('1 demande');
    const labels = glance!.menu.map((item) => item.label ?? '');
    expect(labels.some((l) => l.startsWith('Ben — '))).toBe(true);
  });

  it('alone with no calendar: the same tray as the core (working hours alone)', async () => {
    await sameTrayAllWeek(profile('Europe/Paris'), 20);
  });

  it('alone with a calendar: none, since my state needs my calendar read (the core answers)', async () => {
    const alone = profile('Europe/Paris', ics(['DTSTART:20260309T090000Z', 'DTEND:20260309T100000Z']));
    await alone.core.commands.addCalendar({ location: join(alone.dir, 'work.ics') });
    expect(firstGlance(alone.dir, { systemLocale: REGION, systemRegion: REGION, now: monday })).toBeNull();
  });
});
