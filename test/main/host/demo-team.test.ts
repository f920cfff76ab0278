import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopSession, type DesktopSession } from '../../../main/session/desktop-session';
import { startDemoTeam } from '../../../main/host/demo-team';
import { memberViews } from '../../../main/core/view-models';
import { viewStatus } from '../../../shared/status/member-view-status';

const sessions: DesktopSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.shutdown();
});

/** A desktop session of its own, closed after the test. */
async function newSession() {
  const session = await startDesktopSession({
    profileDir: mkdtempSync(join(tmpdir(), 'ricochet-demo-')),
    info: { version: 'test', platform: process.platform, mode: 'browser', packaged: false },
    notify: () => {},
    broadcast: () => {},
    publishEveryMs: 3_600_000,
  });
  sessions.push(session);
  return session;
}

describe('the demo team', () => {
  it('lends me its zone, hours, role and skills, and removing it gives mine back', async () => {
    const session = await newSession();
    const api = session.api;
    await api['settings:update']({
      tz: 'Asia/Tokyo',
      hours: 'mon-fri 08:00-17:00',
      role: 'Chef',
      skills: ['ramen'],
    });
    const demo = await api['demo:start']({});
    expect(demo.demo).toBe(true);
    expect(demo.tz).not.toBe('Asia/Tokyo');
    const after = await api['demo:remove']({});
    expect(after).toMatchObject({
      demo: false,
      team: null,
      tz: 'Asia/Tokyo',
      hours: 'mon-fri 08:00-17:00',
      role: 'Chef',
      skills: ['ramen'],
      calendars: [],
    });
  });
});

describe('the demo at any hour', () => {
  async function demoAt(iso: string) {
    const session = await newSession();
    const now = Date.parse(iso);
    await startDemoTeam(session.core, now);
    await session.core.commands.sync();
    const people = memberViews(session.core, now);
    return { now, person: (name: string) => people.find((m) => m.name === name)! };
  }

  it('at 02:20 in New York, Jordan is off, not "away with a customer"; posts were written in working hours', async () => {
    const { now, person } = await demoAt('2026-03-10T06:20:00Z'); // 02:20 in New York, 07:20 in Paris
    const jordan = person('Jordan Lee');
    expect(viewStatus(jordan, now).state).toBe('off');
    expect(jordan.status).toBeNull();
    expect(person('Camille Martin').status).toBeNull(); // not at work yet in Paris either
    const priya = person('Priya Shah').latestPost!;
    const written = Date.parse(priya.createdAt);
    expect(written).toBeLessThan(now - 10 * 60_000);
    // Written during her working day in New York (09:00-17:30), not at her night.
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hourCycle: 'h23',
        timeZone: 'America/New_York',
      }).format(written),
    );
    expect(hour).toBeGreaterThanOrEqual(9);
    expect(hour).toBeLessThan(18);
  });

  it('in the working day, statuses show and posts spread over the last hours', async () => {
    const { now, person } = await demoAt('2026-03-10T15:20:00Z'); // 11:20 in New York, 16:20 in Paris
    expect(person('Jordan Lee').status?.state).toBe('away');
    expect(person('Camille Martin').status?.state).toBe('focus');
    const ages = ['Camille Martin', 'Léa Dubois', 'Priya Shah', 'Emily Chen'].map(
      (name) => now - Date.parse(person(name).latestPost!.createdAt),
    );
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(10 * 60_000);
    expect(new Set(ages.map((a) => Math.round(a / 60_000))).size).toBeGreaterThan(1);
  });
});
