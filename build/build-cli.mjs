#!/usr/bin/env node
// Compiles the CLI to JavaScript (out/cli), one chunk per command, so `ricochet` starts without
// compiling TypeScript and loads only what the command it runs needs. Runs on `npm install`
// (prepare), before the tests, and in `npm run build`. Pure-JS packages on the launch path are
// bundled in (bundled-packages.mjs), as in the app's main process.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPackagesPlugin, leanOutputPlugin } from './bundled-packages.mjs';

const root = join(import.meta.dirname, '..');
// Chunks are named by their hash: without this, every build would leave the last one's behind.
rmSync(join(root, 'out/cli'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'main/cli/cli-main.ts')],
  outdir: join(root, 'out/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [bundledPackagesPlugin, leanOutputPlugin],
  logLevel: 'warning',
});
