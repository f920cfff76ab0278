// Directory sync as Entra ID and Okta do it (their documented request shapes, written here with
// our own values): people provisioned and matched by userName, teams that follow groups, and a
// deactivation that closes the person's live stream within 2 s, on SQLite and on two PostgreSQL
// instances.
import { afterAll, describe, expect, it } from 'vitest';
import { setDirectorySecret } from '../../../server/store/directory';
import { issueToken } from '../../../server/store/tokens';
import { runServer } from '../../../server/run-server';
import { openStream } from '../../support/stream-client';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** A SCIM client with the directory secret, sending application/scim+json as directories do. */
function directory(url: string, secret: string) {
  const call = client(url, secret);
  return (method: string, path: string, body?: unknown) =>
    call(method, `/scim/v2${path}`, body === undefined ? undefined : JSON.stringify(body), {
      'content-type': 'application/scim+json',
    });
}

describe.each(backends)('SCIM directory sync (%s)', (backend) => {
  it('Entra ID: matched by userName, created, renamed, put in a team, disabled: their stream closes', async () => {
    const t = await teamServer(backend);
    // A second instance of the same server (PostgreSQL): the directory may reach either.
    const other =
      backend === 'postgres'
        ? await runServer({ host: '127.0.0.1', port: 0, storage: t.storage })
        : undefined;
    try {
      const db = t.server.context.storage.db;
      const scim = directory(t.url, await setDirectorySecret(db, t.team.team.id));
      expect((await directory(t.url, 'not-the-secret')('GET', '/Users')).status).toBe(401);

      const query = await scim(
        'GET',
        `/Users?filter=${encodeURIComponent('userName eq "chloe.martin@acme.example"')}`,
      );
      expect(query.body).toMatchObject({ totalResults: 0, Resources: [] });
      const created = await scim('POST', '/Users', {
        schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
        externalId: '5d3c0e41-7a1f-4c55-9a0e-2f6b1c9d8e70',
        userName: 'chloe.martin@acme.example',
        active: true,
        emails: [{ primary: true, type: 'work', value: 'chloe.martin@acme.example' }],
        meta: { resourceType: 'User' },
        name: { formatted: 'Chloé Martin', familyName: 'Martin', givenName: 'Chloé' },
        roles: [],
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('content-type')).toMatch(/^application\/scim\+json/);
      expect(created.body).toMatchObject({
        userName: 'chloe.martin@acme.example',
        displayName: 'Chloé Martin',
        active: true,
      });
      const id = created.body.id as string;
      // Teammates see the person the directory made.
      const board = (await t.admin.api('GET', '/v1/board')).body.members as { id: string; name: string }[];
      expect(board.find((m) => m.id === id)?.name).toBe('Chloé Martin');
      const again = await scim('POST', '/Users', {
        schemas: [USER],
        userName: 'Chloe.Martin@acme.example',
        active: true,
      });
      expect(again).toMatchObject({ status: 409, body: { scimType: 'uniqueness', status: '409' } });

      const renamed = await scim('PATCH', `/Users/${id}`, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: 'name.familyName', value: 'Martin-Roux' }],
      });
      expect(renamed.body.displayName).toBe('Chloé Martin-Roux');

      const group = await scim('POST', '/Groups', {
        schemas: [GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: 'c1f4a2e8-3b6d-4e7f-8a9b-0c1d2e3f4a5b',
        displayName: 'Billing',
        meta: { resourceType: 'Group' },
      });
      expect(group.status).toBe(201);
      const added = await scim('PATCH', `/Groups/${group.body.id}`, {
        schemas: [PATCH],
        Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: id }] }],
      });
      expect(added.body.members).toEqual([{ value: id, display: 'Chloé Martin-Roux' }]);

      // Chloé signs in (a token, as single sign-on gives one) and keeps the board open elsewhere.
      const token = await issueToken(db, id, 'Chloé’s laptop');
      const stream = await openStream(other?.url ?? t.url, token);
      await stream.until(() => stream.messages.some((m) => m.type === 'ready'));
      const closed = new Promise<number>((resolve) => stream.ws.once('close', (code) => resolve(code)));
      const at = Date.now();
      const disabled = await scim('PATCH', `/Users/${id}`, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      });
      expect(disabled.body.active).toBe(false);
      expect(await closed).toBe(4401);
      expect(Date.now() - at).toBeLessThan(2_000);
      expect((await client(t.url, token)('GET', '/v1/me')).status).toBe(401);
      expect((await scim('GET', `/Users/${id}`)).body.active).toBe(false);
      const back = await scim('PATCH', `/Users/${id}`, {
        schemas: [PATCH],
        Operations: [{ op: 'Replace', path: 'active', value: true }],
      });
      expect(back).toMatchObject({ status: 400, body: { scimType: 'mutability' } });
      expect((await scim('GET', `/Groups/${group.body.id}`)).body.members).toEqual([]);
    } finally {
      await other?.close();
      await t.server.close();
    }
  });

  it('Okta: value objects without a path, a member removed by filter, a group renamed and deleted', async () => {
    const t = await teamServer(backend);
    try {
      const db = t.server.context.storage.db;
      const scim = directory(t.url, await setDirectorySecret(db, t.team.team.id));
      const user = await scim('POST', '/Users', {
        schemas: [USER],
        userName: 'kenji.tanaka@acme.example',
        name: { givenName: 'Kenji', familyName: 'Tanaka' },
        emails: [{ primary: true, value: 'kenji.tanaka@acme.example', type: 'work' }],
        displayName: 'Kenji Tanaka',
        locale: 'ja-JP',
        externalId: '00u1a2b3c4d5e6f7g8h9',
        groups: [],
        password: 'never-kept-1',
        active: true,
      });
      expect(user.status).toBe(201);
      const id = user.body.id as string;
      const group = await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Support', members: [] });
      const gid = group.body.id as string;
      await scim('PATCH', `/Groups/${gid}`, {
        schemas: [PATCH],
        Operations: [
          {
            op: 'add',
            path: 'members',
            value: [
              { value: id, display: 'kenji.tanaka@acme.example' },
              { value: t.bob.id, display: 'bob@acme.test' },
            ],
          },
        ],
      });
      const renamed = await scim('PATCH', `/Groups/${gid}`, {
        schemas: [PATCH],
        Operations: [{ op: 'replace', value: { id: gid, displayName: 'Support EMEA' } }],
      });
      expect(renamed.body.displayName).toBe('Support EMEA');
      expect(renamed.body.members).toHaveLength(2);
      const removed = await scim('PATCH', `/Groups/${gid}`, {
        schemas: [PATCH],
        Operations: [{ op: 'remove', path: `members[value eq "${t.bob.id}"]` }],
      });
      expect(removed.body.members).toEqual([{ value: id, display: 'Kenji Tanaka' }]);
      const listed = await scim(
        'GET',
        `/Groups?filter=${encodeURIComponent('displayName eq "Support EMEA"')}`,
      );
      expect(listed.body.Resources.map((g: { id: string }) => g.id)).toEqual([gid]);
      const bad = await scim('GET', `/Users?filter=${encodeURIComponent('name.familyName co "Tan"')}`);
      expect(bad).toMatchObject({ status: 400, body: { scimType: 'invalidFilter' } });

      const off = await scim('PATCH', `/Users/${id}`, {
        schemas: [PATCH],
        Operations: [{ op: 'replace', value: { active: false } }],
      });
      expect(off.body.active).toBe(false);
      const board = (await t.admin.api('GET', '/v1/board')).body.members as { id: string }[];
      expect(board.some((m) => m.id === id)).toBe(false);
      expect((await scim('DELETE', `/Groups/${gid}`)).status).toBe(204);
      expect((await scim('GET', `/Groups/${gid}`)).status).toBe(404);
      expect((await scim('GET', '/Groups')).body.totalResults).toBe(0);
    } finally {
      await t.server.close();
    }
  });
});
