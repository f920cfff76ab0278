import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import { waitFor } from '../../support/wait-for';

const cores: DesktopCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});
const open = (dir: string) => {
  const core = new DesktopCore(dir);
  cores.push(core);
  return core;
};

describe('settings that survive', () => {
  it('a calendar added by the CLI while the app runs is kept when the app saves its own change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-settings-'));
    const app = open(dir);
    expect(app.reads.config.calendars).toEqual([]);
    // The CLI, another process, adds a calendar through its own core.
    const cli = open(dir);
    await cli.commands.addCalendar({ location: join(dir, 'work.ics'), anyway: true });
    // The app then changes something else: the calendar must survive that write.
    await app.commands.updateSettings({ hours: 'mon-fri 08:00-17:00' });
    const after = new ConfigFile(dir).read();
    expect(after.calendars.map((c) => c.location)).toEqual([join(dir, 'work.ics')]);
    expect(after.hours).toBe('mon-fri 08:00-17:00');
    expect(app.reads.config.calendars).toHaveLength(1);
  });

  it('the app hears a change made by another process within moments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-settings-'));
    const app = open(dir);
    let heard = 0;
    app.on('changed', () => heard++);
    const stop = app.watchSettings();
    try {
      new ConfigFile(dir).update((c) => ({ ...c, locale: 'fr' }));
      await waitFor(() => heard > 0, 5_000);
      expect(app.reads.config.locale).toBe('fr');
    } finally {
      stop();
    }
  });

  it('a corrupt settings file is moved aside with a warning, and the app starts on defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-settings-'));
    writeFileSync(join(dir, 'config.json'), '{"tz": "Europe/Paris", "calendars": [oops');
    const app = open(dir);
    expect(app.reads.config.calendars).toEqual([]);
    expect(app.reads.warnings()).toHaveLength(1);
    expect(app.reads.warnings()[0]).toMatch(/could not be read .* kept as .*config\.json\.unreadable-/);
    expect(readdirSync(dir).some((f) => f.startsWith('config.json.unreadable-'))).toBe(true);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('refuses a zone or hours it cannot use, and saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-settings-'));
    const app = open(dir);
    await expect(app.commands.updateSettings({ tz: 'Paris' })).rejects.toThrow('"Paris" is not a time zone');
    await expect(app.commands.updateSettings({ hours: 'someday' })).rejects.toThrow();
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });
});
