// Finding 12 of the live review: reusing another team's post or ask id answered 409 id_taken,
// revealing that it exists. Ids are per team now (SQLite and PostgreSQL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../server/store/members';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

describe.each(backends)('post and ask ids belong to a team on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  let other: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await teamServer(backend);
    const second = await createOrganisation(t.server.context.storage.db, {
      name: 'Other',
      adminName: 'Zoe',
      adminEmail: 'z@o.test',
    });
    other = client(t.url, second.token);
  });
  afterAll(() => t?.server.close());

  it("another team's post id is a new post here, and theirs is untouched", async () => {
    const id = randomUUID();
    expect((await t.bob.api('POST', '/v1/posts', { id, text: 'ours' })).status).toBe(201);
    const theirs = await other('POST', '/v1/posts', { id, text: 'theirs' });
    expect(theirs).toMatchObject({ status: 201, body: { id, text: 'theirs' } });
    // Edited and deleted in their team only.
    expect((await other('PATCH', `/v1/posts/${id}`, { text: 'theirs, edited' })).status).toBe(200);
    expect((await other('DELETE', `/v1/posts/${id}`)).status).toBe(204);
    const ours = (await t.bob.api('GET', '/v1/posts')).body.posts.find((p: { id: string }) => p.id === id);
    expect(ours).toMatchObject({ text: 'ours' });
  });

  it("another team's ask id is a new ask here", async () => {
    const id = randomUUID();
    expect((await t.admin.api('POST', '/v1/asks', { id, to: t.bob.id, text: 'ours?' })).status).toBe(201);
    const zoeTeam = await other('GET', '/v1/me');
    const zoe2 = await client(t.url)('POST', '/v1/join', {
      code: (await other('POST', '/v1/invites', {})).body.code,
      name: 'Yan',
      email: 'y@o.test',
    });
    const res = await other('POST', '/v1/asks', { id, to: zoe2.body.member.id, text: 'theirs?' });
    expect(res.status).toBe(201);
    expect(zoeTeam.body.team.name).toBe('Other');
  });
});
