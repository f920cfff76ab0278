import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/db/connect';
import { createOrganisation } from '../../../server/store/members';
import { ics } from '../../support/ics';
import { cli } from '../../support/run-cli';
import { spawnServer } from '../../support/server-process';
import { client, storageFor } from '../../support/team-server';

describe('the desktop CLI against a running server', () => {
  let server: Awaited<ReturnType<typeof spawnServer>>;
  let team: Awaited<ReturnType<typeof createOrganisation>>;
  let config: Awaited<ReturnType<typeof storageFor>>;
  const profile = mkdtempSync(join(tmpdir(), 'ricochet-cli-'));
  const p = ['--profile', profile];

  beforeAll(async () => {
    config = await storageFor('sqlite');
    const storage = await openStorage(config);
    team = await createOrganisation(storage.db, {
      name: 'Acme',
      adminName: 'Ana',
      adminEmail: 'ana@acme.test',
    });
    await storage.close();
    server = await spawnServer(config);
  });
  afterAll(() => server?.kill('SIGTERM'));

  it('login, post, status and board', async () => {
    expect(
      (
        await cli(
          'login',
          '--server',
          server.url,
          '--invite',
          team.invite,
          '--name',
          'Bob',
          '--email',
          'bob@acme.test',
          ...p,
        )
      ).stdout,
    ).toBe('Joined Acme as Bob.\n');
    expect((await cli('post', 'Reviewing #billing', ...p)).stdout).toBe('posted\n');
    expect((await cli('post', '/dnd 1h Incident review', ...p)).stdout).toBe('posted\n');
    // An hour from now: a time today, or with its weekday when that is past midnight.
    expect((await cli('status', ...p)).stdout).toMatch(
      /^Do not disturb until (\w{3} )?\d\d:\d\d — ⛔ Incident review\n$/,
    );
    const board = JSON.parse((await cli('board', '--json', ...p)).stdout);
    expect(board.online).toBe(true);
    expect(board.members.map((m: { name: string }) => m.name)).toEqual(['Ana', 'Bob']);
    // My zone and working hours went to the server with the login, for teammates' "off, back at".
    const onServer = (await client(server.url, team.token)('GET', '/v1/board')).body.members.find(
      (m: { name: string }) => m.name === 'Bob',
    );
    expect(onServer.profile).toMatchObject({
      timezone: expect.any(String),
      workingHours: expect.arrayContaining([[{ start: 540, end: 1080 }]]),
    });
    expect(board.members[1]).toMatchObject({
      latestPost: { text: 'Reviewing #billing' },
      topics: ['billing'],
      computed: { state: 'dnd' },
    });
  });

  it('a mistyped command is exit 2 with a suggestion, and nothing is sent', async () => {
    const res = await cli('post', '/fcous 1h', ...p);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('did you mean /focus?');
  });

  it('adding a calendar publishes it at once; publish sends again only when it changed', async () => {
    const file = join(profile, 'work.ics');
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 13);
    writeFileSync(file, ics([`DTSTART:${soon}0000Z`, `DTEND:${soon}3000Z`, 'SUMMARY:Secret project']));
    expect((await cli('calendars', 'add', file, ...p)).code).toBe(0);
    const mine = JSON.parse((await cli('availability', '--json', ...p)).stdout);
    expect(mine.busy).toHaveLength(1); // no --ics: the profile's calendars
    expect((await cli('publish', ...p)).stdout).toBe('not published (unchanged)\n');
    writeFileSync(file, ics([`DTSTART:${soon}0000Z`, `DTEND:${soon}4500Z`, 'SUMMARY:Secret project']));
    expect((await cli('publish', ...p)).stdout).toBe('published\n');
    const board = await client(server.url, team.token)('GET', '/v1/board');
    const bob = board.body.members.find((m: { name: string }) => m.name === 'Bob');
    expect(bob.availability.busy).toHaveLength(1);
    expect(JSON.stringify(bob)).not.toContain('Secret project'); // titles never leave by default
  });

  it('with the server down, a post is queued and goes out on the next sync', async () => {
    await server.kill('SIGTERM');
    expect((await cli('post', 'written offline', ...p)).stdout).toBe('queued (offline)\n');
    expect((await cli('board', ...p)).stdout).toMatch(/^as of \d\d:\d\d · offline\n/);
    server = await spawnServer(config, server.port);
    expect((await cli('sync', ...p)).stdout).toMatch(/^sent 1, received \d+ changes, 0 still queued\n$/);
    const posts = await client(server.url, team.token)('GET', '/v1/posts');
    expect(posts.body.posts.filter((x: { text: string }) => x.text === 'written offline')).toHaveLength(1);
  });

  it('removed from the team: told so in words, not "offline"', async () => {
    const admin = client(server.url, team.token);
    const bob = (await admin('GET', '/v1/board')).body.members.find(
      (m: { name: string }) => m.name === 'Bob',
    );
    expect((await admin('DELETE', `/v1/members/${bob.id}`)).status).toBeLessThan(300);
    const words = await cli('board', ...p);
    const [freshness] = words.stdout.split('\n');
    expect(freshness).toContain('you are no longer in this team');
    expect(freshness).not.toContain('offline');
    expect(JSON.parse((await cli('board', '--json', ...p)).stdout)).toMatchObject({
      online: false,
      removed: true,
    });
  });
});
