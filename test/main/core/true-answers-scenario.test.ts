// A six-person team's answers at a fixed clock, as the issue "every answer people see is
// true" tried it: Paris and New York, a declined meeting, an unanswered invitation,
// back-to-back meetings, an out-of-office day under a manual status, a meeting earlier this
// week, and a teammate who never shared a calendar.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { memberViews } from '../../../main/core/view-models';
import { ConfigFile } from '../../../main/profile/config-file';
import { getMember } from '../../../server/store/members';
import { updateProfile } from '../../../server/store/team-data';
import { parseInstant } from '../../../shared/time/zoned-time';
import { ics } from '../../support/ics';
import { cli } from '../../support/run-cli';
import { teamServer } from '../../support/team-server';
import { waitFor } from '../../support/wait-for';

const now = parseInstant('2026-03-13T14:00:00Z'); // Friday 15:00 in Paris, 10:00 in New York
const cores: DesktopCore[] = [];
let t: Awaited<ReturnType<typeof teamServer>>;
let ana: DesktopCore;
let ben: DesktopCore;
let cleo: DesktopCore;
let anaDir: string;
let cleoDir: string;

function profile(tz: string, calendar?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-scenario-'));
  new ConfigFile(dir).update((c) => ({ ...c, tz, hours: 'mon-fri 09:00-18:00', locale: 'en' }));
  if (calendar) writeFileSync(join(dir, 'work.ics'), calendar);
  const core = new DesktopCore(dir);
  cores.push(core);
  return { core, dir };
}

const anaCalendar = ics(
  ['DTSTART:20260309T090000Z', 'DTEND:20260309T110000Z', 'SUMMARY:Monday planning'], // earlier this week
  ['DTSTART:20260313T140000Z', 'DTEND:20260313T143000Z', 'SUMMARY:One'], // back to back…
  ['DTSTART:20260313T143000Z', 'DTEND:20260313T150000Z', 'SUMMARY:Two'],
  [
    'DTSTART:20260313T150000Z',
    'DTEND:20260313T160000Z',
    'SUMMARY:Declined',
    'ATTENDEE;PARTSTAT=DECLINED:mailto:ana@acme.test',
  ],
  [
    'DTSTART:20260313T160000Z',
    'DTEND:20260313T163000Z',
    'SUMMARY:Unanswered',
    'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:ana.perso@example.test',
  ],
);
const benCalendar = ics([
  'DTSTART;VALUE=DATE:20260313',
  'DTEND;VALUE=DATE:20260314',
  'SUMMARY:Conference',
  'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
]);

beforeAll(async () => {
  t = await teamServer('sqlite');
  const a = profile('Europe/Paris', anaCalendar);
  ({ core: ana, dir: anaDir } = a);
  // The team's creator logs in as the admin member create-team made, with its token.
  await ana.commands.loginWithToken({ server: t.url, token: t.admin.token });
  await ana.commands.updateSettings({ me: ['ana.perso@example.test'] });
  await ana.commands.addCalendar({ location: join(anaDir, 'work.ics') });
  const b = profile('America/New_York', benCalendar);
  ben = b.core;
  await ben.commands.join({ server: t.url, invite: t.team.invite, name: 'Ben', email: 'ben@acme.test' });
  await ben.commands.addCalendar({ location: join(b.dir, 'work.ics') });
  ({ core: cleo, dir: cleoDir } = profile('Europe/Paris'));
  await cleo.commands.join({ server: t.url, invite: t.team.invite, name: 'Cleo', email: 'cleo@acme.test' });
  for (const core of [ana, ben, cleo]) await core.commands.publish(now);
  await ben.commands.post('/dnd 1h Keynote', now);
  for (const core of [ana, ben, cleo]) await core.commands.sync();
});

afterAll(async () => {
  for (const core of cores) core.close();
  await t?.server.close();
});

const label = (viewer: DesktopCore, name: string) =>
  viewer.reads.board(now).find((m) => m.name === name)?.label;

describe('every answer people see is true (a team at a fixed clock)', () => {
  it('one person, one member: the creator is not listed twice, and cannot join again', async () => {
    expect(cleo.reads.board(now).map((m) => m.name)).toEqual(['Ana', 'Ben', 'Bob', 'Cleo']);
    const again = profile('Europe/Paris').core;
    await expect(
      again.commands.join({ server: t.url, invite: t.team.invite, name: 'Ana', email: 'ana@acme.test' }),
    ).rejects.toThrow('already a member');
  });

  it('declined meetings are free, unanswered ones maybe busy, back-to-back meetings one run', () => {
    expect(label(cleo, 'Ana')).toBe('In a meeting until 16:00');
    // Free until an unanswered invitation: from then she may be busy, and the label says so.
    expect(ana.reads.board(now + 70 * 60_000).find((m) => m.name === 'Ana')?.label).toBe(
      'Free until 17:00 (maybe busy)',
    );
    expect(ana.reads.board(now + 125 * 60_000).find((m) => m.name === 'Ana')?.label).toBe(
      'Maybe busy until 17:30',
    );
  });

  it('out of office shows under a manual status; times are in the viewer’s zone, dated when not today', () => {
    // New York is already on summer time (since 8 March), Paris not yet: six hours apart.
    expect(label(cleo, 'Ben')).toBe('Do not disturb until 16:00 · out of office, back Mon 14:00');
    expect(label(ben, 'Ben')).toBe('Do not disturb until 11:00 · out of office, back Mon 09:00');
  });

  it('a teammate who never shared a calendar is shown as such, and not counted as free', () => {
    expect(label(ana, 'Cleo')).toBe('No calendar shared');
    expect(label(ana, 'Bob')).toBe('No calendar shared');
    const ids = ana.reads
      .members()
      .filter((m) => m.name === 'Ana' || m.name === 'Cleo')
      .map((m) => m.id);
    const found = ana.reads.findTime(ids, 30, now);
    expect(found.unshared.map((u) => u.name)).toEqual(['Cleo']);
    expect(found.slots[0]?.start).toBe('2026-03-13T15:00:00Z');
  });

  it('the week counts its days already past: load on Friday includes Monday', () => {
    const published = cleo.reads.members().find((m) => m.name === 'Ana')!.availability!;
    // Mon 2 h + Fri 1 h + 0.5 h maybe busy, of 45 working hours.
    expect(published.loadWeek).toBe(0.078);
  });

  it('my day and the digest count meetings one by one and date the next free slot', async () => {
    const day = await ana.reads.myDay(now + 5 * 60_000);
    // Two back-to-back meetings and an unanswered invitation: the load counts all three, so does this.
    expect(day.meetingsToday).toBe(3);
    expect(day.label).toBe('In a meeting until 16:00');
    const digest = await ben.reads.digest('day', now);
    expect(digest.text).toContain('next free slot Mon 09:00–18:00');
    const alone = await cleo.reads.digest('day', now);
    expect(alone.text).toContain('no calendar yet');
    expect(alone.load).toBeNull();
  });

  it('ricochet availability says what the board says', async () => {
    const res = await cli('availability', '--profile', anaDir, '--now', '2026-03-13T14:00:00Z', '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).summary.label).toBe(label(cleo, 'Ana'));
    // The week's load over the same window the app publishes: the board's number, not a part of it.
    const onBoard = cleo.reads.board(now).find((m) => m.name === 'Ana')!;
    expect(JSON.parse(res.stdout).summary.loadWeek).toBe(onBoard.availability?.loadWeek);
    expect(onBoard.availability?.loadWeek).toBeGreaterThan(0);
    const text = await cli('availability', '--profile', anaDir, '--now', '2026-03-13T14:00:00Z');
    expect(text.stdout).toContain('Now (Fri 13 Mar, 15:00): In a meeting until 16:00');
  });

  it('a bad record that still arrives (older data, another client) spoils only that member’s card', async () => {
    // Written past the server's checks, as data from before them would be.
    const bob = await getMember(t.server.context.storage.db, t.bob.id);
    await updateProfile(t.server.context.storage.db, bob, {
      timezone: 'Paris',
      workingHours: [[{ start: 600, end: 540 }]] as never,
    });
    await cleo.commands.sync();
    const board = cleo.reads.board(now);
    expect(board.map((m) => m.label)).toEqual([
      'In a meeting until 16:00',
      expect.stringContaining('Do not disturb'),
      'No calendar shared',
      'No calendar shared',
    ]);
    const views = memberViews(cleo, now);
    expect(views.find((m) => m.name === 'Bob')?.problems).toEqual(['unknown time zone "Paris"']);
    expect(views.find((m) => m.name === 'Ana')?.problems).toEqual([]);
    const res = await cli('board', '--profile', cleoDir, '--offline');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Bob');
  });

  it('role, skills and shared titles reach teammates', async () => {
    await ana.commands.updateSettings({ role: 'Designer', skills: ['figma', ' research '] });
    const calendar = ana.reads.config.calendars[0]!;
    await ana.commands.updateCalendar(calendar.id, { shareTitles: true });
    await ana.commands.publish(now);
    // A profile edit soon after the last reaches teammates within the server's few seconds.
    const anaSeen = () => memberViews(cleo, now).find((m) => m.name === 'Ana')!;
    await waitFor(async () => (await cleo.commands.sync(), anaSeen().jobTitle === 'Designer'));
    const seen = anaSeen();
    expect(seen).toMatchObject({ jobTitle: 'Designer', skills: ['figma', 'research'] });
    expect(seen.titles.map((x) => x.title)).toContain('One');
    expect(seen.titles.map((x) => x.title)).not.toContain('Declined');
  });

  it('a zone the platform does not know is refused in Settings, and nothing is saved', async () => {
    await expect(ana.commands.updateSettings({ tz: 'Paris' })).rejects.toThrow('"Paris" is not a time zone');
    expect(ana.reads.config.tz).toBe('Europe/Paris');
    const res = await cli('settings', '--profile', anaDir, '--tz', 'Paris');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('"Paris" is not a time zone');
  });
});
