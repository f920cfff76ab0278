// The one line people glance at, through `ricochet board --json`, at any hour: each person's
// zone is chosen so that it is late morning there now (Etc/GMT±N), with hours 09:00-18:00.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWhen } from '../../../shared/i18n/status-messages';
import { isoInstant, wallToUtc, utcToWall, DAY_MS, HOUR_MS } from '../../../shared/time/zoned-time';
import { cli, loginWithInvite } from '../../support/run-cli';
import { client, teamServer } from '../../support/team-server';

/** A fixed-offset zone where the local hour is `hour` now. */
function zoneAt(hour: number, now: number): string {
  let offset = (((hour - new Date(now).getUTCHours()) % 24) + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

const iso = (ms: number) => isoInstant(ms);
const everyDay = Array.from({ length: 7 }, () => [{ start: 9 * 60, end: 18 * 60 }]);

describe('the board’s labels agree with each person’s day', () => {
  const now = Date.now();
  const zone = zoneAt(11, now); // late morning for the viewer and most of the team
  const evening = zoneAt(20, now); // Ben's working day is over
  let t: Awaited<ReturnType<typeof teamServer>>;
  const profile = mkdtempSync(join(tmpdir(), 'ricochet-board-'));
  const p = ['--profile', profile];
  let board: { name: string; label: string; until: unknown; computed: { until: number | null } }[];

  /** A teammate who joins and publishes their profile and calendar. */
  async function teammate(name: string, tz: string, hours: unknown, busy: object[]) {
    const joined = await client(t.url)('POST', '/v1/join', {
      code: t.team.invite,
      name,
      email: `${name.toLowerCase()}@acme.test`,
    });
    const api = client(t.url, joined.body.token);
    expect((await api('PATCH', '/v1/me', { timezone: tz, workingHours: hours })).status).toBe(200);
    const window = { from: iso(now - DAY_MS), to: iso(now + 14 * DAY_MS) };
    expect(
      (await api('PUT', '/v1/me/availability', { window, busy, loadToday: 0, loadWeek: 0 })).status,
    ).toBe(200);
  }

  beforeAll(async () => {
    t = await teamServer('sqlite');
    const minute = Math.floor(now / 60_000) * 60_000;
    await teammate('Dan', zone, everyDay, [
      { start: iso(minute + HOUR_MS), end: iso(minute + 2 * HOUR_MS), kind: 'tentative' },
    ]);
    await teammate('Eve', zone, everyDay, []);
    // Ben: evening now, out of office all of his tomorrow.
    const benTomorrow = utcToWall(evening, now) - (utcToWall(evening, now) % DAY_MS) + DAY_MS;
    await teammate('Ben', evening, everyDay, [
      {
        start: iso(wallToUtc(evening, benTomorrow)),
        end: iso(wallToUtc(evening, benTomorrow + DAY_MS)),
        kind: 'oof',
      },
    ]);
    // Chie: her day starts at 14:00, with a meeting until 15:00.
    const today = utcToWall(zone, now) - (utcToWall(zone, now) % DAY_MS);
    const afternoon = Array.from({ length: 7 }, () => [{ start: 14 * 60, end: 23 * 60 }]);
    await teammate('Chie', zone, afternoon, [
      {
        start: iso(wallToUtc(zone, today + 14 * HOUR_MS)),
        end: iso(wallToUtc(zone, today + 15 * HOUR_MS)),
        kind: 'busy',
      },
    ]);
    const login = await loginWithInvite(t.url, t.team.invite, 'Viewer', profile);
    expect(login.code, login.stderr).toBe(0);
    expect((await cli('settings', '--tz', zone, ...p)).code).toBe(0);
    // The board as the CLI shows it once it has caught up with all five teammates.
    let last = '';
    for (let i = 0; i < 40; i++) {
      const out = await cli('board', '--json', ...p);
      board = out.code === 0 ? JSON.parse(out.stdout).members : [];
      if (board.length >= 6) break;
      last = `exit ${out.code}: ${out.stderr.slice(0, 400)} ${out.stdout.slice(0, 400)}`;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(board.map((m) => m.name).sort(), `the CLI board, last time: ${last}`).toEqual(
      ['Ana', 'Bob', 'Ben', 'Chie', 'Dan', 'Eve', 'Viewer'].sort(),
    );
  });
  afterAll(async () => {
    await t?.server.close();
  });

  const label = (name: string) => board.find((m) => m.name === name)?.label;
  const at = (ms: number) => formatWhen(ms, now, 'en', zone);

  it('a tentative meeting in an hour ends "free until", as maybe busy', () => {
    const start = Math.floor(now / 60_000) * 60_000 + HOUR_MS;
    expect(label('Dan')).toBe(`Free until ${at(start)} (maybe busy)`);
  });

  it('with no meeting: free until 18:00, the end of the day’s hours', () => {
    expect(label('Eve')).toBe('Free until 18:00');
  });

  it('hours over, out of office tomorrow: back the day after', () => {
    const wall = utcToWall(evening, now);
    const back = wallToUtc(evening, wall - (wall % DAY_MS) + 2 * DAY_MS + 9 * HOUR_MS);
    expect(board.find((m) => m.name === 'Ben')?.computed.until).toBe(back);
    expect(label('Ben')).toBe(`Off, back ${at(back)}`);
  });

  it('off until 14:00, then a meeting until 15:00: free at 15:00', () => {
    expect(label('Chie')).toBe('Off, back at 14:00 · free at 15:00');
  });
});
