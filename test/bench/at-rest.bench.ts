import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundledPackagesPlugin, leanOutputPlugin } from '../../build/bundled-packages.mjs';
import { bigTeam } from '../support/seed-team';
import { spawnServer } from '../support/server-process';
import { percentile, round, type Benchmark, type BenchRow } from './bench-kit';
import { measureAtRest, requireProc, startProcess } from './process-at-rest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/ricochet.mjs');
const outDir = join(root, 'out/bench');
const profile = () => mkdtempSync(join(tmpdir(), 'ricochet-rest-'));
const SETTLE_MS = 75_000; // the "70 s after start": start-up work is over
const WINDOW_MS = 60_000;

/** The launch children, compiled as the CLI is (the app runs compiled code, not TypeScript). */
async function buildChildren() {
  execFileSync(process.execPath, [join(root, 'build/build-cli.mjs')]);
  rmSync(outDir, { recursive: true, force: true }); // chunks are named by hash: no stale ones
  await build({
    entryPoints: [
      join(import.meta.dirname, 'first-tray-child.ts'),
      join(import.meta.dirname, 'bare-select-child.ts'),
    ],
    outdir: outDir,
    bundle: true,
    splitting: true, // as the CLI and the app are built: what is loaded on use stays out of a launch
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [bundledPackagesPlugin, leanOutputPlugin],
    logLevel: 'warning',
  });
}

/** One launch of a child on the profile: its printed times (ms since the process began). */
const launch = (child: string, dir: string) =>
  JSON.parse(
    execFileSync(process.execPath, [join(outDir, child), dir], { encoding: 'utf8' }).split('\n')[0]!,
  ) as { ms?: number; glanceMs?: number; coreMs?: number };

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/**
 * Ricochet running all day: what its core costs while nothing happens (alone, in a team of 500,
 * hosting the demo team), beside a bare `node` started with it, and how soon a launch reaches
 * the tray's first answer with a 500-person cache.
 */
export const benchmark: Benchmark = {
  suite: 'at rest',
  async run() {
    requireProc();
    await buildChildren();
    const { config, storage, team } = await bigTeam();
    await storage.close();
    const server = await spawnServer(config);
    const inTeam = profile();
    const env = { ...process.env, RICOCHET_BENCH_TOKEN: team.token };
    execFileSync(
      process.execPath,
      [bin, 'login', '--server', server.url, '--token-env', 'RICOCHET_BENCH_TOKEN', '--profile', inTeam],
      { env },
    );
    execFileSync(process.execPath, [bin, 'sync', '--profile', inTeam]);

    const rows: BenchRow[] = [];
    const suite = this.suite;
    launch('first-tray-child.js', inTeam); // the file cache warmed for both
    const bare: number[] = [];
    const glance: number[] = [];
    const core: number[] = [];
    for (let i = 0; i < 7; i++) {
      bare.push(launch('bare-select-child.js', inTeam).ms!);
      const tray = launch('first-tray-child.js', inTeam);
      glance.push(tray.glanceMs!);
      core.push(tray.coreMs!);
    }
    const baseline = `node start + one SELECT: ${round(median(bare), 1)} ms`;
    const trayRatio = round(median(glance) / median(bare));
    rows.push({
      suite,
      name: 'launch to the first tray model (500-person cache: the first glance)',
      value: round(median(glance), 1),
      unit: 'ms',
      ratio: trayRatio,
      baseline,
      target: '≤ 2×',
      pass: trayRatio <= 2,
    });
    rows.push({
      suite,
      name: "launch to the core's own tray (the core loaded after the first glance)",
      value: round(median(core), 1),
      unit: 'ms',
      ratio: round(median(core) / median(bare)),
      baseline,
    });

    const web = (dir: string, ...extra: string[]) =>
      startProcess(process.execPath, [bin, 'web', '--port', '0', '--profile', dir, ...extra]);
    const processes = {
      bare: startProcess(process.execPath, ['-e', 'setInterval(() => {}, 2 ** 30)']),
      alone: web(profile()),
      'in a team of 500': web(inTeam),
      'hosting (the demo team)': web(profile(), '--demo'),
    };
    try {
      const measured = await measureAtRest(
        Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, p.pid])),
        SETTLE_MS,
        WINDOW_MS,
      );
      const base = measured['bare']!;
      for (const [mode, m] of Object.entries(measured)) {
        if (mode === 'bare') continue;
        rows.push({
          suite,
          name: `${mode}: CPU, clock ticks a minute`,
          value: round(m.ticksPerMinute, 1),
          unit: 'ticks',
          baseline: `bare node: ${round(base.ticksPerMinute, 1)}`,
          target: '≤ 3',
          pass: m.ticksPerMinute <= 3,
        });
        rows.push({
          suite,
          name: `${mode}: wake-ups a second (every thread)`,
          value: round(m.wakeupsPerSecond, 2),
          unit: '/s',
          baseline: `bare node: ${round(base.wakeupsPerSecond, 2)}`,
          target: '≤ 0.2',
          pass: m.wakeupsPerSecond <= 0.2,
        });
        const ratio = round(m.rssMb / base.rssMb);
        rows.push({
          suite,
          name: `${mode}: memory (RSS)`,
          value: round(m.rssMb, 1),
          unit: 'MB',
          ratio,
          baseline: `bare node: ${round(base.rssMb, 1)} MB`,
          ...(mode === 'alone' ? { target: '≤ 1.6×', pass: ratio <= 1.6 } : {}),
        });
      }
    } finally {
      await Promise.all(Object.values(processes).map((p) => p.stop()));
      await server.kill('SIGTERM');
    }
    return rows;
  },
};
