import { execFile } from 'node:child_process';
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

  it('runs as `npx ricochet` from the installed package', async () => {
    const { stdout } = await promisify(execFile)('npx', ['ricochet', 'version', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
