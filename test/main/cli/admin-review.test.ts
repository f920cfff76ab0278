// Findings 6, 12 and 14 of the live review, through the real `ricochet` command and a real
// SQLite database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { cli } from '../../support/run-cli';
import { client } from '../../support/team-server';

const createOrganisation = (data: string, name: string, adminName: string, ...extra: string[]) =>
  cli(
    'admin',
    'create-team',
    '--name',
    name,
    '--admin-name',
    adminName,
    '--admin-email',
    'a@a.test',
    '--data',
    data,
    ...extra,
  );

describe('admin commands after the live review', () => {
  it('a team and admin name with terminal escapes is stored clean, and login prints it clean', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ricochet-review-'));
    const evil = 'Evil\u001b]0;TITLE\u0007\u001b]52;c;aGk=\u0007';
    const created = JSON.parse((await createOrganisation(data, evil, `Ana${'\u001b'}[31m`, '--json')).stdout);
    expect(created.team.name).toBe('Evil]0;TITLE]52;c;aGk=');
    expect(created.admin.name).toBe('Ana[31m');
    const server = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage: { kind: 'sqlite', dataDir: data },
    });
    try {
      const profile = mkdtempSync(join(tmpdir(), 'ricochet-review-profile-'));
      const joined = await cli(
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
      expect(joined.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- no escape or bell may reach the terminal
      expect(joined.stdout).not.toMatch(/[\u001b\u0007]/);
      expect(joined.stdout).toBe('Joined Evil]0;TITLE]52;c;aGk= as Bob.\n');
    } finally {
      await server.close();
    }
  });

  it('a name that is empty once cleaned is refused with the reason', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ricochet-review-'));
    const res = await createOrganisation(data, '\u200b\u200d', 'Ana');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/name: it is empty/);
  });

  it('create-team prints a login line that keeps the token out of shell history', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ricochet-review-'));
    const created = JSON.parse((await createOrganisation(data, 'Acme', 'Ana', '--json')).stdout);
    expect(created.login).toContain('--token-env RICOCHET_TOKEN');
    expect(created.login).not.toContain(created.token);
  });

  it('an invite born expired (--expires 0m) is refused, not created', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ricochet-review-'));
    const created = JSON.parse((await createOrganisation(data, 'Acme', 'Ana', '--json')).stdout);
    const res = await cli('admin', 'invite', '--team', created.team.id, '--expires', '0m', '--data', data);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--expires: "0m" is shorter than a minute');
  });
});

describe('a team always keeps an admin (finding 10)', () => {
  it('the only admin cannot be removed (CLI and API); once another is promoted, it can', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ricochet-review-'));
    const created = JSON.parse((await createOrganisation(data, 'Acme', 'Ana', '--json')).stdout);
    const alone = await cli('admin', 'remove', '--member', created.admin.id, '--data', data);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toContain("Ana is this organisation's only admin: make another member admin first");
    const server = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage: { kind: 'sqlite', dataDir: data },
    });
    try {
      const api = client(server.url, created.token);
      const self = await api('DELETE', `/v1/members/${created.admin.id}`);
      expect(self).toMatchObject({ status: 409, body: { error: 'last_admin' } });
      const bo = await client(server.url)('POST', '/v1/join', {
        code: created.invite,
        name: 'Bo',
        email: 'bo@a.test',
      });
      const promoted = await cli('admin', 'promote', '--member', bo.body.member.id, '--data', data);
      expect(promoted.stdout).toBe('Bo is now an admin of the organisation.\n');
      // Teammates see the new role; and now Ana may go.
      expect((await api('GET', `/v1/members/${bo.body.member.id}`)).body.role).toBe('admin');
      expect((await api('DELETE', `/v1/members/${created.admin.id}`)).status).toBe(204);
    } finally {
      await server.close();
    }
  });
});
