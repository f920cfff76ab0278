// Random requests never make the team server fail (no 5xx, no crash), and a refused one
// changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamServer } from '../../support/team-server';

let t: Awaited<ReturnType<typeof teamServer>>;
beforeAll(async () => {
  t = await teamServer('sqlite', { rateLimit: { capacity: 100_000, perSecond: 10_000 } });
});
afterAll(() => t?.server.close());

const json = fc.jsonValue({ maxDepth: 3 });
const routes = [
  ['POST', '/v1/posts'],
  ['PATCH', '/v1/posts/x'],
  ['PUT', '/v1/me/status'],
  ['PATCH', '/v1/me'],
  ['PUT', '/v1/me/availability'],
  ['POST', '/v1/asks'],
  ['PATCH', '/v1/asks/x'],
  ['POST', '/v1/invites'],
  ['POST', '/v1/join'],
] as const;

describe('fuzzing the API', () => {
  it('random bodies, queries and paths: never a 5xx; what is refused changes nothing', async () => {
    const before = await t.bob.api('GET', '/v1/board');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), json, async ([method, path], body) => {
        const res = await t.bob.api(method, path, body);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400)
          expect(res.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), async (since, limit) => {
        const res = await t.bob.api(
          'GET',
          `/v1/sync?since=${encodeURIComponent(since)}&limit=${encodeURIComponent(limit)}`,
        );
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (raw) => {
        const res = await fetch(`${t.url}/v1/posts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.bob.token}`, 'content-type': 'application/json' },
          body: raw,
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    const after = await t.bob.api('GET', '/v1/board');
    expect(after.body.members.map((m: { id: string }) => m.id)).toEqual(
      before.body.members.map((m: { id: string }) => m.id),
    );
  });
});
