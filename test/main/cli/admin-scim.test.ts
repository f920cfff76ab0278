// An admin turns directory sync on: the secret printed is the one Entra ID or Okta sends, and a
// new one replaces it at once.
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli';
import { client, teamServer } from '../../support/team-server';

describe('ricochet admin scim', () => {
  it('prints a directory secret that opens /scim/v2; a new one closes the old', async () => {
    const t = await teamServer('sqlite');
    try {
      const data = ['--data', t.storage.kind === 'sqlite' ? t.storage.dataDir : ''];
      const first = await cli('admin', 'scim', '--org', t.team.team.id, ...data);
      expect(first.stdout).toMatch(
        /^Directory secret \(shown once; the previous one no longer works\): \S+\nIn Entra ID or Okta: Tenant URL <this server's address>\/scim\/v2/,
      );
      const secret = /: (\S+)\n/.exec(first.stdout)![1]!;
      const users = await client(t.url, secret)('GET', '/scim/v2/Users');
      expect(users.status).toBe(200);
      expect(users.body.totalResults).toBe(2); // Ana and Bob
      const second = JSON.parse(
        (await cli('admin', 'scim', '--org', t.team.team.id, '--json', ...data)).stdout,
      );
      expect((await client(t.url, secret)('GET', '/scim/v2/Users')).status).toBe(401);
      expect((await client(t.url, second.secret)('GET', '/scim/v2/Users')).status).toBe(200);
    } finally {
      await t.server.close();
    }
  });
});
