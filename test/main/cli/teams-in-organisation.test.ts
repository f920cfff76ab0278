// A company on one server: an organisation with teams, a person in two of them, through the
// admin commands and the desktop CLI. Everyone joins at working hours of their own zone, so
// asks to the free are delivered at once whatever the hour.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, loginWithInvite } from '../../support/run-cli';
import { client, teamServer } from '../../support/team-server';

type BoardJson = {
  teams: { name: string; size: number }[];
  team: { name: string } | null;
  members: { id: string; name: string; computed: { state: string } }[];
};

describe('an organisation with teams, a person in two of them', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  const profile = mkdtempSync(join(tmpdir(), 'ricochet-teams-'));
  const p = ['--profile', profile];
  let data: string[];
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  async function admin(...args: string[]) {
    const out = await cli('admin', ...args, ...data, '--json');
    expect(out.code, out.stderr).toBe(0);
    return JSON.parse(out.stdout);
  }
  async function board(...args: string[]): Promise<BoardJson> {
    const out = await cli('board', '--json', ...args, ...p);
    expect(out.code, out.stderr).toBe(0);
    return JSON.parse(out.stdout);
  }
  /** Someone who joins through an invite into `team`. */
  async function joiner(name: string, team: string) {
    const { code } = await admin('invite', '--org', t.team.team.id, '--into', team);
    const joined = await client(t.url)('POST', '/v1/join', { code, name, email: `${name}@acme.test` });
    expect(joined.status).toBe(201);
    ids[name] = joined.body.member.id;
    tokens[name] = joined.body.token;
  }

  beforeAll(async () => {
    t = await teamServer('sqlite');
    data = ['--data', t.storage.kind === 'sqlite' ? t.storage.dataDir : ''];
    for (const name of ['Squad', 'Chapter', 'Project'])
      await admin('team-create', '--org', t.team.team.id, '--name', name);
    await joiner('Dan', 'Squad');
    await joiner('Eve', 'Chapter');
    await joiner('Zoe', 'Project');
    // Me: joined through the squad's invite, then added to the chapter by the admin.
    const { code } = await admin('invite', '--org', t.team.team.id, '--into', 'squad');
    const login = await loginWithInvite(t.url, code, 'Viewer', profile);
    expect(login.code, login.stderr).toBe(0);
    ids['Viewer'] = (await admin('members', '--org', t.team.team.id)).members.find(
      (m: { name: string }) => m.name === 'Viewer',
    ).id;
    await admin('team-add', '--org', t.team.team.id, '--to', 'Chapter', '--member', ids['Viewer']!);
  });
  afterAll(async () => {
    await t?.server.close();
  });

  it('the board shows both of my teams’ people, me once, and nobody from teams I am not in', async () => {
    const b = await board();
    expect(b.teams.map((x) => `${x.name} (${x.size})`)).toEqual(['Chapter (2)', 'Squad (2)']);
    expect(b.members.map((m) => m.name).sort()).toEqual(['Dan', 'Eve', 'Viewer']);
    expect(b.members.filter((m) => m.name === 'Viewer')).toHaveLength(1);
  });

  it('one team at a time: --team by name', async () => {
    expect((await board('--team', 'squad')).members.map((m) => m.name).sort()).toEqual(['Dan', 'Viewer']);
    expect((await board('--team', 'Chapter')).members.map((m) => m.name).sort()).toEqual(['Eve', 'Viewer']);
    const wrong = await cli('board', '--team', 'Project', ...p);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no team called "Project" \(your teams: Chapter, Squad\)/);
  });

  it('the feed of all my teams, or of one (--team); a team I am not in is refused', async () => {
    const post = (name: string, text: string) =>
      client(t.url, tokens[name])('POST', '/v1/posts', { id: crypto.randomUUID(), text });
    await post('Dan', 'Squad: release train on Thursday');
    await post('Eve', 'Chapter: style guide review');
    await post('Zoe', 'Project: contrast audit');
    const feed = async (...args: string[]) => {
      const out = await cli('feed', '--json', ...args, ...p);
      expect(out.code, out.stderr).toBe(0);
      return (JSON.parse(out.stdout).posts as { author: string; text: string }[]).map(
        (x) => `${x.author}: ${x.text}`,
      );
    };
    expect(await feed()).toEqual([
      'Eve: Chapter: style guide review',
      'Dan: Squad: release train on Thursday',
    ]);
    expect(await feed('--team', 'squad')).toEqual(['Dan: Squad: release train on Thursday']);
    const text = await cli('feed', '--team', 'Chapter', ...p);
    expect(text.stdout).toMatch(/Eve: Chapter: style guide review\n$/);
    const wrong = await cli('feed', '--team', 'Project', ...p);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no team called "Project" \(your teams: Chapter, Squad\)/);
    // --limit: the newest only; --offline: what the cache holds, without asking the server.
    expect(await feed('--limit', '1')).toEqual(['Eve: Chapter: style guide review']);
    expect((await cli('feed', '--limit', '0', ...p)).code).toBe(2);
    await post('Dan', 'Squad: train moved to Friday');
    expect(await feed('--team', 'squad', '--offline')).toEqual(['Dan: Squad: release train on Thursday']);
    expect((await feed('--team', 'squad'))[0]).toBe('Dan: Squad: train moved to Friday');
  });

  it('both teams are live: a change in each reaches my board', async () => {
    await client(t.url, tokens['Dan'])('PUT', '/v1/me/status', { state: 'focus', text: 'deep work' });
    await client(t.url, tokens['Eve'])('PUT', '/v1/me/status', { state: 'dnd' });
    const states = Object.fromEntries((await board()).members.map((m) => [m.name, m.computed.state]));
    expect(states).toMatchObject({ Dan: 'focus', Eve: 'dnd' });
  });

  it('taken out of a team by the admin: its people leave my board at the next sync', async () => {
    await admin('team-remove', '--org', t.team.team.id, '--from', 'Chapter', '--member', ids['Viewer']!);
    const b = await board();
    expect(b.teams.map((x) => x.name)).toEqual(['Squad']);
    expect(b.members.map((m) => m.name).sort()).toEqual(['Dan', 'Viewer']);
    await admin('team-add', '--org', t.team.team.id, '--to', 'Chapter', '--member', ids['Viewer']!);
  });

  it('an ask reaches someone in a team I am not in', async () => {
    const asked = await cli('post', '/ask @Zoe can you review the Q3 plan?', ...p);
    expect(asked.code, asked.stderr).toBe(0);
    const zoes = (await client(t.url, tokens['Zoe'])('GET', '/v1/asks')).body.asks as {
      text: string;
      from: string;
    }[];
    expect(zoes).toEqual([
      expect.objectContaining({ text: 'can you review the Q3 plan?', from: ids['Viewer'] }),
    ]);
  });

  it('a post naming someone in a team I am not in reaches them; my teammates see it too', async () => {
    const posted = await cli('post', '@Zoe the Q3 plan is in the shared folder', ...p);
    expect(posted.code, posted.stderr).toBe(0);
    const feedOf = async (name: string) =>
      ((await client(t.url, tokens[name])('GET', '/v1/posts')).body.posts as { text: string }[]).map(
        (x) => x.text,
      );
    expect(await feedOf('Zoe')).toContain('@Zoe the Q3 plan is in the shared folder');
    expect(await feedOf('Dan')).toContain('@Zoe the Q3 plan is in the shared folder');
  });

  it('a star from another team joins my board, with their status now; unstarred, they leave it', async () => {
    await client(t.url, tokens['Zoe'])('PUT', '/v1/me/status', { state: 'focus', text: 'roadmap' });
    let b = await board();
    expect(b.members.map((m) => m.name)).not.toContain('Zoe');
    const starred = await cli('star', 'zoe', ...p);
    expect(starred.code, starred.stderr).toBe(0);
    expect(starred.stdout).toMatch(/^Zoe starred/);
    b = await board();
    expect(b.members.map((m) => m.name).sort()).toEqual(['Dan', 'Eve', 'Viewer', 'Zoe']);
    expect(b.members.find((m) => m.name === 'Zoe')?.computed.state).toBe('focus');
    // One team at a time shows that team only, stars aside.
    expect((await board('--team', 'Squad')).members.map((m) => m.name)).not.toContain('Zoe');
    expect((await cli('unstar', 'Zoe', ...p)).code).toBe(0);
    expect((await board()).members.map((m) => m.name)).not.toContain('Zoe');
    const nobody = await cli('star', 'Nobody', ...p);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/Nobody/);
  });

  it('an invite into the organisation only: the newcomer sees everyone until placed, and is on no team’s board', async () => {
    const { code } = await admin('invite', '--org', t.team.team.id, '--org-only');
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-teams-'));
    const other = ['--profile', dir];
    const login = await loginWithInvite(t.url, code, 'Newcomer', dir);
    expect(login.code, login.stderr).toBe(0);
    const theirs = JSON.parse((await cli('board', '--json', ...other)).stdout) as BoardJson;
    expect(theirs.teams).toEqual([]);
    expect(theirs.members.map((m) => m.name).sort()).toEqual([
      'Ana',
      'Bob',
      'Dan',
      'Eve',
      'Newcomer',
      'Viewer',
      'Zoe',
    ]);
    expect((await board()).members.map((m) => m.name)).not.toContain('Newcomer');
  });

  it('the admin lists the teams with their people', async () => {
    const { teams } = await admin('teams', '--org', t.team.team.id);
    const byName = Object.fromEntries(
      teams.map((x: { name: string; members: { name: string }[] }) => [x.name, x.members.map((m) => m.name)]),
    );
    // No team named like the organisation: Ana and Bob, who came before teams, are in none.
    expect(byName).toEqual({
      Chapter: ['Eve', 'Viewer'],
      Project: ['Zoe'],
      Squad: ['Dan', 'Viewer'],
    });
  });
});
