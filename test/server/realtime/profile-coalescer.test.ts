// One person retyping their profile costs everyone's streams one message per few seconds, not
// one per edit; every edit is still stored and answered at once, and the last one always goes
// out (after a restart too).
import { afterEach, describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { openStorage, type StorageConfig } from '../../../server/db/connect';
import { createInvite, createOrganisation, getMember, join } from '../../../server/store/members';
import { updateProfile } from '../../../server/store/team-data';
import { client, storageFor } from '../../support/team-server';
import { openStream } from '../../support/stream-client';

const WINDOW_MS = 1_500;
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function organisation(storage: StorageConfig) {
  const server = await runServer({
    host: '127.0.0.1',
    port: 0,
    storage,
    rateLimit: { capacity: 10_000, perSecond: 10_000 },
    profileWindowMs: WINDOW_MS,
  });
  servers.push(server);
  const db = server.context.storage.db;
  const org = await createOrganisation(db, { name: 'Acme', adminName: 'Ana', adminEmail: 'ana@a.test' });
  const { code } = await createInvite(db, org.team.id, { uses: 5 });
  const bo = await join(db, { code, name: 'Bo', email: 'bo@a.test' });
  return { server, org, bo, ana: client(server.url, org.token) };
}

const skills = Array.from({ length: 30 }, (_, i) => `skill number ${i} of a long list`);

describe('a burst of profile edits', () => {
  it('is answered edit by edit, and reaches a teammate once per window, ending on the last', async () => {
    const { server, bo, ana } = await organisation(await storageFor('sqlite'));
    const stream = await openStream(server.url, bo.token);
    await stream.ready();
    const started = Date.now();
    const roles: string[] = [];
    for (let i = 0; i < 40; i++) {
      const role = `Role ${i} `.padEnd(80, '.');
      const answer = await ana('PATCH', '/v1/me', { role, skills });
      expect(answer.status).toBe(200);
      roles.push(answer.body.profile.role);
    }
    const elapsed = Date.now() - started;
    // Every edit is stored and answered at once.
    expect(roles[39]).toMatch(/^Role 39 /);
    expect((await ana('GET', '/v1/me')).body.profile.role).toMatch(/^Role 39 /);
    // Bo's stream ends on the last edit...
    const anaId = (await ana('GET', '/v1/me')).body.id as string;
    const rolesSeen = () =>
      stream
        .changes()
        .filter((c) => c.kind === 'member' && c.entityId === anaId)
        .map((c) => (c.kind === 'member' ? c.data.profile.role : ''));
    await stream.until(() => /^Role 39 /.test(rolesSeen().at(-1) ?? ''), WINDOW_MS * 3);
    // ...having had one message at the start and at most one per window since (not 40).
    expect(rolesSeen().length).toBeLessThanOrEqual(2 + Math.ceil(elapsed / WINDOW_MS));
    expect(rolesSeen().length).toBeLessThan(40);
    expect(rolesSeen()[0]).toMatch(/^Role 0 /);
    // And a device that syncs from scratch reads the last edit.
    const sync = await client(server.url, bo.token)('GET', '/v1/sync?since=0');
    const member = sync.body.changes.find(
      (c: { kind: string; entityId: string }) => c.kind === 'member' && c.entityId === anaId,
    );
    expect(member.data.profile.role).toMatch(/^Role 39 /);
    stream.close();
  });

  it('an edit held when the server stopped goes out when it starts again', async () => {
    const storage = await storageFor('sqlite');
    const first = await organisation(storage);
    const anaId = (await first.ana('GET', '/v1/me')).body.id as string;
    await first.server.close();
    servers.length = 0;
    // Stored and held, as a crash would leave it: in the member's row, not yet in the log.
    const direct = await openStorage(storage);
    const ana = (await getMember(direct.db, anaId))!;
    await updateProfile(direct.db, ana, { role: 'Held before the restart' }, false);
    await direct.close();

    const again = await runServer({ host: '127.0.0.1', port: 0, storage, profileWindowMs: WINDOW_MS });
    servers.push(again);
    const sync = await client(again.url, first.bo.token)('GET', '/v1/sync?since=0');
    const member = sync.body.changes.find(
      (c: { kind: string; entityId: string }) => c.kind === 'member' && c.entityId === anaId,
    );
    expect(member.data.profile.role).toBe('Held before the restart');
  });
});
