import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { openStorage } from '../../../server/db/connect';
import { createOrganisation } from '../../../server/store/members';
import { spawnServer } from '../../support/server-process';
import { client, storageFor } from '../../support/team-server';
import { waitFor } from '../../support/wait-for';

const bin = join(import.meta.dirname, '../../../bin/ricochet.mjs');
const cores: DesktopCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function setup() {
  const config = await storageFor('sqlite');
  const storage = await openStorage(config);
  const team = await createOrganisation(storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'ana@acme.test',
  });
  await storage.close();
  const server = await spawnServer(config);
  const profile = async (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `ricochet-profile-${name}-`));
    const core = new DesktopCore(dir);
    cores.push(core);
    await core.commands.join({
      server: server.url,
      invite: team.invite,
      name,
      email: `${name.toLowerCase()}@acme.test`,
    });
    return core;
  };
  return { config, team, server, profile, admin: () => client(server.url, team.token) };
}

/** Every post the server holds, oldest first. */
async function serverPosts(api: ReturnType<typeof client>) {
  const texts: string[] = [];
  let before = '';
  for (;;) {
    const page = await api('GET', `/v1/posts?limit=200${before ? `&before=${before}` : ''}`);
    texts.push(...page.body.posts.map((p: { text: string }) => p.text));
    if (page.body.posts.length < 200) return texts.reverse();
    before = page.body.posts.at(-1).createdAt;
  }
}

describe('offline-first sync against a real team server', () => {
  it('posts queued while the server is down arrive exactly once, in order, once it is back', async () => {
    const { server, profile, admin, config } = await setup();
    const bob = await profile('Bob');
    await server.kill('SIGTERM');
    for (let i = 0; i < 50; i++) expect((await bob.commands.post(`offline ${i}`)).delivered).toBe('queued');
    expect(bob.reads.pending().queued).toHaveLength(50);
    const back = await spawnServer(config, server.port);
    const result = await bob.commands.sync();
    expect(result).toMatchObject({ sent: 50, remaining: 0 });
    expect(await serverPosts(admin())).toEqual(Array.from({ length: 50 }, (_, i) => `offline ${i}`));
    await back.kill('SIGTERM');
  });

  it('posts typed in quick succession all go out at once, none left waiting for a wake-up', async () => {
    const { server, profile, admin } = await setup();
    const bob = await profile('Bob');
    // Each post starts sending before the previous one is acknowledged.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => bob.commands.post(`step ${i + 1}`)),
    );
    expect(results.map((r) => r.delivered)).not.toContain('queued');
    expect(bob.reads.pending().queued).toEqual([]);
    expect((await serverPosts(admin())).filter((t) => t.startsWith('step '))).toEqual([
      'step 1',
      'step 2',
      'step 3',
      'step 4',
      'step 5',
      'step 6',
    ]);
    await server.kill('SIGTERM');
  });

  it('a client killed with SIGKILL while flushing loses nothing and duplicates nothing', async () => {
    const { server, profile, admin, config } = await setup();
    const bob = await profile('Bob');
    await server.kill('SIGTERM');
    for (let i = 0; i < 100; i++) await bob.commands.post(`post ${i}`);
    const back = await spawnServer(config, server.port);
    const dir = bob.dir;
    bob.close();
    cores.splice(cores.indexOf(bob), 1);
    // `ricochet sync` in its own process, killed once the server has some of the posts.
    const child = spawn(process.execPath, [bin, 'sync', '--profile', dir], { stdio: 'ignore' });
    await waitFor(async () => (await admin()('GET', '/v1/posts?limit=200')).body.posts.length >= 10, 20_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const again = new DesktopCore(dir);
    cores.push(again);
    const leftAfterKill = again.reads.pending().queued.length;
    await again.commands.sync();
    expect(again.reads.pending().queued).toEqual([]);
    expect(await serverPosts(admin())).toEqual(Array.from({ length: 100 }, (_, i) => `post ${i}`));
    expect(leftAfterKill).toBeGreaterThan(0); // it really was killed part-way
    expect(leftAfterKill).toBeLessThan(100);
    await back.kill('SIGTERM');
  });

  it('notices a server restart under its live stream, catches up, and matches the server board', async () => {
    const { server, profile, admin, config } = await setup();
    const bob = await profile('Bob');
    const cleo = await profile('Cleo');
    bob.commands.startLive();
    await waitFor(() => bob.reads.freshness().online);
    await server.kill('SIGTERM');
    await waitFor(() => !bob.reads.freshness().online);
    const back = await spawnServer(config, server.port);
    await cleo.commands.post('/dnd 1h Incident');
    await cleo.commands.post('back on #infra');
    await waitFor(
      () => bob.reads.board().find((m) => m.name === 'Cleo')?.latestPost?.text === 'back on #infra',
      15_000,
    );
    expect(bob.reads.freshness().online).toBe(true);
    const serverBoard = (await admin()('GET', '/v1/board')).body.members;
    const mine = bob.reads.board();
    expect(mine.map((m) => [m.id, m.status?.state ?? null, m.latestPost?.id ?? null])).toEqual(
      serverBoard.map(
        (m: { id: string; status: { state: string } | null; latestPost: { id: string } | null }) => [
          m.id,
          m.status?.state ?? null,
          m.latestPost?.id ?? null,
        ],
      ),
    );
    await back.kill('SIGTERM');
  });

  it("a status set by one client reaches another client's board over the live stream", async () => {
    const { server, profile } = await setup();
    const bob = await profile('Bob');
    const cleo = await profile('Cleo');
    cleo.commands.startLive();
    await waitFor(() => cleo.reads.freshness().online);
    await bob.commands.post('/focus 1h Writing the Q3 plan');
    await waitFor(() => cleo.reads.board().find((m) => m.name === 'Bob')?.status?.state === 'focus');
    const seen = cleo.reads.board().find((m) => m.name === 'Bob')!;
    expect(seen.label).toMatch(/^Focusing until /);
    expect(seen.status).toMatchObject({ state: 'focus', text: 'Writing the Q3 plan' });
    await server.kill('SIGTERM');
  });
});
