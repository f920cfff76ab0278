// `npm run bench`: runs every test/bench/*.bench.ts, prints one table, and rewrites
// docs/benchmarks.md with it. Ratios compare against a baseline measured in the same run,
// so the numbers mean the same on a slow or a busy machine.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchRow } from './bench-kit';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const { benchmark } = (await import(join(dir, file))) as { benchmark: Benchmark };
  console.log(`running ${benchmark.suite}…`);
  rows.push(...(await benchmark.run()));
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
