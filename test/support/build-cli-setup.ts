import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildWeb } from '../../build/build-web.mjs';
import { trustTestCa } from './test-ca';

/**
 * Tests run the compiled `ricochet` and the built page (what people run): compile both fresh
 * once per run. The test CA is made first, so every worker trusts the https stand-ins.
 */
export default async function buildCli() {
  trustTestCa();
  execFileSync(process.execPath, [join(import.meta.dirname, '../../build/build-cli.mjs')], {
    stdio: 'inherit',
  });
  await buildWeb();
}
