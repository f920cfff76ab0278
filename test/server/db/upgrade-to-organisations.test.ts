// A server made by the release before teams (schema 005), upgraded: every team, member, token,
// invite, post and ask is kept, each team becomes an organisation holding one team of everyone,
// and a desktop synced before the upgrade learns of that team at its next pull.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoard, readGroups } from '../../../main/cache/cache-queries';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import type { Database } from '../../../server/db/schema';
import { connectStorage, migrateTo, openStorage } from '../../../server/db/connect';
import { runServer } from '../../../server/run-server';
import { hashSecret } from '../../../server/store/secrets';
import { listGroups } from '../../../server/store/groups';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';

afterAll(() => stopPostgres());

const at = '2026-06-01T09:00:00.000Z';

/** Two teams as release 005 stored them, with their log; returns the secrets people hold. */
async function seedRelease005(config: Awaited<ReturnType<typeof storageFor>>) {
  const old = connectStorage(config);
  await migrateTo(old, '005_ids_per_team');
  const db = old.db;
  const member = (
    id: string,
    team: string,
    name: string,
    role: 'admin' | 'member',
    removed: string | null = null,
  ) => ({
    id,
    team_id: team,
    name,
    email: `${name.toLowerCase()}@acme.test`,
    role,
    profile: '{}',
    created_at: at,
    removed_at: removed,
  });
  await db
    .insertInto('teams')
    .values([
      { id: 'acme', name: 'Acme', created_at: at, seq: 0 },
      { id: 'other', name: 'Other', created_at: at, seq: 0 },
    ])
    .execute();
  const people = [
    member('ana', 'acme', 'Ana', 'admin'),
    member('bob', 'acme', 'Bob', 'member'),
    member('cy', 'acme', 'Cy', 'member', at),
    member('oz', 'other', 'Oz', 'admin'),
  ];
  await db.insertInto('members').values(people).execute();
  // Tokens as release 005 stored them (before devices had ids).
  for (const id of ['ana', 'bob', 'oz'])
    await sql`INSERT INTO tokens (hash, member_id, created_at, revoked_at)
      VALUES (${hashSecret(`token-${id}`)}, ${id}, ${at}, NULL)`.execute(db);
  await db
    .insertInto('invites')
    .values({
      hash: hashSecret('invite-acme'),
      team_id: 'acme',
      uses_left: 5,
      expires_at: null,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('posts')
    .values({
      id: 'p1',
      team_id: 'acme',
      member_id: 'bob',
      text: 'shipping the beta',
      tags: '[]',
      created_at: at,
      deleted_at: null,
      kind: 'post',
    })
    .execute();
  const ask = {
    id: 'q1',
    team_id: 'acme',
    from_member: 'ana',
    to_member: 'bob',
    text: 'beta notes?',
    created_at: at,
    deliver_at: at,
    waits_for: null,
    delivered_at: at,
    seen_at: null,
    state: 'delivered',
    answer: null,
    snoozed_until: null,
  };
  // The row as release 005 knew it: later columns (urgent) did not exist yet.
  await db
    .insertInto('asks')
    .values(ask as Database['asks'])
    .execute();
  // The log as release 005 wrote it: each member, the post and the ask.
  let seq = 0;
  const log = async (
    team: string,
    kind: string,
    memberId: string,
    entity: string,
    data: unknown,
    audience?: string[],
  ) => {
    const text = JSON.stringify(data);
    await db
      .insertInto('changes')
      .values({
        team_id: team,
        seq: ++seq,
        kind,
        member_id: memberId,
        entity_id: entity,
        at,
        data: text,
        size: text.length,
        audience: audience ? JSON.stringify(audience) : null,
      })
      .execute();
    await db.updateTable('teams').set({ seq }).where('id', '=', team).execute();
  };
  for (const p of people.filter((x) => !x.removed_at))
    await log(p.team_id, 'member', p.id, p.id, {
      id: p.id,
      teamId: p.team_id,
      name: p.name,
      role: p.role,
      profile: {},
      createdAt: at,
    });
  await log('acme', 'post', 'bob', 'p1', {
    id: 'p1',
    memberId: 'bob',
    text: 'shipping the beta',
    tags: [],
    createdAt: at,
  });
  await log(
    'acme',
    'ask',
    'ana',
    'q1',
    {
      id: 'q1',
      from: 'ana',
      to: 'bob',
      text: 'beta notes?',
      createdAt: at,
      deliverAt: at,
      waitsFor: null,
      deliveredAt: at,
      seenAt: null,
      state: 'delivered',
      answer: null,
      snoozedUntil: null,
    },
    ['ana', 'bob'],
  );
  const before = (
    await db.selectFrom('teams').select('seq').where('id', '=', 'acme').executeTakeFirstOrThrow()
  ).seq;
  await old.close();
  return { acmeSeqBefore: Number(before) };
}

describe.each(backends)('upgrading a server of release 005 on %s', (backend) => {
  it('keeps every team, member, token, invite, post and ask; each team gets a team of everyone', async () => {
    const config = await storageFor(backend);
    const { acmeSeqBefore } = await seedRelease005(config);
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-upgrade-')));

    const storage = await openStorage(config); // the new release starts: migrations run
    const server = await runServer({ host: '127.0.0.1', port: 0, storage: config });
    try {
      const as = (who: string) => client(server.url, `token-${who}`);
      for (const who of ['ana', 'bob', 'oz']) expect((await as(who)('GET', '/v1/me')).status).toBe(200);
      expect((await as('bob')('GET', '/v1/posts')).body.posts.map((p: { text: string }) => p.text)).toEqual([
        'shipping the beta',
      ]);
      expect((await as('bob')('GET', '/v1/asks')).body.asks.map((a: { text: string }) => a.text)).toEqual([
        'beta notes?',
      ]);
      // Each old team is its own organisation, holding one team of its people (not the removed).
      const teamsOf = async (org: string) =>
        (await listGroups(storage.db, org)).map(
          (g) => `${g.name}: ${g.members.map((m) => m.name).join(', ')}`,
        );
      expect(await teamsOf('acme')).toEqual(['Acme: Ana, Bob']);
      expect(await teamsOf('other')).toEqual(['Other: Oz']);

      // The old invite still works, and leads into that team.
      const joined = await client(server.url)('POST', '/v1/join', {
        code: 'invite-acme',
        name: 'Dee',
        email: 'dee@acme.test',
      });
      expect(joined.status).toBe(201);
      expect(await teamsOf('acme')).toEqual(['Acme: Ana, Bob, Dee']);

      // A new device of Ana's reads it all; one synced before the upgrade (its cursor at the
      // head as it was) reads only what is new: Dee, and the team with her in it.
      await new SyncClient({ cache, server: server.url, token: 'token-ana' }).pull();
      const full = readBoard(cache).map((m) => m.name);
      const fresh = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-upgrade-')));
      fresh.applyChanges([], acmeSeqBefore); // as if it had read everything before the upgrade
      const pulled = await new SyncClient({ cache: fresh, server: server.url, token: 'token-ana' }).pull();
      expect(pulled).toBe(2); // the team's first version was compacted into its second
      expect(readGroups(fresh).map((g) => g.name)).toEqual(['Acme']);
      expect(full.sort()).toEqual(['Ana', 'Bob', 'Dee']);
      fresh.close();
    } finally {
      cache.close();
      await server.close();
      await storage.close();
    }
  });
});
