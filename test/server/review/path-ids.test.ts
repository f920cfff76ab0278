// Finding 7 of the live review: a NUL byte in a path id was a 500 on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

describe.each(backends)('ids in paths on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer(backend);
  });
  afterAll(() => t?.server.close());

  it.each([
    ['PATCH', '/v1/posts/a%00b', { text: 'x' }],
    ['DELETE', '/v1/posts/a%00b', undefined],
    ['PATCH', '/v1/asks/a%00b', { action: 'seen' }],
    ['GET', '/v1/members/a%00b', undefined],
    ['DELETE', '/v1/members/%00', undefined],
  ])('%s %s is a 400 that says what an id is, never a 500', async (method, path, body) => {
    const res = await t.admin.api(method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/id: an id is made of letters, digits/);
  });

  it('an ask to an id with a NUL is refused the same way', async () => {
    const res = await t.bob.api('POST', '/v1/asks', {
      id: '0192f7a4-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
      to: 'a\u0000b',
      text: 'hello',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^to: an id is made of/);
  });
});
