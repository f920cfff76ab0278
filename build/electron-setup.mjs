#!/usr/bin/env node
// `npm run electron:setup`: what the desktop app needs beyond `npm install`, done on request
// so that an install never fails where Electron's download is blocked.
// 1. Electron's binary (npm does not run its download script: see allowScripts).
// 2. better-sqlite3 built for Electron's ABI into native/abi-<n>/, leaving npm's build (Node's
//    ABI) in node_modules for the CLI and the tests. The app loads it (main/cache/native-binding.ts),
//    and electron-builder ships it as an extra resource.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronSetupPlan } from './electron-setup-plan.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const plan = electronSetupPlan({
  root,
  electronVersion: require('electron/package.json').version,
  abi: (version) => require('node-abi').getAbi(version, 'electron'),
  exists: existsSync,
  binaryPresent: () => {
    try {
      return existsSync(require('electron'));
    } catch {
      return false;
    }
  },
});

/** One line a person can act on, instead of a stack. */
function fail(step, error) {
  console.error(`electron:setup: ${step} failed (${String(error.message).split('\n')[0]}).`);
  console.error('Without it the browser mode still works: npm run web');
  process.exit(1);
}

if (plan.downloadBinary) {
  console.log(`electron:setup: downloading Electron ${plan.electronVersion}…`);
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { stdio: 'pipe' });
  } catch (error) {
    fail("downloading Electron's binary (is its download site reachable from here?)", error);
  }
}
if (plan.buildBinding) {
  console.log(
    `electron:setup: building better-sqlite3 for Electron ${plan.electronVersion} (ABI ${plan.abi})…`,
  );
  // A copy of the package, so npm's own build for Node stays untouched.
  const work = mkdtempSync(join(tmpdir(), 'ricochet-electron-native-'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'native', dependencies: {} }));
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), join(work, 'node_modules/better-sqlite3'), {
    recursive: true,
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: work,
    electronVersion: plan.electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  }).catch((error) => fail(`building better-sqlite3 for Electron (it needs Electron's headers)`, error));
  mkdirSync(dirname(plan.bindingPath), { recursive: true });
  copyFileSync(join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), plan.bindingPath);
  rmSync(work, { recursive: true, force: true });
}
console.log(`electron:setup: ready (${plan.bindingPath})`);
