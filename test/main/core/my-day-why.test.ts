// "Why" in My day names the calendar that made each block: real calendar files, a fixed clock.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import { parseInstant } from '../../../shared/time/zoned-time';
import { ics } from '../../support/ics';

const now = parseInstant('2026-03-10T09:15:00Z'); // Tuesday 10:15 in Paris
const cores: DesktopCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

async function alone(locale: 'en' | 'fr') {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-why-'));
  new ConfigFile(dir).update((c) => ({ ...c, tz: 'Europe/Paris', hours: 'mon-fri 09:00-18:00', locale }));
  writeFileSync(
    join(dir, 'work.ics'),
    ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Planning']),
  );
  writeFileSync(
    join(dir, 'team.ics'),
    ics(
      ['DTSTART:20260310T093000Z', 'DTEND:20260310T103000Z', 'SUMMARY:Review'],
      ['DTSTART:20260310T140000Z', 'DTEND:20260310T150000Z', 'SUMMARY:Later, not now'],
    ),
  );
  writeFileSync(
    join(dir, 'home.ics'),
    ics(['DTSTART:20260310T170000Z', 'DTEND:20260310T180000Z', 'SUMMARY:Dentist']),
  );
  const core = new DesktopCore(dir);
  cores.push(core);
  await core.commands.addCalendar({ location: join(dir, 'work.ics'), name: 'Work' });
  await core.commands.addCalendar({ location: join(dir, 'team.ics'), name: 'Team' });
  await core.commands.addCalendar({ location: join(dir, 'home.ics') }); // no name given: its file name
  return core;
}

describe('My day says which of my calendars made a block', () => {
  it('names every calendar behind the meeting I am in, and none that is not', async () => {
    const day = await (await alone('en')).reads.myDay(now);
    expect(day.label).toBe('In a meeting until 11:30');
    expect(day.why).toBe('In a meeting until 11:30 (calendar: Work, Team) · free at 11:30');
  });

  it('in French too', async () => {
    const day = await (await alone('fr')).reads.myDay(now);
    expect(day.why).toContain('(agenda : Work, Team)');
  });
});
