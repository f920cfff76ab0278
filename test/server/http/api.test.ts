import SwaggerParser from '@apidevtools/swagger-parser';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../../server/store/members';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

describe.each(backends)('team server API on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer(backend);
  });
  afterAll(() => t?.server.close());

  describe('joining', () => {
    it('an invite gives a token, a member and the team', async () => {
      const { code } = await createInvite(t.server.context.storage.db, t.team.team.id, {});
      const res = await client(t.url)('POST', '/v1/join', { code, name: 'Chloé', email: 'chloe@acme.test' });
      expect(res.status).toBe(201);
      expect(res.body.token).toMatch(/^[\w-]{43}$/);
      expect(res.body.member).toMatchObject({ name: 'Chloé', role: 'member', teamId: t.team.team.id });
      expect(res.body.team).toEqual({ id: t.team.team.id, name: 'Acme' });
    });

    it('a wrong, used-up or expired code is 403 with the reason', async () => {
      const db = t.server.context.storage.db;
      const once = await createInvite(db, t.team.team.id, { uses: 1 });
      const expired = await createInvite(db, t.team.team.id, {
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      const join = (code: string) =>
        client(t.url)('POST', '/v1/join', { code, name: 'X', email: 'x@acme.test' });
      expect((await join('nope')).body).toEqual({
        error: 'invite_invalid',
        message: 'this invite code is not valid',
      });
      expect((await join(once.code)).status).toBe(201);
      expect(await join(once.code)).toMatchObject({ status: 403, body: { error: 'invite_used_up' } });
      expect(await join(expired.code)).toMatchObject({ status: 403, body: { error: 'invite_expired' } });
    });

    it('one person, one member: joining again with a member’s email is refused and uses nothing', async () => {
      const db = t.server.context.storage.db;
      const once = await createInvite(db, t.team.team.id, { uses: 1 });
      const again = await client(t.url)('POST', '/v1/join', {
        code: once.code,
        name: 'Ana',
        email: 'ANA@acme.test',
      });
      expect(again).toMatchObject({ status: 409, body: { error: 'already_member' } });
      expect(again.body.message).toContain('already a member');
      const other = await client(t.url)('POST', '/v1/join', {
        code: once.code,
        name: 'Dan',
        email: 'dan@acme.test',
      });
      expect(other.status).toBe(201);
    });

    it('an invite nobody limited still ends (25 uses, 14 days); an admin revokes one at once', async () => {
      const made = await t.admin.api('POST', '/v1/invites', {});
      expect(made.body.uses).toBe(25);
      expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
      expect((await t.bob.api('POST', '/v1/invites/revoke', { code: made.body.code })).status).toBe(403);
      expect((await t.admin.api('POST', '/v1/invites/revoke', { code: made.body.code })).status).toBe(204);
      const join = await client(t.url)('POST', '/v1/join', {
        code: made.body.code,
        name: 'Zoe',
        email: 'zoe@acme.test',
      });
      expect(join).toMatchObject({ status: 403, body: { error: 'invite_invalid' } });
      expect((await t.admin.api('POST', '/v1/invites/revoke', { code: made.body.code })).status).toBe(404);
    });

    it('a 1-use invite lets exactly one of 20 parallel joins in', async () => {
      const once = await createInvite(t.server.context.storage.db, t.team.team.id, { uses: 1 });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client(t.url)('POST', '/v1/join', { code: once.code, name: `P${i}`, email: `p${i}@acme.test` }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      // The others are refused: used up (403), or past the per-address join limit (429).
      expect(results.filter((r) => r.status !== 201).every((r) => r.status === 403 || r.status === 429)).toBe(
        true,
      );
      expect(results.some((r) => r.body?.error === 'invite_used_up')).toBe(true);
    });
  });

  it('a zone or working hours it cannot use are refused with the reason, and nothing changes', async () => {
    const paris = await t.bob.api('PATCH', '/v1/me', { timezone: 'Paris' });
    expect(paris).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(paris.body.message).toContain('"Paris" is not a time zone');
    const backwards = Array.from({ length: 7 }, () => [{ start: 600, end: 540 }]);
    const hours = await t.bob.api('PATCH', '/v1/me', { workingHours: backwards });
    expect(hours.status).toBe(400);
    expect(hours.body.message).toContain('must end after it starts');
    const me = await t.bob.api('GET', '/v1/me');
    expect(me.body.profile.timezone).toBeUndefined();
  });

  it('a profile, a status and availability show on the board', async () => {
    expect(
      (
        await t.bob.api('PATCH', '/v1/me', {
          role: 'Backend engineer',
          skills: ['postgres', 'go'],
          timezone: 'Europe/Paris',
        })
      ).status,
    ).toBe(200);
    const until = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(
      (await t.bob.api('PUT', '/v1/me/status', { state: 'focus', emoji: '🎯', text: 'Q3 plan', until }))
        .status,
    ).toBe(200);
    const availability = {
      window: { from: '2026-03-09T00:00:00Z', to: '2026-03-23T00:00:00Z' },
      busy: [{ start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z', kind: 'busy' }],
      loadToday: 0.5,
      loadWeek: 0.25,
    };
    expect((await t.bob.api('PUT', '/v1/me/availability', availability)).status).toBe(200);
    const board = await t.admin.api('GET', '/v1/board');
    const bob = board.body.members.find((m: { name: string }) => m.name === 'Bob');
    expect(bob).toMatchObject({
      profile: { role: 'Backend engineer', skills: ['postgres', 'go'], timezone: 'Europe/Paris' },
      status: { state: 'focus', emoji: '🎯', text: 'Q3 plan', until },
      availability: { busy: availability.busy, loadToday: 0.5, loadWeek: 0.25 },
    });
    expect(bob).not.toHaveProperty('email');
    expect((await t.bob.api('DELETE', '/v1/me/status')).status).toBe(204);
    const after = await t.admin.api('GET', '/v1/board');
    expect(after.body.members.find((m: { name: string }) => m.name === 'Bob').status).toMatchObject({
      state: null,
      text: null,
    });
  });

  it.each([
    [
      { window: { from: '2026-03-09T00:00:00Z', to: '2026-04-20T00:00:00Z' }, busy: [] },
      'window: the window is longer than 31 days',
    ],
    [
      {
        window: { from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z' },
        busy: [
          { start: '2026-03-09T08:00:00Z', end: '2026-03-09T10:00:00Z', kind: 'busy' },
          { start: '2026-03-09T09:00:00Z', end: '2026-03-09T11:00:00Z', kind: 'busy' },
        ],
      },
      'busy.1: segments must be sorted and must not overlap',
    ],
    [
      {
        window: { from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z' },
        busy: [{ start: '2026-03-12T08:00:00Z', end: '2026-03-12T09:00:00Z', kind: 'busy' }],
      },
      'busy.0: a segment is outside the window',
    ],
    [
      {
        window: { from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z' },
        busy: [{ start: '2026-03-09T08:00:00Z', end: '2026-03-09T09:00:00Z', kind: 'lunch' }],
      },
      'busy.0.kind',
    ],
    [
      { window: { from: '2026-03-09T00:00:00Z', to: '2026-03-10T00:00:00Z' }, busy: [], title: 'secret' },
      'unknown field "title"',
    ],
  ])('refuses availability %#: %s', async (body, message) => {
    const res = await t.bob.api('PUT', '/v1/me/availability', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.message).toContain(message);
  });

  it('refuses more than 2,000 segments', async () => {
    const busy = Array.from({ length: 2001 }, (_, i) => ({
      start: new Date(Date.UTC(2026, 2, 9) + i * 600_000).toISOString().replace('.000', ''),
      end: new Date(Date.UTC(2026, 2, 9) + i * 600_000 + 300_000).toISOString().replace('.000', ''),
      kind: 'busy',
    }));
    const res = await t.bob.api('PUT', '/v1/me/availability', {
      window: { from: '2026-03-09T00:00:00Z', to: '2026-03-24T00:00:00Z' },
      busy,
    });
    expect(res).toMatchObject({ status: 400, body: { message: expect.stringContaining('busy') } });
  });

  describe('posts', () => {
    it('the same client id twice is one post: 201 then 200 with the same post', async () => {
      const id = randomUUID();
      const first = await t.bob.api('POST', '/v1/posts', { id, text: 'Shipping the #sync fix' });
      const again = await t.bob.api('POST', '/v1/posts', { id, text: 'Shipping the #sync fix' });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(first.body.tags).toEqual(['sync']);
      const list = await t.admin.api('GET', '/v1/posts?limit=200');
      expect(list.body.posts.filter((p: { id: string }) => p.id === id)).toHaveLength(1);
    });

    it('lists newest first, pages with before, and the board shows topics from #tags', async () => {
      for (const text of ['#infra day', 'more #infra', '#oncall handover']) {
        await t.bob.api('POST', '/v1/posts', { id: randomUUID(), text });
        await new Promise((r) => setTimeout(r, 5));
      }
      const page = await t.admin.api('GET', '/v1/posts?limit=2');
      expect(page.body.posts.map((p: { text: string }) => p.text)).toEqual([
        '#oncall handover',
        'more #infra',
      ]);
      const next = await t.admin.api('GET', `/v1/posts?limit=1&before=${page.body.posts[1].createdAt}`);
      expect(next.body.posts[0].text).toBe('#infra day');
      const board = await t.admin.api('GET', '/v1/board');
      const bob = board.body.members.find((m: { name: string }) => m.name === 'Bob');
      expect(bob.topics.slice(0, 2)).toEqual(['infra', 'oncall']);
      expect(bob.latestPost.text).toBe('#oncall handover');
    });

    it('only its author or an admin deletes a post', async () => {
      const mine = (await t.admin.api('POST', '/v1/posts', { id: randomUUID(), text: 'admin note' })).body;
      expect(await t.bob.api('DELETE', `/v1/posts/${mine.id}`)).toMatchObject({
        status: 403,
        body: { error: 'forbidden' },
      });
      const bobs = (await t.bob.api('POST', '/v1/posts', { id: randomUUID(), text: 'bob note' })).body;
      expect((await t.admin.api('DELETE', `/v1/posts/${bobs.id}`)).status).toBe(204);
      expect((await t.bob.api('DELETE', `/v1/posts/${bobs.id}`)).status).toBe(404);
    });

    it('its author edits a post: same id, new text and tags, everyone gets the change', async () => {
      const post = (await t.bob.api('POST', '/v1/posts', { id: randomUUID(), text: 'draft #plan' })).body;
      expect((await t.admin.api('PATCH', `/v1/posts/${post.id}`, { text: 'nope' })).status).toBe(403);
      const edited = await t.bob.api('PATCH', `/v1/posts/${post.id}`, { text: 'final #roadmap' });
      expect(edited.body).toMatchObject({
        id: post.id,
        text: 'final #roadmap',
        tags: ['roadmap'],
        createdAt: post.createdAt,
      });
      const log = await t.admin.api('GET', '/v1/sync?since=0&limit=1000');
      expect(log.body.changes.at(-1)).toMatchObject({
        kind: 'post',
        entityId: post.id,
        data: { text: 'final #roadmap' },
      });
    });

    it('refuses a post over 500 characters or without a UUID', async () => {
      expect(
        (await t.bob.api('POST', '/v1/posts', { id: randomUUID(), text: 'x'.repeat(501) })).body.message,
      ).toContain('text');
      expect((await t.bob.api('POST', '/v1/posts', { id: 'one', text: 'hi' })).body.message).toContain(
        'id must be a UUID',
      );
    });
  });

  it('sync pages through the change log with no gap and no duplicate (compaction leaves holes in the numbers only)', async () => {
    const seen: number[] = [];
    let cursor = 0;
    for (let more = true; more;) {
      const page = await t.admin.api('GET', `/v1/sync?since=${cursor}&limit=3`);
      expect(page.status).toBe(200);
      seen.push(...page.body.changes.map((c: { seq: number }) => c.seq));
      cursor = page.body.cursor;
      more = page.body.more;
    }
    const whole = (await t.admin.api('GET', '/v1/sync?since=0&limit=1000')).body.changes.map(
      (c: { seq: number }) => c.seq,
    );
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThan(10);
  });

  it('describes itself at /v1/openapi.json, generated from the routes’ own schemas, valid for a standard linter', async () => {
    const doc = await client(t.url)('GET', '/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    // Structural validation (what client generators rely on): throws on any error.
    await SwaggerParser.validate(structuredClone(doc.body));
    const paths = doc.body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/v1/me/availability',
        '/v1/posts/{id}',
        '/v1/invites',
        '/v1/asks/{id}',
        '/v1/sync',
      ]),
    );
    expect(paths['/v1/posts/{id}'].patch.requestBody).toBeDefined();
    expect(paths['/v1/posts/{id}'].patch.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]),
    );
    expect(paths['/v1/invites'].post.requestBody).toBeDefined();
    const since = paths['/v1/sync'].get.parameters.find((p: { name: string }) => p.name === 'since');
    expect(since.schema).toBeDefined();
    expect(paths['/v1/join'].post.security).toEqual([]);
    // Every success is described by its schema (no "any"): a client can be generated from it.
    for (const [path, methods] of Object.entries(paths) as [string, Record<string, { responses: object }>][])
      for (const [method, operation] of Object.entries(methods))
        for (const [status, response] of Object.entries(operation.responses) as [
          string,
          { content?: { 'application/json': { schema: object } } },
        ][])
          if (status.startsWith('2') && status !== '204')
            expect(
              Object.keys(response.content?.['application/json'].schema ?? {}),
              `${method.toUpperCase()} ${path} ${status}`,
            ).toContain('type');
    expect(
      paths['/v1/board'].get.responses['200'].content['application/json'].schema.properties.members,
    ).toBeDefined();
  });

  it('answers carry only what their schema says: no email of another member, ever', async () => {
    const admin = client(t.url, t.team.token);
    const members = (await admin('GET', '/v1/board')).body.members as { id: string; email?: string }[];
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.email === undefined)).toBe(true);
    const one = await admin('GET', `/v1/members/${members[0]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body.email).toBeUndefined();
    const sync = (await admin('GET', '/v1/sync?since=0&limit=1000')).body;
    expect(JSON.stringify(sync)).not.toContain('@acme.test');
    // Only the caller's own answer names its email.
    expect((await admin('GET', '/v1/me')).body.email).toBe('ana@acme.test');
  });
});
