// Finding 5 of the live review: look-alike names passed as they were and were not numbered.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { createInvite } from '../../../server/store/members';
import { distinctNames, nameSkeleton } from '../../../shared/people/find-person';
import { cli } from '../../support/run-cli';
import { client, teamServer } from '../../support/team-server';

describe('names that look alike', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer('sqlite');
  });
  afterAll(() => t?.server.close());

  it('invisible fillers, marks and tag characters are stripped from names', async () => {
    const { code } = await createInvite(t.server.context.storage.db, t.team.team.id, { uses: 20 });
    const joinAs = (name: string, email: string) => client(t.url)('POST', '/v1/join', { code, name, email });
    for (const [name, email] of [
      ['Ana\u3164', 'f1@a.test'],
      ['Ana\u115F', 'f2@a.test'],
      ['An\u061Ca', 'f3@a.test'],
      ['A\u180Ena', 'f4@a.test'],
      ['Ana\u{E0041}', 'f5@a.test'],
    ] as const) {
      const res = await joinAs(name, email);
      expect(res.status).toBe(201);
      expect(res.body.member.name).toBe('Ana');
    }
    // A Cyrillic А is a letter, kept as typed: the board tells it apart by number, below.
    expect((await joinAs('\u0410na', 'f6@a.test')).body.member.name).toBe('\u0410na');
  });

  it('look-alikes share a TR39 skeleton; different names (and accents) do not', () => {
    expect(nameSkeleton('\u0410na')).toBe(nameSkeleton('Ana'));
    expect(nameSkeleton('ℜ𝘂ᖯʏ')).toBe(nameSkeleton('Ruby'));
    expect(nameSkeleton('Bob')).not.toBe(nameSkeleton('Ana'));
    const names = distinctNames([
      { id: '1', name: 'Ana', createdAt: '1' },
      { id: '2', name: '\u0410na', createdAt: '2' },
    ]);
    expect([...names.values()]).toEqual(['Ana (1)', '\u0410na (2)']);
  });

  it('`ricochet board` numbers them as the app does', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-names-'));
    const core = new DesktopCore(profile);
    await core.commands.join({ server: t.url, invite: t.team.invite, name: 'Viewer', email: 'v@a.test' });
    core.close();
    const board = await cli('board', '--profile', profile);
    const anas = board.stdout.split('\n').filter((l) => /^\S*na \(\d\)/u.test(l));
    expect(anas.map((l) => l.slice(0, 8).trim())).toEqual([
      'Ana (1)',
      'Ana (2)',
      'Ana (3)',
      'Ana (4)',
      'Ana (5)',
      'Ana (6)',
      '\u0410na (7)',
    ]);
  });
});
