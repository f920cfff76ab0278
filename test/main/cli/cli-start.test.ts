// `ricochet --help` and `--version` answer without loading the core: what the compiled entry
// imports before running (its static imports, followed through the chunks) holds no package.
// A barrel import in the entry once pulled zod, SQLite and the whole core into every start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = join(import.meta.dirname, '../../../out/cli'); // built by the test setup

/** The packages a compiled file loads before any of its code runs (dynamic import() excluded). */
function packagesLoaded(file: string, packages = new Set<string>(), seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const text = readFileSync(join(out, file), 'utf8');
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?(?:from\s*)?["']([^"']+)["'];?$/gm)) {
    const target = m[1]!;
    if (target.startsWith('./')) packagesLoaded(target.slice(2), packages, seen);
    else if (!target.startsWith('node:')) packages.add(target);
  }
  return packages;
}

describe('the CLI starts light', () => {
  it('its entry loads no package before a command is chosen; the version command none either', () => {
    expect([...packagesLoaded('cli-main.js')]).toEqual([]);
    const entry = readFileSync(join(out, 'cli-main.js'), 'utf8');
    const version = /import\("\.\/(version-command-[^"]+)"\)/.exec(entry)![1]!;
    expect([...packagesLoaded(version)]).toEqual([]);
    // The check itself sees packages: the web command's chunk loads ws and sirv.
    const web = /import\("\.\/(web-command-[^"]+)"\)/.exec(entry)![1]!;
    expect([...packagesLoaded(web)]).toEqual(expect.arrayContaining(['ws', 'sirv']));
  });
});
