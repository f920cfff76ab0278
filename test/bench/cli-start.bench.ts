import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { medianMs, round, type Benchmark } from './bench-kit';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/ricochet.mjs');
const run = (args: string[]) => () => execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });

/** How long `ricochet --help` and `--version` take to answer, against a bare `node -e 0`. */
export const benchmark: Benchmark = {
  suite: 'CLI start',
  async run() {
    execFileSync(process.execPath, [join(root, 'build/build-cli.mjs')]);
    const bare = await medianMs(run(['-e', '0']), 15, 3);
    const rows = [];
    for (const [name, args] of [
      ['ricochet --help', ['--help']],
      ['ricochet --version', ['--version']],
    ] as const) {
      const ms = await medianMs(run([bin, ...args]), 15, 3);
      const ratio = round(ms / bare);
      rows.push({
        suite: 'CLI start',
        name,
        value: round(ms, 1),
        unit: 'ms',
        ratio,
        baseline: `node -e 0: ${round(bare, 1)} ms`,
        target: '≤ 4×',
        pass: ratio <= 4,
      });
    }
    return rows;
  },
};
