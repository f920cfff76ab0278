import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopSession, type DesktopSession } from '../../../main/session/desktop-session';

const sessions: DesktopSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.shutdown();
});

describe('the demo team', () => {
  it('lends me its zone, hours, role and skills, and removing it gives mine back', async () => {
    const session = await startDesktopSession({
      profileDir: mkdtempSync(join(tmpdir(), 'ricochet-demo-')),
      info: { version: 'test', platform: process.platform, mode: 'browser', packaged: false },
      notify: () => {},
      broadcast: () => {},
      publishEveryMs: 3_600_000,
    });
    sessions.push(session);
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
