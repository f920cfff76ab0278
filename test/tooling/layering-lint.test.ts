import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const rules = ['no-restricted-imports', 'no-restricted-syntax', 'import-x/no-restricted-paths'];
  return (result?.messages ?? []).filter((m) => rules.includes(m.ruleId ?? '')).map((m) => m.message);
}

describe('layering enforced by lint (DESIGN.md, "Layers and what each may import")', () => {
  it.each([
    ['renderer/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['renderer/src/bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['shared/bad.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['shared/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['main/calendar/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['server/bad.ts', "import { x as y } from '../main/calendar/engine';\nexport const x = y;\n"],
    ['preload/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    [
      'main/cli/bad.ts',
      "import { openStorage } from '../../server/db/connect';\nexport const x = openStorage;\n",
    ],
    [
      'main/host/bad.ts',
      "import { createOrganisation } from '../../server/store/members';\nexport const x = createOrganisation;\n",
    ],
    ['main/core/bad.ts', "import { runServer } from '../../server/index';\nexport const x = runServer;\n"],
    // import() crosses the same lines: the CLI loads its commands that way.
    ['main/cli/bad.ts', "export const x = () => import('../../server/store/members');\n"],
    ['shared/bad.ts', "export const x = () => import('node:fs');\n"],
    ['renderer/src/bad.ts', "export const x = () => import('electron');\n"],
    // Inside main/: front ends through the core's one entry; lower folders never point up.
    [
      'main/shell/bad.ts',
      "import { LocalCache } from '../cache/local-cache';\nexport const x = LocalCache;\n",
    ],
    ['main/cli/commands/bad.ts', "export const x = () => import('../../core/desktop-core');\n"],
    ['main/web/bad.ts', "import { readBoard } from '../cache/cache-queries';\nexport const x = readBoard;\n"],
    [
      'main/cache/bad.ts',
      "import { DesktopCore } from '../core/desktop-core';\nexport const x = DesktopCore;\n",
    ],
    ['main/publisher/bad.ts', "export const x = () => import('../session/desktop-session');\n"],
    [
      'main/calendar/bad.ts',
      "import { startLocalTeam } from '../host/local-team';\nexport const x = startLocalTeam;\n",
    ],
    [
      'main/core/bad.ts',
      "import { startWebServer } from '../web/web-server';\nexport const x = startWebServer;\n",
    ],
    [
      'main/session/bad.ts',
      "import { LocalCache } from '../cache/local-cache';\nexport const x = LocalCache;\n",
    ],
    [
      'main/session/bad.ts',
      "import { startBackground } from '../core/background';\nexport const x = startBackground;\n",
    ],
    // The cache is what sync fills: it takes wire types from shared/protocol, not from sync.
    [
      'main/cache/bad.ts',
      "import { SyncClient } from '../sync/sync-client';\nexport const x = SyncClient;\n",
    ],
  ])('lint rejects this import in %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['main/shell/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/calendar/ok.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['preload/ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['shared/ok.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['main/host/ok.ts', "import { runServer } from '../../server/index';\nexport const x = runServer;\n"],
    [
      'main/cli/commands/ok.ts',
      "import { runServer } from '../../../server/index';\nexport const x = runServer;\n",
    ],
    ['main/shell/ok.ts', "import { DesktopCore } from '../core/index';\nexport const x = DesktopCore;\n"],
    ['main/cli/commands/ok.ts', "export const x = () => import('../../core/index');\n"],
    ['main/core/ok.ts', "import { LocalCache } from '../cache/local-cache';\nexport const x = LocalCache;\n"],
  ])('lint accepts this import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
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
    const errors = await importErrors(file, code);
    expect(errors.join('\n')).toMatch(/schema|any/);
  });

  it('parsing with a schema is how the wire is typed', async () => {
    const code =
      "import { postData } from '../../shared/protocol/changes';\nexport const x = (t: string) => postData.parse(JSON.parse(t));\n";
    expect(await importErrors('main/cache/ok.ts', code)).toEqual([]);
  });

  it('explains what to do instead', async () => {
    const [message] = await importErrors(
      'shared/bad.ts',
      "import { join } from 'node:path';\nexport const x = join;\n",
    );
    expect(message).toMatch(/keep node:\* out/);
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
