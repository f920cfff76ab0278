// Finding 2 of the live review: on PostgreSQL, concurrent status changes for one member while
// asks to them were created deadlocked, and the 500 said "nothing was changed" though it was.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { createInvite, createOrganisation, join } from '../../../server/store/members';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';

afterAll(() => stopPostgres());

describe.each(backends)('concurrent writes on %s', (backend) => {
  it('status PUT/DELETE for one member while asks to them are made: no 5xx, and asks follow the last status', async () => {
    const storage = await storageFor(backend);
    const rateLimit = { capacity: 100_000, perSecond: 100_000 };
    // 40 asks to one person at once: this is about concurrency, not the per-recipient limit.
    const limits = { rateLimit, perRecipient: 1_000 };
    const a = await runServer({ host: '127.0.0.1', port: 0, storage, ...limits });
    // PostgreSQL: two instances on one database, as behind a load balancer.
    const b =
      backend === 'postgres' ? await runServer({ host: '127.0.0.1', port: 0, storage, ...limits }) : a;
    try {
      const db = a.context.storage.db;
      const team = await createOrganisation(db, { name: 'Acme', adminName: 'Ana', adminEmail: 'a@a.test' });
      const { code } = await createInvite(db, team.team.id, { uses: 10 });
      const bo = await join(db, { code, name: 'Bo', email: 'bo@a.test' });
      const until = () => new Date(Date.now() + 3_600_000).toISOString();
      const statuses: number[] = [];
      const requests = Array.from({ length: 160 }, (_, i) => {
        const server = i % 2 === 0 ? a : b;
        if (i % 4 === 0)
          return client(server.url, team.token)('POST', '/v1/asks', {
            id: randomUUID(),
            to: bo.member.id,
            text: `ask ${i}`,
          });
        if (i % 4 === 1)
          return client(server.url, bo.token)('PUT', '/v1/me/status', { state: 'focus', until: until() });
        if (i % 4 === 2) return client(server.url, bo.token)('DELETE', '/v1/me/status');
        return client(server.url, bo.token)('PUT', '/v1/me/status', { state: 'dnd' });
      });
      for (const res of await Promise.all(requests)) statuses.push(res.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      // Then a last, quiet change: every waiting ask follows it (do-not-disturb without an end).
      expect((await client(a.url, bo.token)('PUT', '/v1/me/status', { state: 'dnd' })).status).toBe(200);
      const asks = (await client(a.url, team.token)('GET', '/v1/asks')).body.asks as {
        state: string;
        waitsFor: string;
      }[];
      expect(asks).toHaveLength(40);
      expect(asks.filter((x) => x.state === 'pending').every((x) => x.waitsFor === 'dnd')).toBe(true);
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });
});
