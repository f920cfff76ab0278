import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createInvite, createOrganisation, removeMember } from '../../../server/store/members';
import { rotateToken } from '../../../server/store/devices';
import { rawRequest } from '../../support/raw-http';
import { openStream } from '../../support/stream-client';
import { runServer } from '../../../server/run-server';
import { openStorage } from '../../../server/db/connect';
import { backends, client, stopPostgres, storageFor, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

describe('text people type, and numbers past what the log holds', () => {
  it('invisible characters are removed before anyone sees them; NUL and huge cursors are refused cleanly', async () => {
    const t = await teamServer('sqlite');
    try {
      expect((await t.bob.api('PATCH', '/v1/me', { name: 'Ana\u200b' })).body.name).toBe('Ana');
      expect((await t.bob.api('PATCH', '/v1/me', { name: '\u202eanA' })).body.name).toBe('anA');
      expect((await t.bob.api('PATCH', '/v1/me', { name: '\u200b\u200d' })).status).toBe(400);
      const post = await t.bob.api('POST', '/v1/posts', {
        id: randomUUID(),
        text: 'hi\u0000 there 👨\u200d👩\u200d👧',
      });
      expect(post.status).toBe(201);
      expect(post.body.text).toBe('hi there 👨\u200d👩\u200d👧');
      expect(await t.bob.api('GET', '/v1/sync?since=3000000000')).toMatchObject({ status: 400 });
    } finally {
      await t.server.close();
    }
  });

  it("a removed member's open stream closes at once", async () => {
    const t = await teamServer('sqlite');
    try {
      const stream = await openStream(t.url, t.bob.token);
      await stream.until(() => stream.messages.some((m) => m.type === 'ready'));
      const closed = new Promise<number>((resolve) => stream.ws.once('close', (code) => resolve(code)));
      expect((await t.admin.api('DELETE', `/v1/members/${t.bob.id}`)).status).toBe(204);
      expect(await closed).toBe(4401);
    } finally {
      await t.server.close();
    }
  });
});

describe('limits keyed on who really asks', () => {
  it('random tokens are cut off per address without costing the real members, even behind a proxy', async () => {
    const storage = await storageFor('sqlite');
    const server = await runServer({ host: '127.0.0.1', port: 0, storage, trustProxy: true });
    try {
      const team = await createOrganisation(server.context.storage.db, {
        name: 'A',
        adminName: 'Ana',
        adminEmail: 'a@a.test',
      });
      const from = (ip: string, token?: string) => (method: string, path: string, body?: unknown) =>
        client(server.url, token)(method, path, body, { 'x-forwarded-for': ip });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++)
        statuses.push((await from('10.0.0.1', randomUUID() + randomUUID())('GET', '/v1/me')).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      // The same proxy, another client: unaffected.
      expect((await from('10.0.0.2', team.token)('GET', '/v1/me')).status).toBe(200);
      // Joining: 20 attempts a minute per real address.
      const joins: number[] = [];
      for (let i = 0; i < 22; i++)
        joins.push(
          (await from('10.0.0.3')('POST', '/v1/join', { code: 'wrong-code', name: 'X', email: 'x@a.test' }))
            .status,
        );
      expect(joins.slice(0, 20).every((s) => s === 403)).toBe(true);
      expect(joins.slice(20)).toEqual([429, 429]);
      expect(
        (await from('10.0.0.4')('POST', '/v1/join', { code: 'wrong-code', name: 'X', email: 'x@a.test' }))
          .status,
      ).toBe(403);
      // A whole office joining through one proxy address: successes never count against it.
      const invite = await createInvite(server.context.storage.db, team.team.id, { uses: 50 });
      const office: number[] = [];
      for (let i = 0; i < 24; i++) {
        const body = { code: invite.code, name: `P${i}`, email: `p${i}@a.test` };
        office.push((await from('10.0.0.5')('POST', '/v1/join', body)).status);
      }
      expect(office.every((s) => s === 201)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('a request no URL parser accepts', () => {
  it('a first stream frame that is JSON but no message ("null") closes that stream, not the server', async () => {
    const t = await teamServer('sqlite');
    try {
      for (const frame of ['null', '3', '[]', '"x"']) {
        const ws = new WebSocket(`${t.url.replace(/^http/, 'ws')}/v1/stream`);
        await new Promise((r) => ws.once('open', r));
        const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
        ws.send(frame);
        expect(await closed).toBe(4400);
      }
      expect((await client(t.url)('GET', '/healthz')).status).toBe(200);
    } finally {
      await t.server.close();
    }
  });

  it('an unauthenticated upgrade to "//[" is refused and the server keeps serving', async () => {
    const t = await teamServer('sqlite');
    try {
      const port = Number(new URL(t.url).port);
      await rawRequest(
        port,
        'GET //[ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
      );
      expect((await client(t.url)('GET', '/healthz')).status).toBe(200);
    } finally {
      await t.server.close();
    }
  });
});

describe.each(backends)('isolation and bad input on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  let other: { token: string; api: ReturnType<typeof client>; memberId: string };
  beforeAll(async () => {
    t = await teamServer(backend, { rateLimit: { capacity: 40, perSecond: 1 } });
    const globex = await createOrganisation(t.server.context.storage.db, {
      name: 'Globex',
      adminName: 'Gil',
      adminEmail: 'gil@globex.test',
    });
    other = { token: globex.token, api: client(t.url, globex.token), memberId: globex.admin.id };
  });
  afterAll(() => t?.server.close());

  describe("another team's data is a 404", () => {
    it('its member', async () => {
      expect(await t.bob.api('GET', `/v1/members/${other.memberId}`)).toMatchObject({
        status: 404,
        body: { error: 'not_found' },
      });
      expect((await t.bob.api('GET', `/v1/members/${t.admin.id}`)).status).toBe(200);
    });

    it('its post, even for an admin', async () => {
      const post = (await other.api('POST', '/v1/posts', { id: randomUUID(), text: 'globex only' })).body;
      expect((await t.admin.api('DELETE', `/v1/posts/${post.id}`)).status).toBe(404);
      const ours = await t.admin.api('GET', '/v1/posts');
      expect(ours.body.posts.map((p: { text: string }) => p.text)).not.toContain('globex only');
    });

    it('its post id, reused by us, is a new post of ours: nothing says theirs exists', async () => {
      const post = (await other.api('POST', '/v1/posts', { id: randomUUID(), text: 'globex two' })).body;
      const res = await t.bob.api('POST', '/v1/posts', { id: post.id, text: 'mine' });
      expect(res.status).toBe(201);
      expect(JSON.stringify(res.body)).not.toContain('globex');
    });

    it('its board, its log and its stream', async () => {
      const board = await t.bob.api('GET', '/v1/board');
      expect(board.body.members.map((m: { name: string }) => m.name)).not.toContain('Gil');
      const stream = await openStream(t.url, t.bob.token);
      await stream.ready();
      await other.api('PUT', '/v1/me/status', { state: 'dnd' });
      await t.admin.api('PUT', '/v1/me/status', { state: 'away' });
      await stream.until(() => stream.changes().some((c) => c.kind === 'status'));
      expect(stream.changes().every((c) => c.memberId !== other.memberId)).toBe(true);
      const sync = await t.bob.api('GET', '/v1/sync?since=0&limit=1000');
      expect(sync.body.changes.every((c: { memberId: string }) => c.memberId !== other.memberId)).toBe(true);
      stream.close();
    });

    it('members cannot manage members; admins can, only in their team', async () => {
      expect((await t.bob.api('DELETE', `/v1/members/${t.admin.id}`)).status).toBe(403);
      expect((await t.bob.api('POST', '/v1/invites', {})).status).toBe(403);
      expect((await t.admin.api('DELETE', `/v1/members/${other.memberId}`)).status).toBe(404);
      expect((await t.admin.api('POST', '/v1/invites', { uses: 2, expiresInHours: 24 })).status).toBe(201);
    });
  });

  describe('bad requests get a reason and change nothing', () => {
    it.each([
      ['malformed JSON', '{"id": ', 400, 'invalid_json'],
      ['wrong types', { id: randomUUID(), text: 42 }, 400, 'invalid_request'],
      ['unknown fields', { id: randomUUID(), text: 'hi', pinned: true }, 400, 'invalid_request'],
      ['an oversized body', { id: randomUUID(), text: 'x'.repeat(300_000) }, 413, 'payload_too_large'],
    ])('%s', async (_what, body, status, error) => {
      const before = await t.admin.api('GET', '/v1/sync?since=0&limit=1000');
      const res = await t.bob.api('POST', '/v1/posts', body);
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ error, message: expect.any(String) });
      const after = await t.admin.api('GET', '/v1/sync?since=0&limit=1000');
      expect(after.body.cursor).toBe(before.body.cursor);
    });

    it('no token, a bad token, a rotated token and a removed member are 401', async () => {
      expect((await client(t.url)('GET', '/v1/me')).status).toBe(401);
      expect((await client(t.url, 'x'.repeat(43))('GET', '/v1/me')).status).toBe(401);
      const joined = await client(t.url)('POST', '/v1/join', {
        code: t.team.invite,
        name: 'Dan',
        email: 'dan@acme.test',
      });
      const fresh = await rotateToken(t.server.context.storage.db, joined.body.member.id);
      expect((await client(t.url, joined.body.token)('GET', '/v1/me')).status).toBe(401);
      expect((await client(t.url, fresh)('GET', '/v1/me')).status).toBe(200);
      await removeMember(t.server.context.storage.db, joined.body.member.id);
      expect((await client(t.url, fresh)('GET', '/v1/me')).body).toMatchObject({ error: 'unauthorized' });
    });

    it('too many requests for one token: 429 with Retry-After, others unaffected', async () => {
      const joined = await client(t.url)('POST', '/v1/join', {
        code: t.team.invite,
        name: 'Eve',
        email: 'eve@acme.test',
      });
      const eve = client(t.url, joined.body.token);
      const statuses: number[] = [];
      for (let i = 0; i < 45; i++) statuses.push((await eve('GET', '/v1/me')).status);
      expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
      const limited = await eve('GET', '/v1/me');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await t.admin.api('GET', '/v1/me')).status).toBe(200);
    });
  });

  describe('the live stream', () => {
    it('authenticates by header or by first message, never by URL', async () => {
      const byMessage = await openStream(t.url, t.bob.token, 'message');
      expect(await byMessage.ready()).toBeGreaterThan(0);
      byMessage.close();
      // A token in the URL is ignored: the stream still waits for one and refuses anything else.
      const ws = new WebSocket(`${t.url.replace('http', 'ws')}/v1/stream?token=${t.bob.token}`);
      const received: string[] = [];
      ws.on('message', (d) => received.push(String(d)));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'hello' }));
      const code = await new Promise<number>((resolve) => ws.once('close', resolve));
      expect(code).toBe(4400);
      expect(received).toEqual([]);
    });

    it('pushes each change with its sequence number, in order', async () => {
      const stream = await openStream(t.url, t.admin.token);
      const cursor = await stream.ready();
      for (let i = 0; i < 5; i++)
        await t.bob.api('POST', '/v1/posts', { id: randomUUID(), text: `live ${i}` });
      await stream.until(() => stream.changes().length >= 5);
      expect(stream.changes().map((c) => c.seq)).toEqual([1, 2, 3, 4, 5].map((i) => cursor + i));
      expect(stream.changes().map((c) => (c.data as { text: string }).text)).toEqual(
        [0, 1, 2, 3, 4].map((i) => `live ${i}`),
      );
      stream.close();
    });
  });
});

describe('a token rotated by the admin command (another process)', () => {
  it('closes the streams it opened within moments (one revocation query, not a lookup per stream)', async () => {
    const storage = await storageFor('sqlite');
    const server = await runServer({ host: '127.0.0.1', port: 0, storage });
    try {
      const team = await createOrganisation(server.context.storage.db, {
        name: 'A',
        adminName: 'Ana',
        adminEmail: 'a@a.test',
      });
      const stream = await openStream(server.url, team.token);
      await stream.until(() => stream.messages.some((m) => m.type === 'ready'));
      const closed = new Promise<number>((resolve) => stream.ws.once('close', (code) => resolve(code)));
      // What `ricochet admin rotate-token` does: its own connection to the same database, outside
      // the server, and no word to it (an older admin command does not touch the mark either).
      const outside = await openStorage(storage);
      try {
        await rotateToken(outside.db, team.admin.id);
      } finally {
        await outside.close();
      }
      expect(await closed).toBe(4401);
    } finally {
      await server.close();
    }
  });
});

describe('a body trickled byte by byte', () => {
  it('is cut off once the request timeout passes; the server keeps serving others', async () => {
    const storage = await storageFor('sqlite');
    const server = await runServer({ host: '127.0.0.1', port: 0, storage, requestTimeoutMs: 1_000 });
    try {
      const port = Number(new URL(server.url).port);
      const socket = connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      let answer = '';
      let closed = false;
      socket.on('data', (d) => (answer += d));
      socket.on('close', () => (closed = true));
      socket.write(
        'POST /v1/join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
      );
      let sent = 0;
      while (!closed && sent < 40) {
        socket.write('{');
        sent++;
        await new Promise((r) => setTimeout(r, 150));
      }
      expect(closed).toBe(true); // cut off long before the 100 bytes (40 × 150 ms would be 6 s)
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
      expect((await client(server.url)('GET', '/healthz')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
