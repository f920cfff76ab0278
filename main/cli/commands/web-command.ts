import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProfileDir } from '../../profile/profile';
import { packageVersion, projectRoot } from '../../project-root';
import { startDesktopSession } from '../../session/desktop-session';
import { startWebServer } from '../../web/web-server';
import { parseFlags, UsageError, type CliCommand } from '../command';

const repoRoot = projectRoot();

/** The built renderer; built on first use where the sources and Vite are here. */
export async function rendererDir(rebuild = false): Promise<string> {
  const dir = join(repoRoot, 'out/web');
  if (rebuild || !existsSync(join(dir, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  return dir;
}

export const webCommand: CliCommand = {
  usage: `Usage: ricochet web [--port 5174] [--profile <dir>] [--demo] [--rebuild]
--demo: a demo team of ten people (Paris and New York) to try Ricochet with, removable in Settings.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string', default: '5174' },
      profile: { type: 'string' },
      rebuild: { type: 'boolean' },
      demo: { type: 'boolean' },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${values.port}" is not a port`);
    const listeners = new Set<(event: string, payload?: unknown) => void>();
    const session = await startDesktopSession({
      profileDir: values.profile ?? defaultProfileDir(io.env),
      info: { version: packageVersion(), platform: process.platform, mode: 'browser', packaged: false },
      // The page shows it in place and, where the person allowed it, as a system notification.
      notify: () => {},
      broadcast: (event, payload) => listeners.forEach((l) => l(event, payload)),
      onError: (message) => io.err(`ricochet web: ${message}\n`),
      demo: values.demo,
    });
    const web = await startWebServer({
      port,
      root: await rendererDir(values.rebuild),
      handlers: session.api,
      subscribe: (send) => {
        listeners.add(send);
        return () => listeners.delete(send);
      },
    });
    io.out(`Ricochet is running at ${web.url}\n(loopback only; the link carries this run's secret)\n`);
    await new Promise<void>((resolve) => {
      const quit = () => {
        process.off('SIGTERM', quit);
        process.off('SIGINT', quit);
        void Promise.all([web.close(), session.shutdown()]).then(() => resolve());
      };
      process.on('SIGTERM', quit);
      process.on('SIGINT', quit);
    });
    return 0;
  },
};
