// The publisher looks at calendars when something may have changed, not on a clock it does not
// need: a watched file publishes on change, and otherwise the laptop sleeps until the quarter
// hour; a feed (which changes without telling) is looked at every interval.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nextPublishAt, startBackground } from '../../../main/core/background';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import type { CalendarSourceConfig } from '../../../main/profile/profile';
import { waitFor } from '../../support/wait-for';

const cores: DesktopCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

const file: CalendarSourceConfig = {
  id: 'f',
  kind: 'file',
  location: '/tmp/none.ics',
  ignoreAllDay: false,
  shareTitles: false,
};
const feed: CalendarSourceConfig = { ...file, id: 'u', kind: 'feed', location: 'http://127.0.0.1:9/cal.ics' };
const QUARTER = 15 * 60_000;

describe('when the publisher looks again', () => {
  it('with files only (or none): at the next quarter hour, never later, never now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.boolean(), (now, none) => {
        const at = nextPublishAt(none ? [] : [file], now, 60_000);
        expect(at).toBeGreaterThan(now);
        expect(at - now).toBeLessThanOrEqual(QUARTER);
        expect(at % QUARTER).toBe(0); // every zone's midnight and hour fall on a quarter hour
      }),
    );
  });

  it('with a feed among them: every interval', () => {
    expect(nextPublishAt([file, feed], 1_000, 60_000)).toBe(61_000);
  });

  it('a profile with a calendar file is not read on a clock; one with a feed is', async () => {
    const runs = async (calendars: CalendarSourceConfig[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'ricochet-bg-'));
      new ConfigFile(dir).update((c) => ({ ...c, calendars }));
      const core = new DesktopCore(dir);
      cores.push(core);
      let count = 0;
      const publish = core.commands.publish.bind(core.commands);
      core.commands.publish = (now?: number) => (count++, publish(now));
      // A clock fixed at 10:07: the next quarter hour is 8 minutes away, whatever the hour the test runs.
      const background = startBackground(core, {
        intervalMs: 40,
        now: () => Date.parse('2026-12-07T10:07:00Z'),
      });
      try {
        await waitFor(() => count >= 1);
        await new Promise((r) => setTimeout(r, 600));
        return count;
      } finally {
        background.stop();
      }
    };
    expect(await runs([file])).toBe(1); // the start, then nothing until the quarter hour
    expect(await runs([feed])).toBeGreaterThanOrEqual(3);
  });
});
