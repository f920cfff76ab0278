// Nothing one member sends can flood another: mentions and asks to one person are limited per
// minute (a 429 that says who and how long), and streams waiting for their token are counted
// per address.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runServer } from '../../../server/run-server';
import { createInvite, createOrganisation, join } from '../../../server/store/members';
import { PER_RECIPIENT_MAX } from '../../../server/http/recipient-limit';
import { PENDING_PER_ADDRESS } from '../../../server/http/token-gate';
import { client, storageFor } from '../../support/team-server';

let server: Awaited<ReturnType<typeof runServer>>;
let ana: ReturnType<typeof client>;
let bo: { id: string; token: string; api: ReturnType<typeof client> };
let cy: { id: string };

beforeAll(async () => {
  server = await runServer({
    host: '127.0.0.1',
    port: 0,
    storage: await storageFor('sqlite'),
    rateLimit: { capacity: 10_000, perSecond: 10_000 },
  });
  const db = server.context.storage.db;
  const org = await createOrganisation(db, { name: 'Acme', adminName: 'Ana', adminEmail: 'ana@a.test' });
  const { code } = await createInvite(db, org.team.id, { uses: 5 });
  const b = await join(db, { code, name: 'Bo Martin', email: 'bo@a.test' });
  const c = await join(db, { code, name: 'Cy', email: 'cy@a.test' });
  ana = client(server.url, org.token);
  bo = { id: b.member.id, token: b.token, api: client(server.url, b.token) };
  cy = { id: c.member.id };
});
afterAll(() => server?.close());

describe('one person cannot flood another', () => {
  it(`past ${PER_RECIPIENT_MAX} mentions and asks a minute to one person, a 429 names them; others are still reached`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_RECIPIENT_MAX - 1; i++)
      statuses.push(
        (await ana('POST', '/v1/posts', { id: randomUUID(), text: `@bo ${i}`, mentions: [bo.id] })).status,
      );
    statuses.push(
      (await ana('POST', '/v1/asks', { id: randomUUID(), to: bo.id, text: 'one more thing?' })).status,
    );
    expect(statuses).toEqual(Array(PER_RECIPIENT_MAX).fill(201));
    const refused = await ana('POST', '/v1/posts', {
      id: randomUUID(),
      text: '@bo again',
      mentions: [bo.id],
    });
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(
      /you reached Bo Martin 10 times in the last minute .* try again in \d+ s/,
    );
    const ask = await ana('POST', '/v1/asks', { id: randomUUID(), to: bo.id, text: 'and this?' });
    expect(ask.status).toBe(429);
    // Nothing of the refused post was stored, and Cy is still reached.
    const posts = (await bo.api('GET', '/v1/posts?limit=100')).body.posts as { text: string }[];
    expect(posts.map((p) => p.text)).not.toContain('@bo again');
    expect(
      (await ana('POST', '/v1/posts', { id: randomUUID(), text: '@cy hi', mentions: [cy.id] })).status,
    ).toBe(201);
    // Bo may still name Ana: the limit is one way, per pair.
    expect(
      (await bo.api('POST', '/v1/posts', { id: randomUUID(), text: '@ana ok', mentions: [] })).status,
    ).toBe(201);
  });

  it(`an address holds at most ${PENDING_PER_ADDRESS} streams waiting for their token`, async () => {
    const held: WebSocket[] = [];
    const open = () =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/stream`);
        ws.once('open', () => (held.push(ws), resolve(101)));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', () => {});
      });
    const answers: number[] = [];
    for (let i = 0; i < PENDING_PER_ADDRESS + 3; i++) answers.push(await open());
    expect(answers.filter((a) => a === 101)).toHaveLength(PENDING_PER_ADDRESS);
    expect(answers.slice(PENDING_PER_ADDRESS)).toEqual([429, 429, 429]);
    // One of them authenticates: its place frees, and a new one may wait.
    const first = held[0]!;
    const ready = new Promise<string>((resolve) => first.once('message', (data) => resolve(String(data))));
    first.send(JSON.stringify({ type: 'auth', token: bo.token }));
    expect(JSON.parse(await ready).type).toBe('ready');
    expect(await open()).toBe(101);
    for (const ws of held) ws.close();
  });
});
