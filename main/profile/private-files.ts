import { chmodSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';

/** The profile folder, private to its owner: the cache and settings say who my teammates are. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writePrivateFile(path: string, text: string | Uint8Array, mode = 0o600): void {
  writeFileSync(`${path}.tmp`, text, { mode });
  renameSync(`${path}.tmp`, path);
}
