import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
