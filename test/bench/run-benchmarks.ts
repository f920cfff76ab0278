// `npm run bench`: runs every test/bench/*.bench.ts, prints one table, and rewrites
// docs/benchmarks.md with it. Ratios compare against a baseline measured in the same run,
// so the numbers mean the same on a slow or a busy machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchRow } from './bench-kit';
import { trustTestCa } from '../support/test-ca';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

// Each suite runs in a process of its own: one suite's sockets and garbage (5,000 streams) are
// not billed to the next one's timings.
const rows: BenchRow[] = [];
const one = process.env['RICOCHET_BENCH_ONE'];
if (one) {
  const { benchmark } = (await import(join(dir, one))) as { benchmark: Benchmark };
  writeFileSync(process.env['RICOCHET_BENCH_OUT']!, JSON.stringify(await benchmark.run()));
  process.exit(0);
}
// The company-calendar stand-ins serve https with a test CA: each suite's process trusts it.
trustTestCa();
const outDir = mkdtempSync(join(tmpdir(), 'ricochet-bench-'));
for (const file of files) {
  console.log(`running ${file.replace('.bench.ts', '')}…`);
  const out = join(outDir, `${file}.json`);
  const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, RICOCHET_BENCH_ONE: file, RICOCHET_BENCH_OUT: out },
  });
  if (run.status !== 0) throw new Error(`${file} failed (exit ${run.status})`);
  rows.push(...(JSON.parse(readFileSync(out, 'utf8')) as BenchRow[]));
}

const header = '| suite | case | value | ratio | baseline (same run) | target | ok |';
const table = [
  header,
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.suite} | ${r.name} | ${r.value} ${r.unit} | ${r.ratio ?? ''} | ${r.baseline ?? ''} | ${r.target ?? ''} | ${
        r.pass === undefined ? '' : r.pass ? 'yes' : 'NO'
      } |`,
  ),
].join('\n');
console.log(`\n${table}\n`);

// A filtered run (npm run bench -- stream) prints its rows but leaves the report whole.
if (only) process.exit(rows.some((r) => r.pass === false) ? 1 : 0);

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeFileSync(
  join(dir, '../../docs/benchmarks.md'),
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${machine}.\n` +
    `Each ratio divides a measurement by a baseline taken in the same run, so it holds across machines.\n\n${table}\n`,
);
if (rows.some((r) => r.pass === false)) process.exitCode = 1;
