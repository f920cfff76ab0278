// A second computer for the same person: a code from the first signs it in, it starts from the
// person's zone and hours (never its own defaults), both computers' meetings reach the board,
// and either can sign the other out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ics } from '../../support/ics';
import { cli } from '../../support/run-cli';
import { client, teamServer } from '../../support/team-server';
import { waitFor } from '../../support/wait-for';

const HOUR = 3_600_000;
/** A meeting a day ahead (inside what is published at any hour), as an ICS UTC time. */
const inHours = (h: number) =>
  new Date(Math.ceil(Date.now() / HOUR) * HOUR + (24 + h) * HOUR).toISOString().replace(/[-:]|\.000/g, '');

describe('ricochet device and login --device-code', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  const laptop = ['--profile', mkdtempSync(join(tmpdir(), 'ricochet-laptop-'))];
  const desk = ['--profile', mkdtempSync(join(tmpdir(), 'ricochet-desk-'))];
  const bobOnBoard = async () =>
    (await client(t.url, t.admin.token)('GET', '/v1/board')).body.members.find(
      (m: { id: string }) => m.id === t.bob.id,
    );
  const calendar = (profile: string[], name: string, from: number) => {
    const file = join(profile[1]!, `${name}.ics`);
    writeFileSync(file, ics([`DTSTART:${inHours(from)}`, `DTEND:${inHours(from + 1)}`, `SUMMARY:${name}`]));
    return file;
  };

  beforeAll(async () => {
    t = await teamServer('sqlite');
    expect((await cli('login', '--server', t.url, '--token', t.bob.token, ...laptop)).code).toBe(0);
    const set = await cli(
      'settings',
      '--tz',
      'Asia/Tokyo',
      '--hours',
      'tue-sat 10:00-19:00',
      '--role',
      'Support lead',
      ...laptop,
    );
    expect(set.code, set.stderr).toBe(0);
    expect((await cli('calendars', 'add', calendar(laptop, 'laptop', 0), ...laptop)).code).toBe(0);
  });
  afterAll(() => t?.server.close());

  it('the new computer starts from my zone, hours and role, and publishes nothing over them', async () => {
    const made = await cli('device', 'add', '--json', ...laptop);
    expect(made.code, made.stderr).toBe(0);
    const { code, server } = JSON.parse(made.stdout);
    expect(server).toBe(t.url);
    const said = await cli('device', 'add', ...laptop);
    expect(said.stdout).toMatch(
      /^Code: [A-Z2-9]{4}-[A-Z2-9]{4} \(works once, until .+\)\nOn the other computer: ricochet login --server .+ --device-code /,
    );
    // Only the newest code works: the first is replaced.
    const stale = await cli('login', '--server', t.url, '--device-code', code, ...desk);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/not valid/);
    const fresh = said.stdout.match(/Code: (\S+)/)![1]!;
    const signed = await cli(
      'login',
      '--server',
      t.url,
      '--device-code',
      fresh,
      '--device-name',
      "Bob's desk",
      ...desk,
    );
    expect(signed.stdout).toMatch(/^Signed in to Acme as Bob; zone Asia\/Tokyo, hours tue-sat 10:00-19:00/);

    const settings = JSON.parse((await cli('settings', '--json', ...desk)).stdout);
    expect(settings).toMatchObject({ tz: 'Asia/Tokyo', hours: 'tue-sat 10:00-19:00', role: 'Support lead' });
    const bob = await bobOnBoard();
    expect(bob.profile).toMatchObject({ timezone: 'Asia/Tokyo', role: 'Support lead' });
    expect(bob.profile.workingHours[6]).toEqual([{ start: 600, end: 1140 }]);
    expect(bob.profile.workingHours[1]).toEqual([]);
  });

  it("both computers' meetings reach the board; an hours change on one is followed by the other", async () => {
    expect((await cli('calendars', 'add', calendar(desk, 'desk', 3), ...desk)).code).toBe(0);
    await cli('publish', ...laptop);
    expect((await bobOnBoard()).availability.busy).toHaveLength(2);

    expect((await cli('settings', '--hours', 'mon-fri 9-17', ...laptop)).code).toBe(0);
    // Held a moment on the server when edits come in a burst; then the desk follows. Polled as a
    // person would sync, a few times a second at most: both computers share Bob's request budget.
    await waitFor(async () => {
      await new Promise((r) => setTimeout(r, 400));
      await cli('sync', ...desk);
      return JSON.parse((await cli('settings', '--json', ...desk)).stdout).hours === 'mon-fri 09:00-17:00';
    }, 30_000);
    expect(JSON.parse((await cli('settings', '--json', ...desk)).stdout).tz).toBe('Asia/Tokyo');
  }, 60_000);

  it('lists my devices, and signing the laptop out from the desk stops it and drops its meetings', async () => {
    const listed = await cli('device', 'list', ...desk);
    expect(listed.stdout).toMatch(/\(unnamed device\)/);
    expect(listed.stdout).toMatch(/Bob's desk .*← this one\n$/);
    const json = await cli('device', 'list', '--json', ...desk);
    expect(json.code, json.stderr).toBe(0);
    const { devices } = JSON.parse(json.stdout);
    const gone = devices.find((d: { current: boolean }) => !d.current).id;
    const removed = await cli('device', 'remove', gone, ...desk);
    expect(removed.stdout).toMatch(/^Signed out/);
    expect((await cli('board', ...laptop)).stdout).toMatch(/no longer in this team/);
    expect((await bobOnBoard()).availability.busy).toHaveLength(1);
    expect((await cli('device', 'list', '--json', ...desk)).stdout).not.toContain(gone);
  });
});
