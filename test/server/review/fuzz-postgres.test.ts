// The live review's fuzz run: 20,000 random requests on a real PostgreSQL give no 5xx (it found
// 50: NUL bytes in path ids and deadlocks). Random bodies, paths, ids and queries, 8 at a time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

const TOTAL = 20_000;
const idArb = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a\u0000b', '%00', '..', 'é', '\u202e', ' '),
);
const requestArb = fc.record({
  route: fc.constantFrom(
    ['POST', '/v1/posts'],
    ['PATCH', '/v1/posts/:id'],
    ['DELETE', '/v1/posts/:id'],
    ['PUT', '/v1/me/status'],
    ['DELETE', '/v1/me/status'],
    ['PATCH', '/v1/me'],
    ['PUT', '/v1/me/availability'],
    ['POST', '/v1/asks'],
    ['PATCH', '/v1/asks/:id'],
    ['GET', '/v1/members/:id'],
    ['GET', '/v1/sync?since=:id&limit=:id'],
    ['GET', '/v1/posts?before=:id'],
    ['POST', '/v1/invites'],
    ['POST', '/v1/join'],
  ),
  id: idArb,
  body: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ id: idArb, text: fc.string({ unit: 'binary', maxLength: 40 }), to: idArb }),
    fc.record({ state: fc.constantFrom('focus', 'dnd', 'away', 'x'), until: fc.string() }),
  ),
});

// Where PostgreSQL is installed (CI=true fails without it: test/support/requirements.ts).
describe.each(backends.filter((b) => b === 'postgres'))('fuzzing the API on PostgreSQL (%s)', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer('postgres', { rateLimit: { capacity: 1_000_000, perSecond: 1_000_000 } });
  });
  afterAll(() => t?.server.close());

  it(`${TOTAL} random requests: never a 5xx, always an error with a reason`, async () => {
    const samples = fc.sample(requestArb, { numRuns: TOTAL, seed: 18_019 });
    const failures: string[] = [];
    let answered = 0;
    for (let i = 0; i < samples.length; i += 8)
      await Promise.all(
        samples.slice(i, i + 8).map(async ({ route: [method, path], id, body }) => {
          const url = path.replaceAll(':id', encodeURIComponent(id));
          const res = await (i % 16 === 0 ? t.admin.api : t.bob.api)(
            method,
            url,
            method === 'GET' || method === 'DELETE' ? undefined : body,
          );
          answered++;
          if (res.status >= 500)
            failures.push(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
          else if (res.status >= 400)
            expect(res.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        }),
      );
    expect(answered).toBe(TOTAL);
    expect(failures.slice(0, 10)).toEqual([]);
    expect((await t.admin.api('GET', '/healthz')).status).toBe(200);
  }, 300_000);
});
