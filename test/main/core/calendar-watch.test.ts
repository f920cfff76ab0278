import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchCalendarFiles } from '../../../main/core/calendar-watch';
import { waitFor } from '../../support/wait-for';

describe('watching calendar files', () => {
  it('hears every save made by writing a temporary file and renaming it over the calendar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-watch-'));
    const file = join(dir, 'work.ics');
    writeFileSync(file, 'v0');
    let heard = 0;
    const watch = watchCalendarFiles(
      () => [file],
      () => heard++,
      { debounceMs: 20 },
    );
    try {
      for (let save = 1; save <= 3; save++) {
        const before = heard;
        writeFileSync(join(dir, '.work.ics.swp'), `v${save}`);
        renameSync(join(dir, '.work.ics.swp'), file);
        await waitFor(() => heard > before, 5_000);
      }
      expect(heard).toBeGreaterThanOrEqual(3);
    } finally {
      watch.stop();
    }
  });

  it('watches a calendar added after start, and ignores other files of the folder', async () => {
    const first = mkdtempSync(join(tmpdir(), 'ricochet-watch-'));
    const later = join(first, 'later');
    mkdirSync(later);
    const files = [join(first, 'a.ics')];
    let heard = 0;
    const watch = watchCalendarFiles(
      () => files,
      () => heard++,
      { debounceMs: 20 },
    );
    try {
      files.push(join(later, 'b.ics'));
      watch.refresh();
      expect(watch.folders.sort()).toEqual([first, later].sort());
      writeFileSync(join(later, 'notes.txt'), 'not a calendar');
      await new Promise((r) => setTimeout(r, 150));
      expect(heard).toBe(0);
      writeFileSync(join(later, 'b.ics'), 'BEGIN:VCALENDAR');
      await waitFor(() => heard > 0, 5_000);
    } finally {
      watch.stop();
    }
  });
});
