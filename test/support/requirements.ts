import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const inCi = process.env['CI'] === 'true';

/**
 * Whether an outside dependency a suite needs is here. Missing outside CI: one clear line
 * saying what to install, and the suite skips. Missing under CI=true: a failure.
 */
export function requireDependency(what: string, available: boolean, install: string): boolean {
  if (available) return true;
  const message = `${what} is not installed: ${install}`;
  if (inCi) throw new Error(`${message} (CI=true: a missing dependency fails the run)`);
  console.warn(`skipping: ${message}`);
  return false;
}

export function commandExists(command: string): boolean {
  if (command.startsWith('/')) return existsSync(command);
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
