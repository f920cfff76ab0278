import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { commandExists, requireDependency } from './requirements';

export const hasRadicale = () =>
  requireDependency('Radicale (a CalDAV server)', commandExists('radicale'), 'apt-get install radicale');

/**
 * A real Radicale on loopback with its own empty storage: any user and password accepted, or
 * only the given users with their passwords (htpasswd), to see a refused password.
 */
export async function startRadicale(
  users?: Record<string, string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-radicale-'));
  const port = await freePort();
  const config = join(dir, 'config');
  const htpasswd = join(dir, 'users');
  if (users)
    writeFileSync(
      htpasswd,
      Object.entries(users)
        .map(([user, password]) => `${user}:${password}\n`)
        .join(''),
    );
  writeFileSync(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      ...(users
        ? ['type = htpasswd', `htpasswd_filename = ${htpasswd}`, 'htpasswd_encryption = plain']
        : ['type = none']),
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('radicale', ['--config', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/.well-known/caldav`, { redirect: 'manual' });
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error(`Radicale did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
