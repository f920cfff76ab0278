import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import { ics } from '../../support/ics';
import { corpusDir, loadCorpus } from '../../support/corpus';
import { cli } from '../../support/run-cli';

const corpus = loadCorpus();
const fablab = join(corpusDir, 'recurring-ical-events/fablab_cottbus.ics');
const args = [
  '--from',
  '2017-10-16T00:00:00Z',
  '--to',
  '2017-10-23T00:00:00Z',
  '--now',
  '2017-10-19T15:00:00Z',
  '--tz',
  'Europe/Berlin',
];

describe.skipIf(!corpus)('ricochet availability', () => {
  it('prints the documented JSON for a corpus file', async () => {
    const { code, stdout } = await cli('availability', '--ics', fablab, ...args, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.window).toEqual({ from: '2017-10-16T00:00:00Z', to: '2017-10-23T00:00:00Z' });
    expect(json.tz).toBe('Europe/Berlin');
    expect(json.busy[0]).toEqual({
      start: '2017-10-19T14:00:00Z',
      end: '2017-10-19T18:00:00Z',
      kind: 'busy',
    });
    expect(json.summary).toEqual({
      now: '2017-10-19T15:00:00Z',
      state: 'busy',
      busyUntil: '2017-10-19T18:00:00Z',
      freeUntil: null,
      nextFree: { start: '2017-10-20T07:00:00Z', end: '2017-10-20T14:00:00Z' },
      loadToday: 0.222,
      loadWeek: 0.089,
      status: 'busy',
      label: 'In a meeting until 20:00 · free at Fri 09:00',
      meetings: 5, // one more than the busy blocks: two of them touch
    });
    expect(json.warnings).toEqual([]);
    expect(json.stats.events).toBe(28);
    expect(json.stats.occurrences).toBeGreaterThanOrEqual(4);
    expect(json.stats.computeMs).toBeGreaterThanOrEqual(json.stats.parseMs);
  });

  it('prints a readable summary in the person zone', async () => {
    const { stdout } = await cli('availability', '--ics', fablab, ...args);
    // The same words the board and the tray use, from the same status engine.
    expect(stdout).toContain('Now (Thu 19 Oct, 17:00): In a meeting until 20:00 · free at Fri 09:00');
    expect(stdout).toContain('Next free slot: Fri 09:00–16:00');
    expect(stdout).toContain('Load: today 22%, this week 9%');
  });

  it('warns about an unreadable source and still exits 0 while another was read', async () => {
    const { code, stdout } = await cli(
      'availability',
      '--ics',
      fablab,
      '--ics',
      '/missing.ics',
      ...args,
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).warnings).toEqual([
      { source: 'missing.ics', message: 'file not found: /missing.ics' },
    ]);
  });

  it('exits 1 when no source could be read, and never says "free"', async () => {
    const { code, stdout, stderr } = await cli('availability', '--ics', '/missing.ics', ...args);
    expect(code).toBe(1);
    expect(stderr).toContain('no calendar could be read');
    expect(stderr).toContain('missing.ics: file not found');
    expect(stdout).not.toMatch(/free/i);
  });

  it.each([
    [['--ics', fablab, '--tz', 'Mars/Base'], 'unknown time zone "Mars/Base"'],
    [['--ics', fablab, '--from', 'yesterday'], '--from: "yesterday" is not an instant'],
    [['--ics', fablab, '--hours', 'weekdays'], '--hours: working hours "weekdays"'],
    [[], 'give at least one --ics or --caldav source'],
    [['--caldav', 'http://127.0.0.1:1/'], '--caldav needs --user and --password-env'],
  ])('rejects bad usage %j with exit 2', async (argv, message) => {
    const { code, stderr } = await cli('availability', ...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('ricochet availability reads as the app reads', () => {
  const now = '2026-03-10T10:00:00Z'; // a Tuesday morning, in working hours
  const window = ['--from', '2026-03-09T00:00:00Z', '--to', '2026-03-16T00:00:00Z', '--now', now];
  const folder = mkdtempSync(join(tmpdir(), 'ricochet-availability-'));
  const file = join(folder, 'work.ics');
  writeFileSync(
    file,
    ics(
      ['DTSTART;VALUE=DATE:20260310', 'DTEND;VALUE=DATE:20260311', 'SUMMARY:Offsite'],
      ['DTSTART:20260310T140000Z', 'DTEND:20260310T150000Z', 'SUMMARY:Review'],
    ),
  );

  it('a file that is not a calendar, alone, exits 1 with the reason and no summary', async () => {
    const garbage = join(folder, 'page.ics');
    writeFileSync(garbage, '<html><body>Sign in to see this calendar</body></html>');
    for (const json of [[], ['--json']]) {
      const { code, stdout, stderr } = await cli('availability', '--ics', garbage, ...window, ...json);
      expect(code).toBe(1);
      expect(stderr).toContain('page.ics: this file is not an iCalendar (.ics) calendar');
      expect(stdout).not.toMatch(/free|Off|back|Load/);
    }
  });

  it("a calendar's options in the profile count in the CLI as in the app", async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-profile-'));
    const p = ['--profile', profile];
    expect((await cli('calendars', 'add', file, '--ignore-all-day', ...p)).code).toBe(0);
    new ConfigFile(profile).update((c) => ({ ...c, tz: 'UTC', hours: 'mon-fri 09:00-18:00' }));
    const fromProfile = JSON.parse((await cli('availability', ...window, '--json', ...p)).stdout);
    // The all-day offsite is ignored, as the person asked: free until the review.
    expect(fromProfile.busy).toEqual([
      { start: '2026-03-10T14:00:00Z', end: '2026-03-10T15:00:00Z', kind: 'busy' },
    ]);
    expect(fromProfile.summary.label).toBe('Free until 14:00');
    // The app's own reading of the same profile gives the same busy time.
    const core = new DesktopCore(profile);
    const { report } = await core.reads.availability(Date.parse(now), {
      from: Date.parse('2026-03-09T00:00:00Z'),
      to: Date.parse('2026-03-16T00:00:00Z'),
    });
    core.close();
    expect(report.busy.map((b) => [new Date(b.start).toISOString(), b.kind])).toEqual([
      ['2026-03-10T14:00:00.000Z', 'busy'],
    ]);
    // Named on the command line, without the option, the offsite counts.
    const named = JSON.parse(
      (await cli('availability', '--ics', file, '--tz', 'UTC', ...window, '--json')).stdout,
    );
    expect(named.summary.status).not.toBe('free');
  });
});
