import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { requireDependency } from './requirements';

/** Debian puts the server binaries under /usr/lib/postgresql/<version>/bin. */
function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const bin = version && join(root, version, 'bin');
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

const hasPostgresUser = () => process.getuid?.() !== 0 || spawnSync('id', ['postgres']).status === 0;

export const hasPostgres = () =>
  requireDependency('PostgreSQL', pgBin() !== undefined && hasPostgresUser(), 'apt-get install postgresql');

/** Root may not run PostgreSQL: run its tools as the postgres user then. */
function run(bin: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

/**
 * Starts the cluster on a free port. A free port can still be taken before PostgreSQL binds it
 * (by another test's server): then its log says so, and another port is tried.
 */
async function listenOnFreePort(bin: string, dir: string, data: string, fsync: 'on' | 'off') {
  const log = join(dir, 'log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=${fsync} -c max_connections=200`;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-o', options, 'start']);
      return port;
    } catch (error) {
      const taken = existsSync(log) && readFileSync(log, 'utf8').includes('Address already in use');
      if (!taken || attempt === 3) throw error;
      rmSync(log, { force: true });
    }
  }
}

/**
 * A throwaway PostgreSQL cluster on loopback; each call of `database()` makes a fresh database.
 * Tests skip fsync (nothing to keep); a benchmark of commits asks for it (`durable`).
 */
export async function startPostgres(options: { durable?: boolean } = {}) {
  const bin = pgBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await listenOnFreePort(bin, dir, data, options.durable ? 'on' : 'off');
  let n = 0;
  return {
    async database(): Promise<string> {
      const name = `ricochet_${process.pid}_${++n}`;
      run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
