import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground } from '../../../main/core/background';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import type { ProfileConfig } from '../../../main/profile/profile';
import { ics } from '../../support/ics';
import { waitFor } from '../../support/wait-for';

const cores: DesktopCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function coreWithCalendar(extra: Partial<ProfileConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-pub-'));
  const file = join(dir, 'work.ics');
  const hour = (h: number) =>
    new Date(Math.floor(Date.now() / 3_600_000 + h) * 3_600_000).toISOString().replace(/[-:]|\.\d+/g, '');
  writeFileSync(
    file,
    ics([`DTSTART:${hour(2)}`, `DTEND:${hour(3)}`, 'SUMMARY:Board meeting', 'LOCATION:Room 1']),
  );
  new ConfigFile(dir).update((c) => ({
    ...c,
    calendars: [{ id: 'c1', kind: 'file', location: file, ignoreAllDay: false, shareTitles: false }],
    ...extra,
  }));
  const core = new DesktopCore(dir);
  cores.push(core);
  return { core, file, hour };
}

const queuedAvailability = (core: DesktopCore) =>
  core.reads
    .pending()
    .queued.flatMap((r) => (r.command.kind === 'availability' ? [r.command.availability] : []));

describe('publisher', () => {
  it('queues only free/busy, and only when it changed', async () => {
    const { core } = coreWithCalendar();
    expect((await core.commands.publish()).reason).toBe('changed');
    expect((await core.commands.publish()).reason).toBe('unchanged');
    const [body] = queuedAvailability(core);
    expect(body!.busy).toHaveLength(1);
    expect(JSON.stringify(body)).not.toMatch(/Board meeting|Room 1/);
  });

  it('publishes titles only from a source where the person turned "share titles" on', async () => {
    const { core } = coreWithCalendar();
    await core.commands.updateCalendar('c1', { shareTitles: true });
    await core.commands.publish();
    const [body] = queuedAvailability(core) as { titles?: { title: string }[] }[];
    expect(body!.titles?.map((t) => t.title)).toEqual(['Board meeting']);
    expect(JSON.stringify(body)).not.toContain('Room 1'); // locations never leave
  });

  it('does nothing while publishing is paused', async () => {
    const { core } = coreWithCalendar({ pausePublishing: true });
    expect((await core.commands.publish()).reason).toBe('paused');
    expect(core.reads.pending().queued).toEqual([]);
  });

  it('republishes when the calendar file changes on disk', async () => {
    const { core, file, hour } = coreWithCalendar();
    const background = startBackground(core, { intervalMs: 3_600_000 });
    try {
      await waitFor(() => queuedAvailability(core).length === 1);
      writeFileSync(
        file,
        ics([`DTSTART:${hour(2)}`, `DTEND:${hour(3)}`], [`DTSTART:${hour(5)}`, `DTEND:${hour(6)}`]),
      );
      await waitFor(() => queuedAvailability(core)[0]?.busy.length === 2);
    } finally {
      background.stop();
    }
  });

  it('keeps a per-source error the settings can show, while other sources count', async () => {
    const { core } = coreWithCalendar();
    new ConfigFile(core.dir).update((c) => ({
      ...c,
      calendars: [
        ...c.calendars,
        { id: 'c2', kind: 'file', location: '/nowhere.ics', ignoreAllDay: false, shareTitles: false },
      ],
    }));
    const again = new DesktopCore(core.dir);
    cores.push(again);
    expect((await again.commands.publish()).published).toBe(true);
    expect(again.reads.calendarState()?.warnings).toEqual([
      { source: 'nowhere.ics', message: 'file not found: /nowhere.ics' },
    ]);
  });

  it('a calendar that can no longer be read is never turned into "free": its last busy time stays, marked stale since then', async () => {
    const { core, file } = coreWithCalendar();
    const t0 = Date.now();
    await core.commands.publish(t0);
    expect(queuedAvailability(core)[0]!.busy).toHaveLength(1);
    rmSync(file);
    await core.commands.publish(t0 + 60_000);
    const [body] = queuedAvailability(core) as { busy: unknown[]; staleSince?: string }[];
    expect(body!.busy).toHaveLength(1); // still the meeting, not free
    expect(body!.staleSince).toBe(
      new Date(Math.floor((t0 + 60_000) / 1000) * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    );
    await core.commands.publish(t0 + 120_000);
    const [later] = queuedAvailability(core) as { staleSince?: string }[];
    expect(later?.staleSince ?? body!.staleSince).toBe(body!.staleSince); // since the first failure
  });
});
