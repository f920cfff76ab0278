// Findings 4 and 9 of the live review: limits that locked out real members.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runServer } from '../../../server/run-server';
import { createInvite, createOrganisation } from '../../../server/store/members';
import { client, storageFor } from '../../support/team-server';

describe('limits that never refuse a real member for others', () => {
  let server: Awaited<ReturnType<typeof runServer>>;
  let team: Awaited<ReturnType<typeof createOrganisation>>;
  beforeAll(async () => {
    server = await runServer({ host: '127.0.0.1', port: 0, storage: await storageFor('sqlite') });
    team = await createOrganisation(server.context.storage.db, {
      name: 'A',
      adminName: 'Ana',
      adminEmail: 'a@a.test',
    });
  });
  afterAll(() => server?.close());

  const upgrade = (token: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/stream`, {
        headers: { authorization: `Bearer ${token}` },
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('message', () => (ws.close(), resolve(101)));
      ws.once('error', () => {});
    });

  it('after 30 bad tokens from one address, a member there who just joined is still served', async () => {
    const invite = await createInvite(server.context.storage.db, team.team.id, {});
    const joined = await client(server.url)('POST', '/v1/join', {
      code: invite.code,
      name: 'Bo',
      email: 'bo@a.test',
    });
    const bad: number[] = [];
    for (let i = 0; i < 35; i++) bad.push((await client(server.url, randomUUID())('GET', '/v1/me')).status);
    expect(bad.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(bad.slice(30).every((s) => s === 429)).toBe(true);
    // The same address (one office, one NAT): the real members go on.
    expect((await client(server.url, joined.body.token)('GET', '/v1/me')).status).toBe(200);
    expect((await client(server.url, team.token)('GET', '/v1/me')).status).toBe(200);
    expect(await upgrade(joined.body.token)).toBe(101);
  });

  it('the stream is limited like every route: unknown tokens from a blocked address are not looked up', async () => {
    // The address is blocked by the test above: 200 random upgrades are refused with 429.
    const statuses = await Promise.all(Array.from({ length: 200 }, () => upgrade(randomUUID())));
    expect(new Set(statuses)).toEqual(new Set([429]));
  });
});

describe('an invite nobody can block for others', () => {
  it('20 joins with a taken email, then a newcomer from another address joins', async () => {
    const storage = await storageFor('sqlite');
    const server = await runServer({ host: '127.0.0.1', port: 0, storage, trustProxy: true });
    try {
      const team = await createOrganisation(server.context.storage.db, {
        name: 'A',
        adminName: 'Ana',
        adminEmail: 'a@a.test',
      });
      const invite = await createInvite(server.context.storage.db, team.team.id, { uses: 100 });
      const from = (ip: string) => (body: unknown) =>
        client(server.url)('POST', '/v1/join', body, { 'x-forwarded-for': ip });
      const taken: number[] = [];
      for (let i = 0; i < 22; i++)
        taken.push((await from('10.1.0.1')({ code: invite.code, name: 'X', email: 'a@a.test' })).status);
      expect(taken.slice(0, 20).every((s) => s === 409)).toBe(true);
      expect(taken.slice(20)).toEqual([429, 429]); // that address is slowed down…
      // …the invite is not: a newcomer elsewhere joins at once.
      expect((await from('10.1.0.2')({ code: invite.code, name: 'New', email: 'new@a.test' })).status).toBe(
        201,
      );
    } finally {
      await server.close();
    }
  });
});

describe('the stream sees the client behind a trusted proxy as every route does', () => {
  it('random upgrades through the proxy are limited per forwarded address, not per proxy', async () => {
    const storage = await storageFor('sqlite');
    const server = await runServer({ host: '127.0.0.1', port: 0, storage, trustProxy: true });
    try {
      const upgrade = (token: string, forwardedFor: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/stream`, {
            headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor },
          });
          ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.once('error', () => {});
        });
      const flood = [];
      for (let i = 0; i < 35; i++) flood.push(await upgrade(randomUUID(), '10.9.0.1'));
      expect(flood.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(flood.slice(30).every((s) => s === 429)).toBe(true);
      // Another client behind the same proxy is not the flooder: its bad token is a 401, not a 429.
      expect(await upgrade(randomUUID(), '10.9.0.2')).toBe(401);
    } finally {
      await server.close();
    }
  });
});
