#!/usr/bin/env node
// `npm start`: the Electron app where its binary is installed, the browser mode elsewhere.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const run = (command, args) =>
  spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => {
    process.exitCode = code ?? 1;
  });

if (electronBinary()) {
  run('npx', ['electron-vite', 'dev']);
} else {
  console.log(
    'No Electron binary here (to get it: reinstall electron without ELECTRON_SKIP_BINARY_DOWNLOAD): starting the browser mode.',
  );
  run('node', ['bin/ricochet.mjs', 'web', ...process.argv.slice(2)]);
}
