import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProfileDir } from '../../core/index';
import { packageVersion, projectRoot } from '../../project-root';
import { startDesktopSession } from '../../session/desktop-session';
import { startWebServer } from '../../web/web-server';
import { parseFlags, UsageError, type CliCommand } from '../command';

/**
 * The built page (out/web, made by `npm install` and `npm run build`): the browser mode serves
 * it as it is and never builds at run time.
 */
export function rendererDir(root = projectRoot()): string {
  const dir = join(root, 'out/web');
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`the browser page is not built (${dir}): run \`npm run build:web\` in ${root}`);
  return dir;
}

export const webCommand: CliCommand = {
  usage: `Usage: ricochet web [--port 5174] [--profile <dir>] [--demo]
--demo: a demo team of ten people (Paris and New York) to try Ricochet with, removable in Settings.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string', default: '5174' },
      profile: { type: 'string' },
      demo: { type: 'boolean' },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${values.port}" is not a port`);
    const root = rendererDir(); // before anything starts: a missing page is said at once
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
    let web;
    try {
      web = await startWebServer({
        port,
        root,
        handlers: session.api,
        subscribe: (send) => {
          listeners.add(send);
          return () => listeners.delete(send);
        },
      });
    } catch (error) {
      // A busy port is an error and an exit, not a process left running without a page.
      await session.shutdown();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new Error(`port ${port} is already in use on 127.0.0.1: choose another with --port`, {
          cause: error,
        });
      throw error;
    }
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
