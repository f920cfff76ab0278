import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Tests run the compiled `ricochet` (what people run): compile it fresh once per run. */
export default function buildCli() {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../build/build-cli.mjs')], {
    stdio: 'inherit',
  });
}
