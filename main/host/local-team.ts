import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createOrganisation, runServer } from '../../server/index';
import { nativeBinding } from '../cache/native-binding';
import type { DesktopCore } from '../core/desktop-core';
import { reachableAddresses, type Reachable } from './reachable-addresses';

export interface LocalTeamInput {
  teamName: string;
  name: string;
  email: string;
  /** 127.0.0.1 keeps it to this computer; 0.0.0.0 shares it on the local network. */
  host?: string;
  port?: number;
}

export interface HostedTeam {
  /** The address teammates use (a LAN address when shared on the network). */
  server: string;
  invite: string;
  link: string;
  /** Every address teammates may use, with its interface, when there are several. */
  addresses: Reachable[];
  stop: () => Promise<void>;
}

const joinLink = (server: string, code: string) =>
  `ricochet://join?server=${encodeURIComponent(server)}&code=${encodeURIComponent(code)}`;

/**
 * "Start a team on this computer": the team server runs inside the app, on SQLite in the
 * profile folder, and this profile logs in as its first admin with the token the team was
 * created with. Returns the invite link to give teammates.
 */
export async function startLocalTeam(
  core: DesktopCore,
  input: LocalTeamInput,
  interfaces = networkInterfaces(),
): Promise<HostedTeam> {
  const place = { host: input.host ?? '127.0.0.1', port: input.port ?? 8787 };
  const server = await hostServer(core, place);
  try {
    const created = await createOrganisation(
      server.context.storage.db,
      {
        name: input.teamName,
        adminName: input.name,
        adminEmail: input.email,
      },
      server.context.now(),
    );
    const port = new URL(server.url).port;
    await core.commands.loginWithToken({ server: `http://127.0.0.1:${port}`, token: created.token });
    core.commands.recordHosting({ host: place.host, port: Number(port) });
    const addresses = reachableAddresses(place.host, interfaces);
    const url = `http://${addresses[0]!.address}:${port}`;
    return {
      server: url,
      invite: created.invite,
      link: joinLink(url, created.invite),
      addresses,
      stop: server.close,
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** How the app runs a team server inside itself: quiet at rest (see ServerOptions). */
export const IN_APP_SERVER = { connectionsCheckMs: 30_000 } as const;

function hostServer(core: DesktopCore, place: { host: string; port: number }) {
  return runServer({
    ...place,
    ...IN_APP_SERVER,
    storage: { kind: 'sqlite', dataDir: join(core.dir, 'team-server'), nativeBinding: nativeBinding() },
  });
}

/** On start-up: a profile that hosts its team starts that server again, at the same address. */
export async function resumeLocalTeam(core: DesktopCore): Promise<(() => Promise<void>) | undefined> {
  const hosted = core.reads.hosting;
  if (!hosted || !core.reads.me) return undefined;
  const server = await hostServer(core, hosted);
  core.commands.resync();
  return () => server.close();
}
