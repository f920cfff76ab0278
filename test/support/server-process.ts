import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { StorageConfig } from '../../server/db/connect';
import { freePort } from './free-port';

const bin = join(import.meta.dirname, '../../bin/ricochet.mjs');

/** `ricochet server` in a child process, so a test can kill it like an operator would. */
export async function spawnServer(storage: StorageConfig, port?: number, extra: string[] = []) {
  const p = port ?? (await freePort());
  const args = ['server', '--port', String(p), '--quiet', ...extra];
  args.push(...(storage.kind === 'sqlite' ? ['--data', storage.dataDir] : ['--database-url', storage.url]));
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${p}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || i > 200) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port: p,
    pid: child.pid!,
    exited,
    output: () => output,
    kill: async (signal: NodeJS.Signals) => {
      child.kill(signal);
      return exited;
    },
  };
}
