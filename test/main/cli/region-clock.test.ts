// The CLI writes times as its terminal's region does (LC_ALL, LC_TIME, LANG): 12-hour for an
// American, 24-hour in France and wherever the environment says nothing ("C"); a clock chosen
// in Settings wins; working hours may be written "9am-5pm".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import { ics } from '../../support/ics';
import { teamServer } from '../../support/team-server';

const folder = mkdtempSync(join(tmpdir(), 'ricochet-region-'));
const file = join(folder, 'day.ics');
// Tuesday 10 March 2026: a review from 13:00 to 14:30 (UTC).
writeFileSync(file, ics(['DTSTART:20260310T130000Z', 'DTEND:20260310T143000Z', 'SUMMARY:Review']));
const at = ['--ics', file, '--now', '2026-03-10T13:15:00Z', '--tz', 'UTC'];

async function run(env: Record<string, string | undefined>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    env: {
      ...process.env,
      LC_ALL: undefined,
      LC_TIME: undefined,
      LC_MESSAGES: undefined,
      LANG: undefined,
      ...env,
    },
  });
  return { code, stdout, stderr };
}

describe('times as the region writes them, in the CLI', () => {
  it('LC_ALL=en_US.UTF-8: "In a meeting until 2:30 PM"', async () => {
    const out = await run({ LC_ALL: 'en_US.UTF-8' }, 'availability', ...at);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('In a meeting until 2:30 PM');
  });

  it('LC_ALL=fr_FR.UTF-8: ricochet status speaks French on a 24-hour clock', async () => {
    // A meeting around the real now, so `status` (which reads the clock) is in it at any hour.
    const profile = ['--profile', mkdtempSync(join(tmpdir(), 'ricochet-region-fr-'))];
    const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '');
    const around = join(folder, 'around.ics');
    writeFileSync(
      around,
      ics([`DTSTART:${stamp(Date.now() - 3_600_000)}`, `DTEND:${stamp(Date.now() + 7_200_000)}`]),
    );
    expect((await run({}, 'settings', '--tz', 'UTC', '--hours', 'mon-sun 0-24', ...profile)).code).toBe(0);
    expect((await run({}, 'calendars', 'add', around, ...profile)).code).toBe(0);
    const t = await teamServer('sqlite');
    const login = await run(
      {},
      ...['login', '--server', t.url, '--invite', t.team.invite, '--name', 'Lou', '--email', 'lou@acme.test'],
      ...profile,
    );
    expect(login.code, login.stderr).toBe(0);
    const fr = await run({ LC_ALL: 'fr_FR.UTF-8' }, 'status', ...profile);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toMatch(/^En réunion jusqu’à ([a-zé]+\.? )?\d\d:\d\d/);
    const us = await run({ LC_ALL: 'en_US.UTF-8' }, 'status', ...profile);
    expect(us.stdout).toMatch(/^In a meeting until (\w{3},? )?\d{1,2}:\d\d (AM|PM)/);
    await t.server.close();
  });

  it('LC_TIME decides the clock when LANG says another region; "C" says nothing: 24-hour', async () => {
    const us = await run({ LANG: 'en_GB.UTF-8', LC_TIME: 'en_US.UTF-8' }, 'availability', ...at);
    expect(us.stdout).toContain('until 2:30 PM');
    const c = await run({ LANG: 'C.UTF-8' }, 'availability', ...at);
    expect(c.stdout).toContain('In a meeting until 14:30');
  });

  it('a clock chosen in Settings wins over the region; hours accept "9am-5pm"', async () => {
    const profile = ['--profile', mkdtempSync(join(tmpdir(), 'ricochet-region-profile-'))];
    const env = { LC_ALL: 'en_US.UTF-8' };
    const set = await run(env, 'settings', '--clock', '24h', '--hours', 'mon-fri 9am-5pm', ...profile);
    expect(set.code, set.stderr).toBe(0);
    expect((await run(env, 'calendars', 'add', file, ...profile)).code).toBe(0);
    const fromProfile = ['--now', '2026-03-10T13:15:00Z', '--tz', 'UTC', ...profile];
    const out = await run(env, 'availability', ...fromProfile);
    expect(out.stdout).toContain('In a meeting until 14:30');
    // Back to the region's clock.
    expect((await run(env, 'settings', '--clock', 'region', ...profile)).code).toBe(0);
    expect((await run(env, 'availability', ...fromProfile)).stdout).toContain('In a meeting until 2:30 PM');
    const wrong = await run(env, 'settings', '--clock', '13h', ...profile);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the clock is 12h or 24h');
  });
});
