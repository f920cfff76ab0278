import { existsSync } from 'node:fs';

/** Debian's Chromium (never a downloaded build): $CHROMIUM_PATH, then /usr/bin/chromium. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
