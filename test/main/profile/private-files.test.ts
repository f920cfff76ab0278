import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { openStorage } from '../../../server/db/connect';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files that say who my teammates are stay mine', () => {
  it('the profile: folder 0700, settings, cache and its WAL 0600, even in a folder that was open', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ricochet-perm-')), 'profile');
    mkdirSync(dir, { mode: 0o755 });
    const core = new DesktopCore(dir);
    await core.commands.updateSettings({ hours: 'mon-fri 09:00-17:00' });
    await core.commands.post('a local note');
    expect(mode(dir)).toBe(0o700);
    for (const file of readdirSync(dir)) expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
    core.close();
  });

  it("the team server's data folder and database", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ricochet-perm-')), 'data');
    const storage = await openStorage({ kind: 'sqlite', dataDir });
    expect(mode(dataDir)).toBe(0o700);
    for (const file of readdirSync(dataDir)) expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
    await storage.close();
  });
});
