// Finding 8 of the live review: on SQLite, posts were refused with "database is locked" while
// admin commands (other processes on the same file) ran.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { createOrganisation } from '../../../server/store/members';
import { cliProcess } from '../../support/run-cli';
import { client, storageFor } from '../../support/team-server';

describe('SQLite under posts and admin commands at once', () => {
  // About 11 s alone; a busy machine (two cores) may take twice that: the test is about refusals, not speed.
  it('no post is refused because an admin command runs', { timeout: 90_000 }, async () => {
    const storage = await storageFor('sqlite');
    if (storage.kind !== 'sqlite') throw new Error('sqlite expected');
    const server = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage,
      rateLimit: { capacity: 100_000, perSecond: 100_000 },
    });
    try {
      const team = await createOrganisation(server.context.storage.db, {
        name: 'A',
        adminName: 'Ana',
        adminEmail: 'a@a.test',
      });
      const api = client(server.url, team.token);
      let posting = true;
      const admin = (async () => {
        let runs = 0;
        while (posting || runs < 4) {
          await Promise.all([
            cliProcess('admin', 'invite', '--team', team.team.id, '--data', storage.dataDir),
            cliProcess('admin', 'invite', '--team', team.team.id, '--data', storage.dataDir),
            cliProcess('admin', 'members', '--team', team.team.id, '--data', storage.dataDir),
          ]);
          runs++;
        }
        return runs;
      })();
      const statuses: number[] = [];
      for (let round = 0; round < 150; round++) {
        const batch = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            api('POST', '/v1/posts', { id: randomUUID(), text: `post ${round}.${i}` }),
          ),
        );
        statuses.push(...batch.map((r) => r.status));
      }
      posting = false;
      expect(await admin).toBeGreaterThanOrEqual(4);
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
