import { join } from 'node:path';

/** What `npm run electron:setup` has to do on this machine (pure, so it is tested). */
export function electronSetupPlan({ root, electronVersion, abi, exists, binaryPresent }) {
  const electronAbi = abi(electronVersion);
  const bindingPath = join(root, 'native', `abi-${electronAbi}`, 'better_sqlite3.node');
  return {
    electronVersion,
    abi: electronAbi,
    bindingPath,
    downloadBinary: !binaryPresent(),
    buildBinding: !exists(bindingPath),
  };
}
