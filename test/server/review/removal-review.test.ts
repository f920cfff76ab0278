// Finding 1 of the live review: a removed member kept a live stream for ~26 s when the removal
// came from another process (the admin command) or another PostgreSQL instance.
import { afterAll, describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { createInvite, createOrganisation, join } from '../../../server/store/members';
import { cli } from '../../support/run-cli';
import { openStream } from '../../support/stream-client';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';

afterAll(() => stopPostgres());

async function twoInstances(backend: 'sqlite' | 'postgres') {
  const storage = await storageFor(backend);
  const a = await runServer({ host: '127.0.0.1', port: 0, storage });
  // SQLite serves from one instance; PostgreSQL from two on one database.
  const b = backend === 'postgres' ? await runServer({ host: '127.0.0.1', port: 0, storage }) : a;
  const team = await createOrganisation(a.context.storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'a@a.test',
  });
  const { code } = await createInvite(a.context.storage.db, team.team.id, { uses: 10 });
  const bo = await join(a.context.storage.db, { code, name: 'Bo', email: 'bo@a.test' });
  const flags = storage.kind === 'sqlite' ? ['--data', storage.dataDir] : ['--database-url', storage.url];
  return { a, b, team, bo, flags, close: async () => (await a.close(), b !== a && (await b.close())) };
}

/** Opens Bo's stream on `server` and says how long it stays open once `act` is done. */
async function closedAfter(server: { url: string }, token: string, act: () => Promise<unknown>) {
  const stream = await openStream(server.url, token);
  await stream.until(() => stream.messages.some((m) => m.type === 'ready'));
  const closed = new Promise<number>((resolve) => stream.ws.once('close', (code) => resolve(code)));
  await act(); // done: the removal is committed
  const started = Date.now();
  const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 5_000))]);
  return { code, ms: Date.now() - started };
}

describe.each(backends)('a removal takes effect within 2 s on %s', (backend) => {
  it('removed by the admin command (another process): the stream closes', async () => {
    const t = await twoInstances(backend);
    try {
      const result = await closedAfter(t.b, t.bo.token, () =>
        cli('admin', 'remove', '--member', t.bo.member.id, ...t.flags),
      );
      expect(result.code).toBe(4401);
      expect(result.ms).toBeLessThan(2_000);
    } finally {
      await t.close();
    }
  });

  it('a token rotated by the admin command: the stream on the old token closes', async () => {
    const t = await twoInstances(backend);
    try {
      const result = await closedAfter(t.b, t.bo.token, () =>
        cli('admin', 'rotate-token', '--member', t.bo.member.id, ...t.flags),
      );
      expect(result.code).toBe(4401);
      expect(result.ms).toBeLessThan(2_000);
    } finally {
      await t.close();
    }
  });

  it('removed over HTTP on one instance while the stream is on the other', async () => {
    const t = await twoInstances(backend);
    try {
      const result = await closedAfter(t.b, t.bo.token, () =>
        client(t.a.url, t.team.token)('DELETE', `/v1/members/${t.bo.member.id}`),
      );
      expect(result.code).toBe(4401);
      expect(result.ms).toBeLessThan(2_000);
    } finally {
      await t.close();
    }
  });
});
