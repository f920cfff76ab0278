import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ricochet.mjs');

/** `ricochet web` as a person starts it, from a folder that is not the project. */
function startWeb(args: string[]) {
  const elsewhere = mkdtempSync(join(tmpdir(), 'ricochet-elsewhere-'));
  const child = spawn(process.execPath, [bin, 'web', '--profile', join(elsewhere, 'profile'), ...args], {
    cwd: elsewhere,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

describe('ricochet web', () => {
  it('started outside the repository, serves the built page (no build at run time)', async () => {
    const page = join(root, 'out/web/index.html');
    const built = statSync(page).mtimeMs;
    const port = await freePort();
    const web = startWeb(['--demo', '--port', String(port)]);
    try {
      await expect.poll(web.output, { timeout: 20_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#secret=/);
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(statSync(page).mtimeMs).toBe(built); // served as built, not rebuilt
    } finally {
      web.child.kill('SIGTERM');
      await web.exited;
    }
  });

  it('on a busy port, says so and exits instead of running without a page', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const web = startWeb(['--port', String(port)]);
      expect(await web.exited).toBe(1);
      expect(web.output()).toContain(`port ${port} is already in use`);
    } finally {
      taken.close();
    }
  });
});
