// The reach table is the one rule: for random organisations (teams, people in several teams,
// in none, left unplaced, taken out of their last team, removed; stars) and random changes
// (posts naming people, edits that add or drop names, deletions, statuses, availabilities),
// what each person gets by the stream, a cold sync at any page size, an incremental sync, the
// board (whole and by ids) and /v1/posts is the same, and is what the table says. On SQLite and
// PostgreSQL.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServer } from '../../../server/run-server';
import { createGroup, setInGroup } from '../../../server/store/groups';
import { createInvite, createOrganisation, join, removeMember } from '../../../server/store/members';
import { boardResponse } from '../../../shared/protocol/responses';
import type { Change } from '../../../shared/protocol/changes';
import { openStream } from '../../support/stream-client';
import { backends, client, stopPostgres, storageFor } from '../../support/team-server';
import {
  applyChange,
  copyState,
  emptyState,
  expectedState,
  plain,
  type OrgModel,
  type ViewerState,
} from '../../support/viewer-state';

afterAll(() => stopPostgres());

const PEOPLE = 5;
const window = { from: '2026-03-09T00:00:00Z', to: '2026-03-23T00:00:00Z' };
const busy = [{ start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', kind: 'busy' }];

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const someone = fc.uniqueArray(person, { maxLength: 3 });
/** Where each person enters: team 0, team 1, or the organisation alone (unplaced). */
const entry = fc.array(fc.constantFrom(0, 1, null), { minLength: PEOPLE, maxLength: PEOPLE });
const structure = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('team-add' as const), who: person, team: fc.constantFrom(0, 1) }),
    fc.record({ op: fc.constant('team-remove' as const), who: person, team: fc.constantFrom(0, 1) }),
    fc.record({ op: fc.constant('star' as const), who: person, whom: person }),
    fc.record({ op: fc.constant('remove' as const), who: person }),
  ),
  { maxLength: 6 },
);
const content = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('post' as const), who: person, named: someone }),
    fc.record({ op: fc.constant('edit' as const), post: fc.nat(), named: someone }),
    fc.record({ op: fc.constant('delete' as const), post: fc.nat() }),
    fc.record({ op: fc.constant('status' as const), who: person }),
    fc.record({ op: fc.constant('availability' as const), who: person }),
  ),
  { minLength: 1, maxLength: 10 },
);

describe.each(backends)('who sees what is the reach table, on %s', (backend) => {
  let server: Awaited<ReturnType<typeof runServer>>;
  beforeAll(async () => {
    const storage = await storageFor(backend);
    server = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage,
      rateLimit: { capacity: 10_000, perSecond: 10_000 },
    });
  });
  afterAll(async () => server?.close());

  it('every path gives each person what the table says', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(entry, structure, content, fc.integer({ min: 1, max: 6 }), (e, s, c, pageSize) =>
        oneOrganisation(server, e, s, c, pageSize),
      ),
      { numRuns: backend === 'sqlite' ? 25 : 12 },
    );
  });
});

async function oneOrganisation(
  server: Awaited<ReturnType<typeof runServer>>,
  entries: (0 | 1 | null)[],
  structureOps: { op: string; who: number; whom?: number; team?: number }[],
  contentOps: { op: string; who?: number; named?: number[]; post?: number }[],
  pageSize: number,
) {
  const db = server.context.storage.db;
  const org = await createOrganisation(db, { name: 'Acme', adminName: 'Ada', adminEmail: 'ada@org.test' });
  const orgId = org.team.id;
  const teams = [(await createGroup(db, orgId, 'Billing')).id, (await createGroup(db, orgId, 'Search')).id];
  const model: OrgModel = {
    teams: new Map(teams.map((t) => [t, new Set<string>()])),
    whole: new Set(),
    stars: new Map(),
    posts: new Map(),
    status: new Map(),
    titles: new Set(),
  };
  // A new organisation has no team: its admin sees the whole of it until placed in one.
  model.whole.add(org.admin.id);
  const ids: string[] = [];
  const tokens = new Map<string, string>([[org.admin.id, org.token]]);
  for (let i = 0; i < PEOPLE; i++) {
    const into = entries[i]!;
    const { code } = await createInvite(db, orgId, { uses: 1, groupId: into === null ? null : teams[into]! });
    // Through the store: the public join route is limited per address, and this is one address.
    const joined = { body: await join(db, { code, name: `P${i}`, email: `p${i}@org.test` }) };
    ids.push(joined.body.member.id);
    tokens.set(joined.body.member.id, joined.body.token);
    if (into === null) model.whole.add(joined.body.member.id);
    else model.teams.get(teams[into]!)!.add(joined.body.member.id);
  }
  const removed = new Set<string>();
  for (const op of structureOps) {
    const who = ids[op.who]!;
    if (removed.has(who)) continue;
    if (op.op === 'team-add' || op.op === 'team-remove') {
      const adding = op.op === 'team-add';
      await setInGroup(db, teams[op.team!]!, who, adding);
      const members = model.teams.get(teams[op.team!]!)!;
      if (adding) {
        members.add(who);
        model.whole.delete(who); // placed in a team: no longer the whole organisation
      } else members.delete(who);
    } else if (op.op === 'star') {
      const whom = ids[op.whom!]!;
      if (whom === who || removed.has(whom)) continue;
      await client(server.url, tokens.get(who))('PUT', `/v1/me/stars/${whom}`);
      model.stars.set(who, new Set([...(model.stars.get(who) ?? []), whom]));
    } else {
      await removeMember(db, who);
      removed.add(who);
      model.whole.delete(who);
      for (const members of model.teams.values()) members.delete(who);
    }
  }
  const viewers = [org.admin.id, ...ids.filter((id) => !removed.has(id))];
  const api = (id: string) => client(server.url, tokens.get(id));

  // Phase two: the organisation holds still, streams are open, content changes.
  const start = new Map<string, { state: ViewerState; cursor: number }>();
  for (const v of viewers) start.set(v, await coldSync(api(v), 1000));
  const streams = new Map(
    await Promise.all(viewers.map(async (v) => [v, await openStream(server.url, tokens.get(v)!)] as const)),
  );
  for (const stream of streams.values()) await stream.ready();

  const postIds: string[] = [];
  const live = viewers.slice(1);
  if (live.length === 0) return closeAll(streams);
  for (const op of contentOps) {
    const who = live[(op.who ?? 0) % live.length]!;
    const named = [...new Set((op.named ?? []).map((n) => live[n % live.length]!))].filter((n) => n !== who);
    if (op.op === 'post') {
      const id = randomUUID();
      const text = `post ${postIds.length} by ${who.slice(0, 4)}`;
      expect((await api(who)('POST', '/v1/posts', { id, text, mentions: named })).status).toBe(201);
      postIds.push(id);
      model.posts.set(id, { author: who, text, named, reached: new Set(named), live: true });
    } else if (op.op === 'edit' || op.op === 'delete') {
      if (postIds.length === 0) continue;
      const id = postIds[op.post! % postIds.length]!;
      const post = model.posts.get(id)!;
      if (!post.live) continue;
      if (op.op === 'delete') {
        expect((await api(post.author)('DELETE', `/v1/posts/${id}`)).status).toBe(204);
        post.live = false;
      } else {
        const edited = named.filter((n) => n !== post.author);
        post.text = `${post.text} (edited)`;
        expect(
          (await api(post.author)('PATCH', `/v1/posts/${id}`, { text: post.text, mentions: edited })).status,
        ).toBe(200);
        post.named = edited;
        for (const n of edited) post.reached.add(n);
      }
    } else if (op.op === 'status') {
      const text = `on ${Math.random().toString(36).slice(2, 6)}`;
      expect((await api(who)('PUT', '/v1/me/status', { state: 'focus', text })).status).toBeLessThan(300);
      model.status.set(who, text);
    } else {
      const titles = [{ start: busy[0]!.start, title: 'Board review' }];
      const answer = await api(who)('PUT', '/v1/me/availability', { window, busy, titles, loadToday: 0.2 });
      expect(answer.status).toBeLessThan(300);
      model.titles.add(who);
    }
  }
  // A change everyone sees, last: once each stream has it, it has everything before it.
  const marker = `marker ${randomUUID()}`;
  await api(org.admin.id)('PATCH', '/v1/me', { role: marker });
  for (const stream of streams.values())
    await stream.until(() =>
      stream.changes().some((ch: Change) => ch.kind === 'member' && ch.data.profile.role === marker),
    );

  for (const v of viewers) {
    const expected = plain(expectedState(model, v));
    const from = start.get(v)!;
    const streamed = copyState(from.state);
    for (const change of streams.get(v)!.changes()) applyChange(streamed, change);
    const incremental = copyState(from.state);
    await pages(api(v), from.cursor, 1000, incremental);
    const cold = await coldSync(api(v), pageSize);
    const listed = (await api(v)('GET', '/v1/posts?limit=200')).body.posts as { id: string; text: string }[];
    const who = `${v === org.admin.id ? 'admin' : `P${ids.indexOf(v)}`}`;
    expect(plain(streamed), `${who}: stream`).toEqual(expected);
    expect(plain(incremental), `${who}: incremental sync`).toEqual(expected);
    expect(plain(cold.state), `${who}: cold sync by ${pageSize}`).toEqual(expected);
    expect(listed.map((p) => [p.id, p.text]).sort(), `${who}: /v1/posts`).toEqual(expected.posts);
    const presence = ({ posts: _p, ...rest }: ReturnType<typeof plain>) => rest;
    expect(presence(plain(await boardState(api(v)))), `${who}: board`).toEqual(presence(expected));
    expect(presence(plain(await boardState(api(v), ids))), `${who}: board by ids`).toEqual(
      presence(plain(expectedStateAmong(expectedState(model, v), ids))),
    );
  }
  closeAll(streams);
}

function closeAll(streams: Map<string, { close(): void }>) {
  for (const s of streams.values()) s.close();
}

/** The expected state narrowed to some people (what `/v1/board?ids=` covers). */
function expectedStateAmong(state: ViewerState, ids: readonly string[]): ViewerState {
  const keep = <V>(m: Map<string, V>) => new Map([...m].filter(([k]) => ids.includes(k)));
  return { posts: state.posts, status: keep(state.status), titles: keep(state.titles) };
}

async function pages(api: ReturnType<typeof client>, since: number, limit: number, state: ViewerState) {
  let cursor = since;
  for (;;) {
    const page = (await api('GET', `/v1/sync?since=${cursor}&limit=${limit}`)).body;
    for (const change of page.changes) applyChange(state, change);
    cursor = page.cursor;
    if (!page.more) return cursor;
  }
}

async function coldSync(api: ReturnType<typeof client>, limit: number) {
  const state = emptyState();
  const cursor = await pages(api, 0, limit, state);
  return { state, cursor };
}

async function boardState(api: ReturnType<typeof client>, ids?: readonly string[]) {
  const answer = await api('GET', `/v1/board${ids ? `?ids=${ids.join(',')}` : ''}`);
  const state = emptyState();
  for (const m of boardResponse.parse(answer.body).members) {
    if (m.status?.text) state.status.set(m.id, m.status.text);
    if (m.availability) state.titles.set(m.id, !!m.availability.titles?.length);
  }
  return state;
}
