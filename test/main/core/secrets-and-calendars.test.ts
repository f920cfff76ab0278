import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { FileSecretStore } from '../../../main/profile/secret-store';
import { KeychainSecretStore } from '../../../main/shell/keychain-secret-store';

const cores: DesktopCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

const safe = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text).reverse(),
  decryptString: (buffer: Buffer) => Buffer.from(buffer).reverse().toString(),
};

describe('one set of secrets for the app and the CLI', () => {
  it("a CalDAV password the CLI stored is the app's, moved into the keychain", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-secrets-'));
    const cli = new DesktopCore(dir);
    cores.push(cli);
    const entry = await cli.addCalendar({
      location: 'https://dav.example.test/cal/',
      user: 'ana',
      password: 's3cret',
    });
    const keychain = new KeychainSecretStore(safe, dir);
    expect(keychain.get(`caldav:${entry.id}`)).toBe('s3cret');
    expect(new FileSecretStore(dir).keys()).toEqual([]); // no longer in the plain file
  });

  it('removing a calendar from the CLI deletes its password, even the one in the keychain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-secrets-'));
    const app = new DesktopCore(dir, new KeychainSecretStore(safe, dir));
    cores.push(app);
    const entry = await app.addCalendar({
      location: 'https://dav.example.test/cal/',
      user: 'ana',
      password: 'pw',
    });
    const cli = new DesktopCore(dir);
    cores.push(cli);
    expect(await cli.removeCalendar(entry.id.slice(0, 8))).toBe(1);
    await app.settingsChanged(); // what the app's settings watch runs
    expect(new KeychainSecretStore(safe, dir).keys()).toEqual([]);
  });

  it('refuses a calendar that cannot work, and saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-secrets-'));
    const core = new DesktopCore(dir);
    cores.push(core);
    await expect(core.addCalendar({ location: 'https://dav.example.test/', user: 'ana' })).rejects.toThrow(
      'needs its password',
    );
    await expect(core.addCalendar({ location: '  ' })).rejects.toThrow('give a calendar');
    expect(core.config.calendars).toEqual([]);
  });
});
