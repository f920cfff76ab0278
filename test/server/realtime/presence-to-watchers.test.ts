// Presence goes only to who watches: a person's teams, the people who starred them (without
// titles), and anyone in no team. Posts stay in the author's teams. Counted on live streams,
// in /v1/sync and on /v1/board, on SQLite and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../../main/cache/cache-queries';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import { createGroup, setInGroup } from '../../../server/store/groups';
import { createInvite } from '../../../server/store/members';
import type { Change } from '../../../shared/protocol/changes';
import { openStream } from '../../support/stream-client';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

const people = ['ana', 'al', 'amy', 'ben', 'bea', 'cy', 'cid', 'lou'] as const;
type Person = (typeof people)[number];
const window = { from: '2026-03-09T00:00:00Z', to: '2026-03-23T00:00:00Z' };

describe.each(backends)('presence to watchers only, on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  const id = {} as Record<Person, string>;
  const api = {} as Record<Person, ReturnType<typeof client>>;
  const token = {} as Record<Person, string>;
  let streams: Record<Person, Awaited<ReturnType<typeof openStream>>>;

  beforeAll(async () => {
    t = await teamServer(backend);
    const db = t.server.context.storage.db;
    // Everyone joins the organisation only, then the admin places them:
    // A = Ana, Al, Amy; B = Ben, Bea and Ana (in two teams); C = Cy, Cid; Lou in none.
    const { code } = await createInvite(db, t.team.team.id, { uses: 20, groupId: null });
    for (const name of people) {
      const joined = await client(t.url)('POST', '/v1/join', { code, name, email: `${name}@org.test` });
      id[name] = joined.body.member.id;
      api[name] = client(t.url, joined.body.token);
      token[name] = joined.body.token;
    }
    const teams = { A: ['ana', 'al', 'amy'], B: ['ben', 'bea', 'ana'], C: ['cy', 'cid'] } as const;
    for (const [name, members] of Object.entries(teams)) {
      const group = await createGroup(db, t.team.team.id, name);
      for (const m of members) await setInGroup(db, group.id, id[m], true);
    }
    expect((await api.cid('PUT', `/v1/me/stars/${id.al}`)).body).toEqual({ ids: [id.al] });
    streams = Object.fromEntries(
      await Promise.all(people.map(async (p) => [p, await openStream(t.url, token[p])])),
    );
    // Subscribed, not only connected: a change made before a stream says "ready" is in its
    // catch-up, not on the stream (CI once saw Ana's subscription finish between two changes).
    await Promise.all(Object.values(streams).map((s) => s.ready()));
  });
  afterAll(async () => {
    for (const s of Object.values(streams ?? {})) s.ws.close();
    await t?.server.close();
  });

  /** Who received a change of `kind` by `who` on their stream, once every stream has a later one. */
  async function receivers(kind: string, who: Person) {
    // A change everyone receives (a profile): once it has arrived, everything before it has.
    const marker = `marker ${Math.random()}`;
    await api.lou('PATCH', '/v1/me', { role: marker });
    for (const p of people)
      await streams[p].until(() =>
        streams[p].changes().some((c: Change) => c.kind === 'member' && c.data.profile.role === marker),
      );
    return people.filter((p) =>
      streams[p].changes().some((c: Change) => c.kind === kind && c.memberId === id[who]),
    );
  }

  it('a status change reaches its teams, its starrers and the teamless, and no other stream', async () => {
    await api.al('PUT', '/v1/me/status', { state: 'focus', text: 'quarterly plan' });
    expect(await receivers('status', 'al')).toEqual(['ana', 'al', 'amy', 'cid', 'lou']);
  });

  it('titles go to teammates only; a starrer sees free/busy', async () => {
    const busy = [{ start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', kind: 'busy' }];
    const titles = [{ start: '2026-03-10T09:00:00Z', title: 'Board review' }];
    expect(
      (await api.al('PUT', '/v1/me/availability', { window, busy, titles, loadToday: 0.2 })).status,
    ).toBe(200);
    expect(await receivers('availability', 'al')).toEqual(['ana', 'al', 'amy', 'cid', 'lou']);
    const seenBy = (p: Person) =>
      streams[p].changes().find((c: Change) => c.kind === 'availability' && c.memberId === id.al)!.data as {
        titles?: unknown;
        busy: unknown[];
      };
    expect(seenBy('amy').titles).toEqual(titles);
    expect(seenBy('cid').titles).toBeUndefined();
    expect(seenBy('cid').busy).toHaveLength(1);
  });

  it('a post stays in its author’s teams: stars see presence, not posts', async () => {
    await api.ben('POST', '/v1/posts', { id: crypto.randomUUID(), text: 'B team only' });
    expect(await receivers('post', 'ben')).toEqual(['ana', 'ben', 'bea', 'lou']);
    await api.al('POST', '/v1/posts', { id: crypto.randomUUID(), text: 'A team only' });
    expect(await receivers('post', 'al')).toEqual(['ana', 'al', 'amy', 'lou']);
    const feed = async (p: Person) =>
      ((await api[p]('GET', '/v1/posts')).body.posts as { text: string }[]).map((x) => x.text);
    expect(await feed('cid')).toEqual([]);
    expect((await feed('ana')).sort()).toEqual(['A team only', 'B team only']);
  });

  it('a post reaches the people it names, wherever they work, and its deletion too', async () => {
    const postId = crypto.randomUUID();
    const named = await api.cy('POST', '/v1/posts', {
      id: postId,
      text: '@al can you check the plan?',
      mentions: [id.al],
    });
    expect(named.status).toBe(201);
    expect(await receivers('post', 'cy')).toEqual(['al', 'cy', 'cid', 'lou']);
    const sync = async (p: Person) =>
      ((await api[p]('GET', '/v1/sync?since=0&limit=1000')).body.changes as Change[]).filter(
        (c) => c.entityId === postId,
      );
    expect((await sync('al')).map((c) => c.kind)).toEqual(['post']);
    expect(await sync('amy')).toEqual([]);
    const feed = async (p: Person) =>
      ((await api[p]('GET', '/v1/posts')).body.posts as { id: string }[]).map((x) => x.id);
    expect(await feed('al')).toContain(postId);
    expect(await feed('amy')).not.toContain(postId);
    expect((await api.cy('DELETE', `/v1/posts/${postId}`)).status).toBe(204);
    expect(await receivers('post-deleted', 'cy')).toEqual(['al', 'cy', 'cid', 'lou']);
    // Naming someone of no organisation of mine is refused, with the reason; nothing is stored.
    const stranger = await api.cy('POST', '/v1/posts', {
      id: crypto.randomUUID(),
      text: 'hello',
      mentions: [crypto.randomUUID()],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toMatch(/not a member of your organisation/);
  });

  it('sync and the board follow the same rules', async () => {
    const sync = async (p: Person) =>
      ((await api[p]('GET', '/v1/sync?since=0&limit=1000')).body.changes as Change[]).filter(
        (c) => c.memberId === id.al && (c.kind === 'status' || c.kind === 'post'),
      );
    expect((await sync('cy')).map((c) => c.kind)).toEqual([]);
    expect((await sync('cid')).map((c) => c.kind)).toEqual(['status']);
    expect((await sync('amy')).map((c) => c.kind).sort()).toEqual(['post', 'status']);
    const boardOf = async (p: Person) =>
      (
        (await api[p]('GET', '/v1/board')).body.members as {
          id: string;
          status: unknown;
          latestPost: unknown;
        }[]
      ).find((m) => m.id === id.al)!;
    expect(await boardOf('cy')).toMatchObject({ status: null, latestPost: null });
    expect(await boardOf('cid')).toMatchObject({ status: { text: 'quarterly plan' }, latestPost: null });
  });

  it('a board read narrowed to a few people (?ids=) follows the same rules', async () => {
    const narrowed = await api.cid('GET', `/v1/board?ids=${id.al},${id.amy}`);
    expect(narrowed.status).toBe(200);
    const members = narrowed.body.members as { id: string; status: unknown }[];
    expect(members.map((m) => m.id).sort()).toEqual([id.al, id.amy].sort());
    // Cid stars Al (presence), not Amy (nothing of hers).
    expect(members.find((m) => m.id === id.al)!.status).toMatchObject({ text: 'quarterly plan' });
    expect(members.find((m) => m.id === id.amy)!.status).toBeNull();
    const tooMany = Array.from({ length: 101 }, () => crypto.randomUUID()).join(',');
    expect((await api.cid('GET', `/v1/board?ids=${tooMany}`)).status).toBe(400);
    expect((await api.cid('GET', '/v1/board?ids=a/b')).status).toBe(400);
  });

  it('a new star: the desktop shows their current status at once, without waiting for a change', async () => {
    const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-watch-')));
    const desk = new SyncClient({ cache, server: t.url, token: token.cy });
    await desk.pull();
    const alOnBoard = () => readBoard(cache).find((m) => m.id === id.al)?.status;
    expect(alOnBoard()).toBeNull();
    expect((await api.cy('PUT', `/v1/me/stars/${id.al}`)).status).toBe(200);
    await desk.pull();
    expect(alOnBoard()).toMatchObject({ state: 'focus', text: 'quarterly plan' });
    cache.close();
  });
});
