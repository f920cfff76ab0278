import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding Ricochet's package.json, found by walking up: the same answer from the
 * sources (tsx, tests), the compiled CLI (out/cli) and the app's bundle (out/main, in an asar).
 */
export function projectRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'ricochet')
      return dir;
    if (dirname(dir) === dir) throw new Error(`no ricochet package.json above ${from}`);
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}
