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

const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  // Stopping `npm start` stops what it started: a signal to this process goes to the child,
  // which would otherwise keep its server running alone.
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return child.on('exit', (code) => {
    process.off('SIGINT', forward).off('SIGTERM', forward);
    process.exitCode = code ?? 1;
  });
};

if (electronBinary()) {
  // The app needs better-sqlite3 built for Electron's ABI; electron:setup builds it once.
  run('npm', ['run', '--silent', 'electron:setup']).on('exit', (code) => {
    if (code === 0) run('npx', ['electron-vite', 'dev']);
  });
} else {
  console.log(
    'Opening the browser mode: Electron is not downloaded by `npm install` here (run `npm run electron:setup` to get the desktop app).',
  );
  run('node', ['bin/ricochet.mjs', 'web', ...process.argv.slice(2)]);
}
