import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layers, type LayerLine } from '../../build/layers.mjs';

const eslint = new ESLint();
const root = join(import.meta.dirname, '../..');

type Line = LayerLine;
const lines = Object.entries(layers);

/** The one layering rule's messages for `code` written in `file`. */
async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layering/imports').map((m) => m.message);
}

const isFile = (key: string) => /\.tsx?$/.test(key);
/** A file on a line of the table, to write imports from. */
const sampleIn = (key: string) => (isFile(key) ? key : `${key}/sample.ts`);
/** A project module an import would name on a line (a folder's file, or the entry file itself). */
const moduleOf = (key: string) => (isFile(key) ? key.replace(/\.tsx?$/, '') : `${key}/some-module`);
const importOf = (from: string, to: string) => {
  const path = relative(dirname(from), to);
  return `import { x as y } from '${path.startsWith('.') ? path : `./${path}`}';\nexport const x = y;\n`;
};
const covers = (line: Line, module: string) =>
  line.imports.some((e) => {
    const bare = e.replace(/\.tsx?$/, '');
    return module === bare || module.startsWith(`${bare}/`);
  });

const everyPackage = [...new Set(lines.flatMap(([, l]) => l.packages ?? []))].map((p) =>
  p.endsWith('/*') ? p.replace('*', 'anything') : p,
);

describe.each(lines)('the layering line for %s', (key, line) => {
  const from = sampleIn(key);

  it.each(line.imports.map((e) => moduleOf(e)))('accepts an import of %s', async (module) => {
    expect(await refusals(from, importOf(from, module))).toEqual([]);
  });

  const others = lines.map(([k]) => moduleOf(k)).filter((m) => !covers(line, m));
  // A line that names one entry file of a folder (server/index.ts) refuses the folder's other files.
  const besideEntries = line.imports
    .filter((e) => isFile(e) && !covers(line, `${dirname(e)}/other-file`))
    .map((e) => `${dirname(e)}/other-file`);
  it.each([...others, ...besideEntries])('refuses an import of %s, saying why', async (module) => {
    const errors = await refusals(from, importOf(from, module));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(line.why);
  });

  it('allows exactly the packages it lists', async () => {
    const refused: string[] = [];
    for (const name of everyPackage)
      if ((await refusals(from, `import x from '${name}';\nexport const y = x;\n`)).length)
        refused.push(name);
    const listed = (name: string) =>
      (line.packages ?? []).some((p) => p === name || (p.endsWith('/*') && name.startsWith(p.slice(0, -1))));
    expect(refused).toEqual(everyPackage.filter((name) => !listed(name)));
  });

  it(`Node's built-ins are ${line.node ? 'allowed' : 'refused'}, with or without node:`, async () => {
    for (const name of ['node:fs', 'fs', 'node:path']) {
      const errors = await refusals(from, `import * as m from '${name}';\nexport const y = m;\n`);
      expect(errors).toHaveLength(line.node ? 0 : 1);
    }
  });
});

// The lines docs/architecture.md promises, written out so that loosening the table is seen.
describe('the architecture the table keeps', () => {
  it.each([
    ['renderer/src/bad.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/bad.tsx', "import { ipcRenderer } from 'electron';"],
    ['shared/bad.ts', "import Database from 'better-sqlite3';"],
    ['main/calendar/bad.ts', "import { app } from 'electron';"],
    ['server/bad.ts', "import { x } from '../main/calendar/engine';"],
    ['preload/bad.ts', "import { readFileSync } from 'node:fs';"],
    ['main/cli/bad.ts', "import { openStorage } from '../../server/db/connect';"],
    ['main/host/bad.ts', "import { createOrganisation } from '../../server/store/members';"],
    ['main/core/bad.ts', "import { runServer } from '../../server/index';"],
    ['main/shell/bad.ts', "import { LocalCache } from '../cache/local-cache';"],
    ['main/web/bad.ts', "import { readBoard } from '../cache/cache-queries';"],
    ['main/cache/bad.ts', "import { DesktopCore } from '../core/desktop-core';"],
    ['main/cache/bad.ts', "import { SyncClient } from '../sync/sync-client';"],
    ['main/calendar/bad.ts', "import { startLocalTeam } from '../host/local-team';"],
    ['main/core/bad.ts', "import { startWebServer } from '../web/web-server';"],
    ['main/session/bad.ts', "import { startBackground } from '../core/background';"],
    ['main/publisher/bad.ts', "import { x } from '../session/desktop-session';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await refusals(file, `${code}\nexport const z = 1;\n`)).toHaveLength(1);
  });
});

describe('the layering rule', () => {
  it('checks type-only imports, re-exports and import() too', async () => {
    for (const code of [
      "import type { LocalCache } from '../cache/local-cache';\nexport type X = LocalCache;\n",
      "export { LocalCache } from '../cache/local-cache';\n",
      "export * from '../cache/local-cache';\n",
      "export const x = () => import('../cache/local-cache');\n",
    ])
      expect(await refusals('main/web/bad.ts', code)).toHaveLength(1);
  });

  it('refuses a folder nobody gave a line, and an import of one', async () => {
    const [inside] = await refusals('main/new-folder/a.ts', "export const x = 1;\nimport '../core/index';\n");
    expect(inside).toMatch(/not in the layering table/);
    const [to] = await refusals(
      'main/core/a.ts',
      "import { x } from '../new-folder/b';\nexport const y = x;\n",
    );
    expect(to).toMatch(/main\/new-folder\/b \(not in the layering table\)/);
  });

  it('reads a folder import as its index file', async () => {
    expect(await refusals('main/shell/a.ts', "import { x } from '../core';\nexport const y = x;\n")).toEqual(
      [],
    );
  });

  it('explains what to do instead', async () => {
    const [message] = await refusals(
      'shared/bad.ts',
      "import { join } from 'node:path';\nexport const x = join;\n",
    );
    expect(message).toMatch(/shared\/ may not import node:path .*keep node:\* out/);
  });

  it('leaves tests and build scripts outside the layering', async () => {
    expect(
      await refusals(
        'test/x.test.ts',
        "import { LocalCache } from '../main/cache/local-cache';\nexport const x = LocalCache;\n",
      ),
    ).toEqual([]);
  });

  // The wire is the contract: its data is typed by shared/protocol's schemas, never by hand.
  it.each([
    [
      'shared/protocol/bad.ts',
      "import { z } from 'zod';\nexport const x = z.object({ data: z.unknown() });\n",
    ],
    ['server/http/bad.ts', "import { z } from 'zod';\nexport const x = z.any().describe('stored');\n"],
    ['main/cache/bad.ts', 'export const x = (t: string) => JSON.parse(t) as { id: string };\n'],
    ['main/sync/bad.ts', 'export const x = (t: unknown) => t as any;\n'],
  ])('lint rejects hand typing on the wire in %s', async (file, code) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    const errors = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(errors.map((m) => m.message).join('\n')).toMatch(/schema|any/);
  });

  it('parsing with a schema is how the wire is typed', async () => {
    const code =
      "import { postData } from '../../shared/protocol/changes';\nexport const x = (t: string) => postData.parse(JSON.parse(t));\n";
    const [result] = await eslint.lintText(code, { filePath: join(root, 'main/cache/ok.ts') });
    expect(result?.messages ?? []).toEqual([]);
  });
});

describe('no import cycle (npm run lint:cycles)', () => {
  const check = (dir: string) => {
    try {
      execFileSync(
        'npx',
        ['dpdm', '--no-tree', '--no-warning', '--exit-code', 'circular:1', `${dir}/**/*.ts`],
        {
          cwd: process.cwd(),
          stdio: 'pipe',
        },
      );
      return 0;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };

  it('fails on a cycle made only of type imports, and passes the project as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-cycle-'));
    mkdirSync(join(dir, 'server'));
    writeFileSync(join(dir, 'server/a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
    writeFileSync(join(dir, 'server/b.ts'), "import type { A } from './a';\nexport interface B { a?: A }\n");
    expect(check(dir)).toBe(1);
    expect(check('server')).toBe(0);
  });
});
