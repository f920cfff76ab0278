// Bundled and run by the at-rest suite: a launch as the app's main process makes it, on the
// profile in argv[2]: the tray's first glance read from the cache, then the core loaded and its
// own first tray. Prints the milliseconds since this process began at each.
import { performance } from 'node:perf_hooks';
import { firstGlance } from '../../main/core/first-glance';
import { firstTrayModel } from '../../main/shell/tray-updater';

const dir = process.argv[2]!;
const systemLocale = 'en-GB';
const glance = firstGlance(dir, { systemLocale, systemRegion: systemLocale, now: Date.now() });
const first = glance && firstTrayModel(glance, Date.now());
const glanceMs = performance.now();
// As the shell does: the core is loaded once the tray shows.
const [{ startDesktopSession }, { readTrayModel }] = await Promise.all([
  import('../../main/session/desktop-session'),
  import('../../main/shell/tray-updater'),
]);
const session = await startDesktopSession({
  profileDir: dir,
  systemLocale,
  systemRegion: systemLocale,
  info: { version: '0.0.0', platform: process.platform, mode: 'browser', packaged: false },
  notify: () => {},
  broadcast: () => {},
});
const model = await readTrayModel(session.core, session.api, Date.now());
const coreMs = performance.now();
process.stdout.write(
  `${JSON.stringify({ glanceMs, coreMs, glance: first?.tooltip ?? null, core: model.tooltip })}\n`,
);
await session.shutdown();
