import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../shared/ipc-contract';
import { canonicalZone, settingsPatch, settingsPatchShape } from '../../../shared/settings/settings-schema';
import { cli } from '../../support/run-cli';

describe('settings, described once', () => {
  it('zones are made canonical; an abbreviation is refused with the zone to use', () => {
    expect(canonicalZone('europe/paris')).toEqual({ zone: 'Europe/Paris' });
    expect(canonicalZone(' America/New_York ')).toEqual({ zone: 'America/New_York' });
    expect(canonicalZone('EST')).toEqual({
      error: '"EST" is an abbreviation, not a time zone: use a name like America/New_York',
    });
    expect(canonicalZone('Paris')).toMatchObject({ error: expect.stringContaining('is not a time zone') });
  });

  it('a change is checked field by field, and a night shift is fine', () => {
    expect(
      settingsPatch.parse({ tz: 'asia/tokyo', hours: 'mon-fri 22:00-06:00', skills: [' go ', 'go'] }),
    ).toEqual({
      tz: 'Asia/Tokyo',
      hours: 'mon-fri 22:00-06:00',
      skills: ['go'],
    });
    const bad = settingsPatch.safeParse({ hotkey: 'Ctrl Shift', me: ['nope'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['hotkey', 'me']);
  });

  it('the app (IPC) and the CLI take the same settings, with the same checks', async () => {
    expect(ipcContract['settings:update'].request).toBe(settingsPatchShape);
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-settings-'));
    const p = ['--profile', profile, '--json'];
    const set = await cli('settings', '--tz', 'europe/paris', '--hours', 'mon-sun 22:00-06:00', ...p);
    expect(JSON.parse(set.stdout)).toMatchObject({ tz: 'Europe/Paris', hours: 'mon-sun 22:00-06:00' });
    const est = await cli('settings', '--tz', 'EST', ...p);
    expect(est.code).toBe(2);
    expect(est.stderr).toContain('use a name like America/New_York');
    const german = await cli('settings', '--locale', 'de', ...p);
    expect(german.code).toBe(2);
    expect(german.stderr).toContain('the language is en or fr');
    // Nothing of the refused changes was saved.
    expect(JSON.parse((await cli('settings', ...p)).stdout)).toMatchObject({
      tz: 'Europe/Paris',
      locale: null,
    });
  });
});
