// `ricochet --help` and `--version` answer without loading the core, and the browser mode loads
// what serves a window only when one connects: the packages each process really loaded, by
// `import` or `require`, watched as they load. A barrel import in the entry once pulled zod,
// SQLite and the whole core into every start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ricochet.mjs'); // out/cli, built by the test setup

/** Runs the CLI until it prints `until` (or exits); the packages it had loaded by then. */
async function packagesLoaded(args: string[], until?: RegExp): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-start-'));
  const log = join(dir, 'packages');
  const child = spawn(
    process.execPath,
    ['--import', join(root, 'test/support/packages-loaded.mjs'), bin, ...args],
    { env: { ...process.env, PACKAGES_LOADED: log } },
  );
  let out = '';
  await new Promise<void>((done) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (until?.test(out)) done();
    });
    child.once('exit', () => done());
  });
  child.kill();
  let names = '';
  try {
    names = readFileSync(log, 'utf8');
  } catch {
    // nothing loaded: no log written
  }
  return [...new Set(names.split('\n').filter(Boolean))];
}

describe('the CLI starts light', () => {
  it('--help and --version load no package', async () => {
    expect(await packagesLoaded(['--help'])).toEqual([]);
    expect(await packagesLoaded(['--version'])).toEqual([]);
  });

  it('the browser mode, before a window connects, holds SQLite and its file server, not ws', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-start-'));
    const loaded = await packagesLoaded(['web', '--port', '0', '--profile', profile], /running at http/);
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'sirv']));
    expect(loaded).not.toContain('ws');
    expect(loaded).not.toContain('electron-log'); // nothing logged yet
  });
});
