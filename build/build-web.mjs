#!/usr/bin/env node
// Builds the renderer for the browser mode (out/web), as `npm install` and `npm run build` do
// for the CLI: `ricochet web` serves these files and never builds at run time, so it starts in
// about a second from any folder.
import { build } from 'vite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

export async function buildWeb() {
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return join(root, 'out', 'web');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildWeb();
