// The organisation's calendar apps: an admin sets them once on the team server, every member's
// `ricochet calendars add --microsoft` (and Settings) signs in with them, flags override them.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { cli } from '../../support/run-cli';
import { microsoftStandIn } from '../../support/stand-ins/microsoft-stand-in';
import { client } from '../../support/team-server';

const bin = new URL('../../../bin/ricochet.mjs', import.meta.url).pathname;
const follower = new URL('../../support/stand-ins/follow-browser.mjs', import.meta.url).pathname;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const withBrowser = (...argv: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      [bin, ...argv],
      { env: { ...process.env, BROWSER: `${process.execPath} ${follower}` } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );

describe('ricochet admin calendar-apps', () => {
  it("sets the organisation's Microsoft 365 app; members connect with it without knowing its id", async () => {
    const standIn = await microsoftStandIn({ clientIds: ['org-app'] });
    closers.push(standIn.close);
    const data = mkdtempSync(join(tmpdir(), 'ricochet-apps-'));
    const created = JSON.parse(
      (
        await cli(
          'admin',
          'create-team',
          '--name',
          'Acme',
          '--admin-name',
          'Ana',
          '--admin-email',
          'a@a.test',
          '--data',
          data,
          '--json',
        )
      ).stdout,
    );
    const org = created.team.id as string;
    const none = await cli('admin', 'calendar-apps', '--org', org, '--data', data);
    expect(none.stdout).toContain('Microsoft 365: not set');
    const refused = await cli(
      'admin',
      'calendar-apps',
      '--org',
      org,
      '--data',
      data,
      '--microsoft',
      'x',
      '--graph',
      'http://plain',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/microsoft\.graph/);
    const set = await cli(
      'admin',
      'calendar-apps',
      '--org',
      org,
      '--data',
      data,
      '--microsoft',
      'org-app',
      '--tenant',
      'contoso',
      '--authority',
      standIn.authority('contoso'),
      '--graph',
      standIn.url,
    );
    expect(set.stdout).toContain('Microsoft 365: org-app (tenant contoso)');
    expect(set.stdout).toContain('Google: not set');

    const server = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage: { kind: 'sqlite', dataDir: data },
    });
    closers.push(() => server.close());
    // Members read the apps (ids and endpoints, never a token); strangers do not.
    const apps = await client(server.url, created.token)('GET', '/v1/calendar-apps');
    expect(apps.body).toEqual({
      microsoft: {
        clientId: 'org-app',
        tenant: 'contoso',
        authority: standIn.authority('contoso'),
        graph: standIn.url,
      },
      google: null,
    });
    expect((await client(server.url)('GET', '/v1/calendar-apps')).status).toBe(401);

    const profile = mkdtempSync(join(tmpdir(), 'ricochet-apps-member-'));
    await cli(
      'login',
      '--server',
      server.url,
      '--invite',
      created.invite,
      '--name',
      'Bob',
      '--email',
      'b@a.test',
      '--profile',
      profile,
    );
    const added = await withBrowser('calendars', 'add', '--microsoft', '--profile', profile);
    expect(added.stderr).toContain('Opening your browser to sign in to Microsoft 365');
    expect(added.stdout).toBe('added Microsoft 365 ana@contoso.example\n');
    // A client id given overrides the organisation's app, endpoints included (here Microsoft's own).
    const other = await withBrowser(
      'calendars',
      'add',
      '--microsoft',
      '--client-id',
      'mine',
      '--profile',
      profile,
    );
    expect(other.stderr).toMatch(/cannot reach login\.microsoftonline\.com/);
  });
});
