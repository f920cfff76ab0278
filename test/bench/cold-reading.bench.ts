import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, type Benchmark } from './bench-kit';
import { heavyCalendar } from './heavy-calendar';

const child = join(import.meta.dirname, 'cold-reading-child.ts');

/**
 * The first reading in a fresh process (what `ricochet availability --ics` and the app's first
 * publish pay), against ical.js's own first parse of the same file in a fresh process: each
 * measured 9 times, alternated, and the medians compared.
 */
export const benchmark: Benchmark = {
  suite: 'calendar engine, cold',
  async run() {
    const path = join(mkdtempSync(join(tmpdir(), 'ricochet-cold-')), 'heavy.ics');
    writeFileSync(path, heavyCalendar());
    const now = String(Date.parse('2026-03-10T10:00:00Z'));
    const once = (mode: string) =>
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', child, mode, path, now], { encoding: 'utf8' }),
      );
    const parse: number[] = [];
    const read: number[] = [];
    once('parse'); // the first start of tsx compiles its cache: not billed to either side
    for (let i = 0; i < 9; i++) {
      parse.push(once('parse'));
      read.push(once('read'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p = median(parse);
    const r = median(read);
    return [
      {
        suite: this.suite,
        name: 'ical.js first parse of the heavy file in a fresh process',
        value: round(p, 1),
        unit: 'ms',
      },
      {
        suite: this.suite,
        name: 'first reading of it in a fresh process (ricochet availability --ics: read, filter, parse, expand, summary)',
        value: round(r, 1),
        unit: 'ms',
        ratio: round(r / p),
        baseline: 'ical.js first parse',
        target: '≤ 1.25×',
        pass: r / p <= 1.25,
      },
    ];
  },
};
