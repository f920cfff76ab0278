// `ricochet diagnostics`: the same text as "Copy diagnostics", for a terminal or a script.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppLog } from '../../../main/profile/app-log';
import { FileSecretStore } from '../../../main/profile/secret-store';
import { cli } from '../../support/run-cli';
import { waitFor } from '../../support/wait-for';

describe('ricochet diagnostics', () => {
  it('prints version, system, settings and the last problems, without the secrets of the profile', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-diag-'));
    const password = 'caldav-pass-8c1f2e';
    new FileSecretStore(profile).set('caldav:work', password);
    // A problem an earlier run wrote (the app, the browser mode or another command).
    openAppLog(profile).warn('calendar work: the server answered 503');
    await waitFor(async () => (await cli('diagnostics', '--profile', profile)).stdout.includes('503'));
    const added = await cli(
      'calendars',
      'add',
      `https://dav.acme.test/cal/ana/projects/?password=${password}`,
      '--anyway',
      '--profile',
      profile,
    );
    expect(added.code).toBe(0);
    const run = await cli('diagnostics', '--profile', profile);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Ricochet \d+\.\d+\.\d+ \(cli\)\nSystem: /);
    expect(run.stdout).toContain('Team: none (alone)');
    expect(run.stdout).toContain('Calendars (1): feed https://dav.acme.test/…');
    expect(run.stdout).toMatch(/Settings: .*hotkey=CommandOrControl\+Shift\+Space/);
    expect(run.stdout).toContain(`Logs: ${join(profile, 'logs')}`);
    expect(run.stdout).toMatch(/Last problems:\n {2}\S+ \[warn\] +calendar work: the server answered 503/);
    expect(run.stdout).not.toContain(password);
    expect(run.stdout).not.toContain('/cal/ana/');
  });
});
