// An organisation and its teams are named for what they are in every word an admin reads, and
// admin commands take a person by email or name as well as by id.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli';
import { client, teamServer } from '../../support/team-server';

describe('organisation and teams, in words', () => {
  it('create-organisation (and its old name create-team) makes an organisation, with no team named like it', async () => {
    const data = ['--data', mkdtempSync(join(tmpdir(), 'ricochet-naming-'))];
    const made = await cli(
      'admin',
      'create-organisation',
      '--name',
      'Acme',
      '--admin-name',
      'Ana',
      '--admin-email',
      'a@a.test',
      ...data,
      '--json',
    );
    expect(made.code, made.stderr).toBe(0);
    const json = JSON.parse(made.stdout);
    expect(json.organisation).toEqual(json.team); // the old field stays for scripts
    const old = await cli(
      'admin',
      'create-team',
      '--name',
      'Beta',
      '--admin-name',
      'Bo',
      '--admin-email',
      'b@b.test',
      ...data,
    );
    expect(old.stdout).toMatch(
      /^Organisation "Beta" created \(id [\w-]+\)\. It has no team yet: everyone who joins sees everyone/,
    );
  });

  it('team-add and team-remove take an email or a name and say who, and what someone out of every team keeps', async () => {
    const t = await teamServer('sqlite');
    try {
      const data = ['--data', t.storage.kind === 'sqlite' ? t.storage.dataDir : ''];
      const org = ['--org', t.team.team.id];
      expect((await cli('admin', 'team-create', ...org, '--name', 'Billing', ...data)).code).toBe(0);
      const added = await cli(
        'admin',
        'team-add',
        ...org,
        '--to',
        'Billing',
        '--member',
        'bob@acme.test',
        ...data,
      );
      expect(added.stdout).toBe('Added Bob to team "Billing".\n');
      expect((await cli('admin', 'team-create', ...org, '--name', 'Search', ...data)).code).toBe(0);
      await cli('admin', 'team-add', ...org, '--to', 'Search', '--member', 'bob@acme.test', ...data);
      const out = await cli('admin', 'team-remove', ...org, '--from', 'Search', '--member', 'Bob', ...data);
      expect(out.stdout).toBe('Took Bob out of team "Search".\n');
      const last = await cli('admin', 'team-remove', ...org, '--from', 'Billing', '--member', 'Bob', ...data);
      expect(last.stdout).toMatch(
        /^Took Bob out of team "Billing"\.\nBob is no longer in any team: they stay in the organisation and keep its directory, the people they star/,
      );
      // And it is so: Bob's board no longer shows Ana's status.
      await t.admin.api('PUT', '/v1/me/status', { state: 'focus', text: 'budget' });
      const board = (await client(t.url, t.bob.token)('GET', '/v1/board')).body.members as {
        id: string;
        status: unknown;
      }[];
      expect(board.find((m) => m.id === t.admin.id)?.status).toBeNull();
      const unknown = await cli('admin', 'promote', ...org, '--member', 'nobody@acme.test', ...data);
      expect(unknown.stderr).toMatch(/no member of this organisation has that name or email/);
      const noOrg = await cli('admin', 'promote', '--member', 'Bob', ...data);
      expect(noOrg.stderr).toMatch(/a name or an email needs --org/);
      const promoted = await cli('admin', 'promote', ...org, '--member', 'Bob', ...data);
      expect(promoted.stdout).toBe('Bob is now an admin of the organisation.\n');
    } finally {
      await t.server.close();
    }
  });
});
