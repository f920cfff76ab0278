#!/usr/bin/env node
// The `ricochet` command: the compiled CLI (out/cli, made by `npm install` and `npm run build:cli`).
// RICOCHET_FROM_SOURCES=1 runs the TypeScript sources through tsx instead, while developing.
import { existsSync } from 'node:fs';

const compiled = new URL('../out/cli/cli-main.js', import.meta.url);
if (existsSync(compiled) && !process.env.RICOCHET_FROM_SOURCES) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/cli-main.ts');
}
