// Findings of the review of issue 27: taking someone out never lets them see more, not even for
// the moment between a removal's rows; two admins removing each other never leave none.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../../main/cache/cache-queries';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import { runServer } from '../../../server/run-server';
import { createGroup, setInGroup } from '../../../server/store/groups';
import { createInvite, createOrganisation, join } from '../../../server/store/members';
import type { Change } from '../../../shared/protocol/changes';
import { cliProcess } from '../../support/run-cli';
import { openStream } from '../../support/stream-client';
import { waitFor } from '../../support/wait-for';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';

afterAll(() => stopPostgres());

const noLimit = { capacity: 100_000, perSecond: 100_000 };

async function organisation(backend: 'sqlite' | 'postgres') {
  const storage = await storageFor(backend);
  const a = await runServer({ host: '127.0.0.1', port: 0, storage, rateLimit: noLimit });
  // PostgreSQL: a second instance on the same database (the stream on one, writes on the other).
  const b =
    backend === 'postgres' ? await runServer({ host: '127.0.0.1', port: 0, storage, rateLimit: noLimit }) : a;
  const db = a.context.storage.db;
  const org = await createOrganisation(db, { name: 'Acme', adminName: 'Ana', adminEmail: 'ana@a.test' });
  const { code } = await createInvite(db, org.team.id, { uses: 10, groupId: null });
  const person = (name: string) => join(db, { code, name, email: `${name}@a.test` });
  const [bo, cy] = [await person('bo'), await person('cy')];
  const billing = await createGroup(db, org.team.id, 'Billing');
  const search = await createGroup(db, org.team.id, 'Search');
  await setInGroup(db, billing.id, bo.member.id, true);
  await setInGroup(db, search.id, cy.member.id, true);
  const flags = storage.kind === 'sqlite' ? ['--data', storage.dataDir] : ['--database-url', storage.url];
  return { a, b, org, bo, cy, flags, close: async () => (await a.close(), b !== a && (await b.close())) };
}

describe.each(backends)('taking someone out never shows them more, on %s', (backend) => {
  it('a removed member gets no change of a team they were never in, with writes every 25 ms', async () => {
    const t = await organisation(backend);
    try {
      const stream = await openStream(t.b.url, t.bo.token);
      await stream.ready();
      const cy = client(t.a.url, t.cy.token);
      let writing = true;
      let n = 0;
      const writes = (async () => {
        while (writing) {
          await cy('POST', '/v1/posts', { id: crypto.randomUUID(), text: `search note ${n++}` });
          await new Promise((r) => setTimeout(r, 25));
        }
      })();
      await new Promise((r) => setTimeout(r, 200));
      const closed = new Promise<number>((resolve) => stream.ws.once('close', resolve));
      // The admin command, a process of its own (on PostgreSQL: the other instance's database).
      const removed = await cliProcess('admin', 'remove', '--member', t.bo.member.id, ...t.flags);
      expect(removed.code).toBe(0);
      expect(await closed).toBe(4401);
      await new Promise((r) => setTimeout(r, 300));
      writing = false;
      await writes;
      expect(n).toBeGreaterThan(5);
      const searchPosts = stream
        .changes()
        .filter((c: Change) => c.kind === 'post' && c.memberId === t.cy.member.id);
      expect(searchPosts).toEqual([]);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('taken out of their last team, they see their stars and what names them, not the organisation', async () => {
    const t = await organisation(backend);
    try {
      const billing = (await client(t.a.url, t.org.token)('GET', '/v1/board')).body;
      expect(billing.members.length).toBe(3);
      const taken = await cliProcess(
        'admin',
        'team-remove',
        '--org',
        t.org.team.id,
        '--from',
        'Billing',
        '--member',
        t.bo.member.id,
        ...t.flags,
      );
      expect(taken.code).toBe(0);
      expect(taken.stdout).toMatch(/no longer in any team/);
      const cy = client(t.a.url, t.cy.token);
      await cy('PUT', '/v1/me/status', { state: 'focus', text: 'search roadmap' });
      await cy('POST', '/v1/posts', { id: crypto.randomUUID(), text: 'search only' });
      const bo = client(t.b.url, t.bo.token);
      const posts = (await bo('GET', '/v1/posts')).body.posts as { text: string }[];
      expect(posts.map((p) => p.text)).not.toContain('search only');
      const board = (await bo('GET', '/v1/board')).body.members as { id: string; status: unknown }[];
      expect(board.find((m) => m.id === t.cy.member.id)?.status).toBeNull();
      const page = (await bo('GET', '/v1/sync?since=0')).body.changes as Change[];
      expect(
        page.filter((c) => c.memberId === t.cy.member.id && (c.kind === 'post' || c.kind === 'status')),
      ).toEqual([]);
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe.each(backends)('admin commands reach open pages, on %s', (backend) => {
  it('a team change by the admin command (another process) reaches open streams within 2 s', async () => {
    const t = await organisation(backend);
    try {
      const stream = await openStream(t.b.url, t.cy.token);
      await stream.ready();
      const started = Date.now();
      const moved = await cliProcess(
        'admin',
        'team-add',
        '--org',
        t.org.team.id,
        '--to',
        'Search',
        '--member',
        'bo@a.test',
        ...t.flags,
      );
      expect(moved.code, moved.stderr).toBe(0);
      await stream.until(
        () =>
          stream
            .changes()
            .some(
              (c: Change) =>
                c.kind === 'group' && c.data.name === 'Search' && c.data.members.includes(t.bo.member.id),
            ),
        2_000 + (Date.now() - started),
      );
    } finally {
      await t.close();
    }
  }, 30_000);
  it('joining a team by the admin command: the desktop shows the new teammates as they are now, live', async () => {
    const t = await organisation(backend);
    const cache = new LocalCache(mkdtempSync(joinPath(tmpdir(), 'ricochet-grows-')));
    const desk = new SyncClient({ cache, server: t.b.url, token: t.bo.token });
    try {
      // Cy (Search) is focusing and shares a busy calendar, before Bo (Billing) may see either.
      const cy = client(t.a.url, t.cy.token);
      const window = { from: '2026-03-09T00:00:00Z', to: '2026-03-23T00:00:00Z' };
      const busy = [{ start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', kind: 'busy' }];
      expect((await cy('PUT', '/v1/me/status', { state: 'focus', text: 'quarterly plan' })).status).toBe(200);
      expect((await cy('PUT', '/v1/me/availability', { window, busy, loadToday: 0.4 })).status).toBe(200);
      desk.start();
      await waitFor(() => desk.connection === 'live');
      const cyOnBoard = () => readBoard(cache).find((m) => m.id === t.cy.member.id);
      expect(cyOnBoard()?.status ?? null).toBeNull();
      const moved = await cliProcess(
        'admin',
        'team-add',
        ...['--org', t.org.team.id, '--to', 'Search', '--member', 'bo@a.test'],
        ...t.flags,
      );
      expect(moved.code, moved.stderr).toBe(0);
      // No change of Cy's follows: what Bo now sees of Cy arrives because Bo's view grew.
      await waitFor(() => cyOnBoard()?.status?.state === 'focus', 5_000);
      expect(cyOnBoard()?.status).toMatchObject({ state: 'focus', text: 'quarterly plan' });
      expect(cyOnBoard()?.availability?.busy).toHaveLength(1);
    } finally {
      desk.stop();
      cache.close();
      await t.close();
    }
  }, 30_000);
});

describe.each(backends.filter((b) => b === 'postgres'))('the last admin, on %s', (backend) => {
  it('two admins removing each other at once through two instances never leave none', async () => {
    const t = await organisation(backend);
    try {
      for (let round = 0; round < 5; round++) {
        const db = t.a.context.storage.db;
        const org = await createOrganisation(db, {
          name: `Org ${round}`,
          adminName: 'Ana',
          adminEmail: 'ana@a.test',
        });
        const { code } = await createInvite(db, org.team.id, { uses: 1 });
        const ben = await join(db, { code, name: 'Ben', email: 'ben@a.test' });
        await db.updateTable('members').set({ role: 'admin' }).where('id', '=', ben.member.id).execute();
        const [x, y] = await Promise.all([
          client(t.a.url, org.token)('DELETE', `/v1/members/${ben.member.id}`),
          client(t.b.url, ben.token)('DELETE', `/v1/members/${org.admin.id}`),
        ]);
        // One removal goes through. The other is refused: 409 (the last admin) when both were
        // let in before either committed, or 401 when the first removal had already ended the
        // other admin's token. Either way, never both.
        const statuses = [x.status, y.status].sort();
        expect(statuses[0]).toBe(204);
        expect([401, 409]).toContain(statuses[1]);
        const admins = await db
          .selectFrom('members')
          .select('id')
          .where('team_id', '=', org.team.id)
          .where('role', '=', 'admin')
          .where('removed_at', 'is', null)
          .execute();
        expect(admins.length).toBe(1);
      }
    } finally {
      await t.close();
    }
  }, 60_000);
});
