// Finding 3 of the live review: asks scheduled by an instance that stops were not delivered by
// the other one (two instances on one real PostgreSQL).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { createInvite, createOrganisation, join } from '../../../server/store/members';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';

afterAll(() => stopPostgres());

// Where PostgreSQL is installed (CI=true fails without it: test/support/requirements.ts).
describe.each(backends.filter((b) => b === 'postgres'))(
  'asks outlive the instance that scheduled them (%s)',
  () => {
    it('created on A, due in 3 s, A stopped: B delivers them when due', async () => {
      const storage = await storageFor('postgres');
      const a = await runServer({ host: '127.0.0.1', port: 0, storage });
      const b = await runServer({ host: '127.0.0.1', port: 0, storage });
      try {
        const db = a.context.storage.db;
        const team = await createOrganisation(db, { name: 'Acme', adminName: 'Ana', adminEmail: 'a@a.test' });
        const { code } = await createInvite(db, team.team.id, {});
        const bo = await join(db, { code, name: 'Bo', email: 'bo@a.test' });
        const until = new Date(Date.now() + 3_000).toISOString();
        await client(b.url, bo.token)('PUT', '/v1/me/status', { state: 'focus', until });
        const ana = client(a.url, team.token);
        for (let i = 0; i < 5; i++) {
          const res = await ana('POST', '/v1/asks', { id: randomUUID(), to: bo.member.id, text: `ask ${i}` });
          expect(res.body.state).toBe('pending');
        }
        await a.close();
        const delivered = async () =>
          ((await client(b.url, bo.token)('GET', '/v1/asks')).body.asks as { state: string }[]).filter(
            (x) => x.state === 'delivered',
          ).length;
        expect(await delivered()).toBe(0);
        await expect.poll(delivered, { timeout: 6_000, interval: 250 }).toBe(5);
      } finally {
        await b.close();
      }
    });
  },
);
