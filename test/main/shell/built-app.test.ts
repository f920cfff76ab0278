// The main process as it ships: what electron-vite builds (minified, ASCII, its CommonJS
// packages loaded with `require`, the core in a chunk loaded after the tray) started as
// Electron starts it, under the fake Electron. The other shell tests run the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ipcChannels } from '../../../shared/ipc-channels';

const root = join(import.meta.dirname, '../../..');
const outDir = join(root, 'out');

it(
  'the built app starts: tray, cache, every IPC channel answered, the hotkey opens a hardened quick-post box',
  { timeout: 180_000 },
  () => {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe' });
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-built-'));
    const report = join(profile, 'report.json');
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        join(root, 'test/support/built-app-hooks.ts'),
        join(outDir, 'main/index.js'),
      ],
      {
        cwd: root,
        env: { ...process.env, RICOCHET_PROFILE: profile, BUILT_APP_REPORT: report },
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    const seen = JSON.parse(readFileSync(report, 'utf8')) as {
      trays: number;
      tooltip: string | null;
      shortcuts: string[];
      channels: string[];
      quickPost?: { page: string; webPreferences: Electron.WebPreferences };
    };
    expect(seen.trays).toBe(1);
    expect(seen.tooltip).toMatch(/\S/);
    expect(seen.shortcuts).toEqual(['CommandOrControl+Shift+Space']);
    expect([...seen.channels].sort()).toEqual([...ipcChannels].sort());
    expect(existsSync(join(profile, 'cache.sqlite'))).toBe(true); // better-sqlite3, by require
    const { page, webPreferences } = seen.quickPost!;
    expect(webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(existsSync(webPreferences.preload!)).toBe(true);
    expect(existsSync(page)).toBe(true);
    // Every file one byte a character: V8 keeps each source in memory while the app runs.
    for (const file of readdirSync(join(outDir, 'main'), { recursive: true, encoding: 'utf8' }))
      if (file.endsWith('.js'))
        expect(readFileSync(join(outDir, 'main', file), 'utf8')).not.toMatch(/[\u0080-\uffff]/);
  },
);
