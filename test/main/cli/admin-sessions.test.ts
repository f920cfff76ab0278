// An admin sees a member's sessions (each signed-in device, its name and last use) and signs one
// out: that device's open stream closes at once, the member's other devices go on.
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli';
import { openStream } from '../../support/stream-client';
import { client, teamServer } from '../../support/team-server';

describe('ricochet admin sessions', () => {
  it('lists a member’s devices and revokes one; its stream closes within 2 s', async () => {
    const t = await teamServer('sqlite');
    try {
      const data = ['--data', t.storage.kind === 'sqlite' ? t.storage.dataDir : ''];
      const org = ['--org', t.team.team.id];
      const { code } = (await t.bob.api('POST', '/v1/me/devices/code')).body;
      const desk = (await client(t.url)('POST', '/v1/devices', { code, device: 'Bob’s desk' })).body.token;
      await t.bob.api('GET', '/v1/me'); // last used: now
      await client(t.url, desk)('GET', '/v1/me');

      const listed = await cli('admin', 'sessions', ...org, '--member', 'bob@acme.test', ...data);
      expect(listed.stdout).toMatch(/^Bob: 2 signed-in device\(s\)\n/);
      expect(listed.stdout).toMatch(/\(unnamed device\) +since .*, last used \d{4}-\d\d-\d\d \d\d:\d\dZ\n/);
      expect(listed.stdout).toMatch(/Bob’s desk +since .*, last used \d{4}/);
      const sessions = JSON.parse(
        (await cli('admin', 'sessions', ...org, '--member', 'Bob', '--json', ...data)).stdout,
      ).sessions as { id: string; name: string | null }[];

      const stream = await openStream(t.url, desk);
      await stream.until(() => stream.messages.some((m) => m.type === 'ready'));
      const closed = new Promise<number>((resolve) => stream.ws.once('close', (c) => resolve(c)));
      const deskId = sessions.find((s) => s.name === 'Bob’s desk')!.id;
      const startedAt = Date.now();
      const revoked = await cli('admin', 'sessions', ...org, '--member', 'Bob', '--revoke', deskId, ...data);
      expect(revoked.stdout).toMatch(/^Signed out .*\nBob: 1 signed-in device\(s\)/);
      expect(await closed).toBe(4401);
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect((await client(t.url, desk)('GET', '/v1/me')).status).toBe(401);
      expect((await t.bob.api('GET', '/v1/me')).status).toBe(200);
      const unknown = await cli('admin', 'sessions', ...org, '--member', 'Bob', '--revoke', deskId, ...data);
      expect(unknown.stderr).toMatch(/device not found/);
    } finally {
      await t.server.close();
    }
  });
});
