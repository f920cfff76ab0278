import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { FileSecretStore } from '../../../main/profile/secret-store';
import { KeychainSecretStore } from '../../../main/shell/keychain-secret-store';
import { httpFixture } from '../../support/http-fixture';
import { ics } from '../../support/ics';
import { cli } from '../../support/run-cli';

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
    const entry = await cli.commands.addCalendar({
      location: 'https://dav.example.test/cal/',
      user: 'ana',
      password: 's3cret',
      anyway: true, // no CalDAV server here: this is about where its password goes
    });
    const keychain = new KeychainSecretStore(safe, dir);
    expect(keychain.get(`caldav:${entry.id}`)).toBe('s3cret');
    expect(new FileSecretStore(dir).keys()).toEqual([]); // no longer in the plain file
  });

  it('removing a calendar from the CLI deletes its password, even the one in the keychain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-secrets-'));
    const app = new DesktopCore(dir, new KeychainSecretStore(safe, dir));
    cores.push(app);
    const entry = await app.commands.addCalendar({
      location: 'https://dav.example.test/cal/',
      user: 'ana',
      password: 'pw',
      anyway: true,
    });
    const cli = new DesktopCore(dir);
    cores.push(cli);
    expect(await cli.commands.removeCalendar(entry.id.slice(0, 8))).toBe(1);
    await app.commands.settingsChanged(); // what the app's settings watch runs
    expect(new KeychainSecretStore(safe, dir).keys()).toEqual([]);
  });

  it('refuses a calendar that cannot work, and saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-secrets-'));
    const core = new DesktopCore(dir);
    cores.push(core);
    await expect(
      core.commands.addCalendar({ location: 'https://dav.example.test/', user: 'ana' }),
    ).rejects.toThrow('needs its password');
    await expect(core.commands.addCalendar({ location: '  ' })).rejects.toThrow('give a calendar');
    expect(core.reads.config.calendars).toEqual([]);
  });

  it('a calendar that cannot be read is refused with its reason, unless added anyway; never twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-calendars-'));
    const core = new DesktopCore(dir);
    cores.push(core);
    const feeds = await httpFixture((req, res) => {
      if (req.url === '/private.ics') res.writeHead(401).end('sign in');
      else if (req.url === '/page.ics')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>');
      else
        res
          .writeHead(200, { 'content-type': 'text/calendar' })
          .end(ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z']));
    });
    try {
      await expect(core.commands.addCalendar({ location: join(dir, 'missing.ics') })).rejects.toThrow(
        /missing\.ics could not be read: file not found/,
      );
      await expect(core.commands.addCalendar({ location: dir })).rejects.toThrow(
        /could not be read: not a file/,
      );
      await expect(core.commands.addCalendar({ location: `${feeds.url}/page.ics` })).rejects.toThrow(
        /could not be read: .*not an iCalendar/,
      );
      await expect(core.commands.addCalendar({ location: `${feeds.url}/private.ics` })).rejects.toThrow(
        /could not be read: .*401/,
      );
      expect(core.reads.config.calendars).toEqual([]); // nothing of the refused ones was kept
      // A feed that is down today, added on purpose.
      await core.commands.addCalendar({ location: `${feeds.url}/private.ics`, anyway: true });
      const file = join(dir, 'work.ics');
      writeFileSync(file, ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z']));
      await core.commands.addCalendar({ location: file });
      await expect(core.commands.addCalendar({ location: file })).rejects.toThrow(
        'already in your calendars',
      );
      expect(core.reads.config.calendars.map((c) => c.kind)).toEqual(['feed', 'file']);
    } finally {
      await feeds.close();
    }
  });

  it('the CLI says why it refused, how to add a feed that is down anyway, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-calendars-'));
    const refused = await cli('calendars', 'add', join(dir, 'missing.ics'), '--profile', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('missing.ics could not be read: file not found');
    // A file will not be better tomorrow: no hint; a feed that is down today gets one.
    expect(refused.stderr).not.toContain('--anyway');
    const down = await cli('calendars', 'add', 'http://127.0.0.1:9/feed.ics', '--profile', dir);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('(to add it all the same, for a feed that is down today: --anyway)');
    expect((await cli('calendars', 'add', join(dir, 'missing.ics'), '--anyway', '--profile', dir)).code).toBe(
      0,
    );
  });
});
