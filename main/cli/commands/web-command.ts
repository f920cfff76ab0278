import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createCoreApi } from '../../core/core-api';
import { startBackground } from '../../core/background';
import { DesktopCore } from '../../core/desktop-core';
import { resumeLocalTeam, startLocalTeam } from '../../host/local-team';
import { defaultProfileDir } from '../../profile/profile';
import { startWebServer } from '../../web/web-server';
import { parseFlags, UsageError, type CliCommand } from '../command';

const repoRoot = join(import.meta.dirname, '../../..');
const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };

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
  name: 'web',
  summary: 'Run Ricochet in the browser: the same UI and core, on loopback, with a per-run secret.',
  usage: 'Usage: ricochet web [--port 5174] [--profile <dir>] [--rebuild]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string', default: '5174' },
      profile: { type: 'string' },
      rebuild: { type: 'boolean' },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${values.port}" is not a port`);
    const core = new DesktopCore(values.profile ?? defaultProfileDir(io.env));
    const listeners = new Set<(event: string, payload?: unknown) => void>();
    /** Team servers this process hosts: closed on the way out. */
    const hosting: (() => Promise<void>)[] = [];
    const broadcast = (event: string, payload?: unknown) => listeners.forEach((l) => l(event, payload));
    core.on('changed', () => broadcast('core:changed'));
    const handlers = createCoreApi(
      core,
      { version: pkg.version, platform: process.platform, mode: 'browser' },
      (memberId) => broadcast('core:notify', { memberId }),
      Date.now,
      {
        startTeam: async (input) => {
          const team = await startLocalTeam(core, input);
          hosting.push(team.stop);
          return { server: team.server, invite: team.invite, link: team.link };
        },
      },
    );
    const web = await startWebServer({
      port,
      root: await rendererDir(values.rebuild),
      handlers,
      subscribe: (send) => {
        listeners.add(send);
        return () => listeners.delete(send);
      },
    });
    const resumed = await resumeLocalTeam(core).catch(
      (e: Error) => void io.err(`ricochet web: the team this computer hosts could not start: ${e.message}\n`),
    );
    if (resumed) hosting.push(resumed);
    const stop = startBackground(core, { onError: (e) => io.err(`ricochet web: ${e.message}\n`) });
    io.out(`Ricochet is running at ${web.url}\n(loopback only; the link carries this run's secret)\n`);
    await new Promise<void>((resolve) => {
      const quit = () => {
        process.off('SIGTERM', quit);
        process.off('SIGINT', quit);
        stop();
        void Promise.all([web.close(), ...hosting.map((close) => close())]).then(() => {
          core.close();
          resolve();
        });
      };
      process.on('SIGTERM', quit);
      process.on('SIGINT', quit);
    });
    return 0;
  },
};
