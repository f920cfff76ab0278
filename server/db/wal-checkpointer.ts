import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Sqlite from 'better-sqlite3';

// The thread's whole program: its own connection, and a PASSIVE checkpoint `everyMs` after the
// write-ahead log was written to (the folder's watch says so): none while nobody writes.
const program = `
const { parentPort, workerData } = require('node:worker_threads');
const { watch } = require('node:fs');
const { basename, dirname } = require('node:path');
const Database = require(workerData.module);
const db = new Database(workerData.path, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
const log = basename(workerData.path) + '-wal';
let timer;
const checkpoint = () => { timer = undefined; if (db.open) db.pragma('wal_checkpoint(PASSIVE)'); };
const watcher = watch(dirname(workerData.path), (_event, name) => {
  if (name === log && !timer) timer = setTimeout(checkpoint, workerData.everyMs);
});
watcher.on('error', () => {});
parentPort.on('message', () => { clearTimeout(timer); watcher.close(); db.close(); parentPort.close(); });
`;

/** SQLite's own default: fold the log into the file once it holds this many pages. */
const IN_COMMIT_PAGES = 1000;

/**
 * SQLite folds its write-ahead log into the database file in the commit that takes the log past
 * 1,000 pages: that commit (someone's status change) waits for the copy and its fsync, every
 * few hundred writes. The server has a thread of its own do it instead, on its own connection,
 * a second after the log was written to (PASSIVE: writers carry on meanwhile), and turns the
 * in-commit one off. At rest nothing is written, and the thread sleeps. Should
 * that thread stop, commits take the job back. Returns how to stop it (before closing `file`).
 */
export function checkpointInBackground(
  file: Sqlite.Database,
  path: string,
  options: { nativeBinding?: string; everyMs?: number } = {},
): () => Promise<void> {
  const worker = new Worker(program, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      path,
      nativeBinding: options.nativeBinding,
      everyMs: options.everyMs ?? 1000,
    },
  });
  worker.unref(); // never what keeps a process alive
  let stopping = false;
  let running = true;
  worker.once('exit', () => (running = false));
  const takeBack = () => {
    if (!stopping && file.open) file.pragma(`wal_autocheckpoint = ${IN_COMMIT_PAGES}`);
  };
  worker.once('error', takeBack);
  worker.once('exit', takeBack);
  file.pragma('wal_autocheckpoint = 0');
  return async () => {
    stopping = true;
    if (!running) return;
    worker.ref(); // waited for now: the process stays until the thread let go of the file
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  };
}
