// Mistakes a person makes at the command line are explained in words they can act on: an
// address typed without a scheme, a server that is not running, an ask made offline, a
// calendar file that cannot be read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port';
import { cli } from '../../support/run-cli';
import { teamServer } from '../../support/team-server';

let t: Awaited<ReturnType<typeof teamServer>>;
beforeAll(async () => {
  t = await teamServer('sqlite');
});
afterAll(() => t?.server.close());

const profile = () => ['--profile', mkdtempSync(join(tmpdir(), 'ricochet-mistakes-'))];

describe('mistakes, explained', () => {
  it('an address without http:// is completed (http on this computer) and said, not refused', async () => {
    const bare = t.url.replace(/^http:\/\//, ''); // 127.0.0.1:port
    const out = await cli(
      'login',
      '--server',
      bare,
      '--invite',
      t.team.invite,
      '--name',
      'Dee',
      '--email',
      'dee@acme.test',
      ...profile(),
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(`(no scheme in "${bare}": using ${t.url})`);
    expect(out.stdout).toMatch(/^Joined Acme as Dee\./);
  });

  it('a server that is not running: "nobody answers … is the server running?", never "fetch failed"', async () => {
    const server = `http://127.0.0.1:${await freePort()}`;
    const out = await cli('login', '--server', server, '--token', 'x'.repeat(40), ...profile());
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain(`nobody answers at ${server}: is the server running?`);
    expect(out.stderr).not.toContain('fetch failed');
  });

  it('an ask made offline says it is queued, not when it will arrive', async () => {
    const away = await teamServer('sqlite');
    const p = profile();
    const login = await cli(
      'login',
      '--server',
      away.url,
      '--invite',
      away.team.invite,
      '--name',
      'Eve',
      '--email',
      'eve@acme.test',
      ...p,
    );
    expect(login.code, login.stderr).toBe(0);
    expect((await cli('board', ...p)).code).toBe(0); // Ana is known to this computer
    await away.server.close(); // and then the server is out of reach
    const out = await cli('post', '/ask @Ana Can you review the invoice fix?', ...p);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(
      'Queued: it will be sent when you are online, then delivered when Ana is free',
    );
  });

  it('a calendar file that cannot be read gets no "--anyway" hint (that is for feeds that are down today)', async () => {
    const p = profile();
    const file = join(mkdtempSync(join(tmpdir(), 'ricochet-ics-')), 'broken.ics');
    writeFileSync(file, 'this is not a calendar');
    const out = await cli('calendars', 'add', file, ...p);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('could not be read');
    expect(out.stderr).not.toContain('--anyway');
  });
});
