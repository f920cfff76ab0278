// Bundled and run by the at-rest suite: a launch as the app's main process makes it, up to the
// tray's first answer, on the profile in argv[2]. Prints the milliseconds since this process began.
import { performance } from 'node:perf_hooks';
import { startDesktopSession } from '../../main/session/desktop-session';
import { readTrayModel } from '../../main/shell/tray-updater';

const session = await startDesktopSession({
  profileDir: process.argv[2]!,
  info: { version: '0.0.0', platform: process.platform, mode: 'browser', packaged: false },
  notify: () => {},
  broadcast: () => {},
});
const model = await readTrayModel(session.core, session.api, Date.now());
const ms = performance.now();
process.stdout.write(`${JSON.stringify({ ms, tooltip: model.tooltip })}\n`);
await session.shutdown();
