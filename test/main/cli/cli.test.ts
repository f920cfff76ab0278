import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli';

describe('ricochet CLI', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: ricochet <command>/);
    expect(stdout).toMatch(/^ {2}version /m);
  });

  it('rejects an unknown command with exit code 2 and says how to find the list', async () => {
    const { code, stderr } = await cli('nope');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "nope"');
  });

  it('rejects an unknown flag with exit code 2 and the usage', async () => {
    const { code, stderr } = await cli('version', '--frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--frobnicate'/);
    expect(stderr).toMatch(/Usage: ricochet version/);
  });

  it('--version answers; a bare `ricochet` prints the list on stderr and exits 2', async () => {
    expect(await cli('--version')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^ricochet \d+\.\d+\.\d+\n$/),
    });
    const bare = await cli();
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toMatch(/Usage: ricochet <command>/);
  });

  it('admin speaks in words by default and prints JSON with --json', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ricochet-admin-'));
    const words = await cli(
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
    );
    expect(words.stdout).toMatch(
      /^Organisation "Acme" created \(id [\w-]+\)\. It has no team yet: everyone who joins sees everyone, until you make teams \(admin team-create, team-add\)\.\nAdmin: Ana <a@a\.test>, token \S+\nLog in as that admin \(paste the token when asked\): read -rs RICOCHET_TOKEN && export RICOCHET_TOKEN && ricochet login --server <this server.s address> --token-env RICOCHET_TOKEN\n/,
    );
    const json = await cli(
      'admin',
      'create-team',
      '--name',
      'B',
      '--admin-name',
      'Bo',
      '--admin-email',
      'b@b.test',
      '--data',
      data,
      '--json',
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ team: { name: 'B' }, invite: expect.any(String) });
  });

  it('runs as `npx ricochet` from the installed package', async () => {
    const { stdout } = await promisify(execFile)('npx', ['ricochet', 'version', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
