import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildWeb } from '../../build/build-web.mjs';

/**
 * Tests run the compiled `ricochet` and the built page (what people run): compile both fresh
 * once per run.
 */
export default async function buildCli() {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../build/build-cli.mjs')], {
    stdio: 'inherit',
  });
  await buildWeb();
}
