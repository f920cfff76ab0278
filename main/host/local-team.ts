import { join } from 'node:path';
import { createTeam } from '../../server/store/members';
import { runServer } from '../../server/run-server';
import type { DesktopCore } from '../core/desktop-core';

export interface LocalTeamInput {
  teamName: string;
  name: string;
  email: string;
  /** 127.0.0.1 keeps it to this computer; the person picks a LAN address to share it. */
  host?: string;
  port?: number;
}

/**
 * "Start a team on this computer": the team server runs inside the app, on SQLite in the
 * profile folder, and this profile becomes its first admin. Returns the invite link to give
 * teammates. Nothing else is needed for a small team.
 */
export async function startLocalTeam(core: DesktopCore, input: LocalTeamInput) {
  const place = { host: input.host ?? '127.0.0.1', port: input.port ?? 8787 };
  const server = await hostServer(core, place);
  core.cache.set('hosted_server', JSON.stringify(place));
  const created = await createTeam(server.context.storage.db, {
    name: input.teamName,
    adminName: input.name,
    adminEmail: input.email,
  });
  const url = server.url.replace('0.0.0.0', '127.0.0.1');
  core.secrets.set('token', created.token);
  core.cache.set('server', url);
  core.cache.set(
    'me',
    JSON.stringify({ id: created.admin.id, name: created.admin.name, teamId: created.team.id }),
  );
  core.cache.set('team', JSON.stringify({ id: created.team.id, name: created.team.name }));
  core.publishProfile();
  await core.refresh();
  core.sync?.start();
  core.emit('changed');
  const link = `ricochet://join?server=${encodeURIComponent(server.url)}&code=${encodeURIComponent(created.invite)}`;
  return { server: server.url, invite: created.invite, link, stop: () => server.close() };
}

function hostServer(core: DesktopCore, place: { host: string; port: number }) {
  return runServer({ ...place, storage: { kind: 'sqlite', dataDir: join(core.dir, 'team-server') } });
}

/** On start-up: a profile that hosts its team starts that server again, at the same address. */
export async function resumeLocalTeam(core: DesktopCore): Promise<(() => Promise<void>) | undefined> {
  const hosted = core.cache.get('hosted_server');
  if (!hosted || !core.me) return undefined;
  const server = await hostServer(core, JSON.parse(hosted) as { host: string; port: number });
  core.sync?.resync();
  return () => server.close();
}
