// A new desktop in an organisation that has been running cold-syncs its share: the directory
// (everyone's name, to star or ask anyone), the presence of its teams and stars, its teams'
// posts; not everyone's status, calendar and posts. On SQLite and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../../main/cache/cache-queries';
import { LocalCache } from '../../../main/cache/local-cache';
import { SyncClient } from '../../../main/sync/sync-client';
import { TeamApi } from '../../../main/sync/team-api';
import { syncPageSchema } from '../../../shared/protocol/changes';
import { seedOrganisation } from '../../support/seed-organisation';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

const TEAMS = 20;
const SIZE = 5;
const POSTS_EACH = 3;

describe.each(backends)('cold sync in an organisation, on %s', (backend) => {
  it('brings my teams and stars, and the directory, not the whole organisation', async () => {
    const t = await teamServer(backend);
    try {
      const db = t.server.context.storage.db;
      const { people } = await seedOrganisation(db, t.team.team.id, {
        teams: TEAMS,
        size: SIZE,
        starsEach: 2,
        postsEach: POSTS_EACH,
      });
      // Person 0 is in team 0 and stars persons 5 and 10 (teams 1 and 2).
      const me = people[0]!;
      const team = people.slice(0, SIZE).map((p) => p.id);
      const starred = [people[SIZE]!.id, people[2 * SIZE]!.id];

      // One page holds all of it: the pages are not filled with what I may not see.
      const page = syncPageSchema.parse(
        (await client(t.url, me.token)('GET', '/v1/sync?since=0&limit=1000')).body,
      );
      const head = await db
        .selectFrom('teams')
        .select('seq')
        .where('id', '=', t.team.team.id)
        .executeTakeFirstOrThrow();
      expect(page.more).toBe(false);
      expect(page.cursor).toBe(Number(head.seq));
      // In pages of 50, as many pages as my share needs: none is spent on what I may not see.
      let pages = 0;
      for (let cursor = 0, more = true; more; pages++) {
        const small = syncPageSchema.parse(
          (await client(t.url, me.token)('GET', `/v1/sync?since=${cursor}&limit=50`)).body,
        );
        expect(small.changes.length).toBe(small.more ? 50 : page.changes.length - 50 * pages);
        ({ cursor, more } = small);
      }
      expect(pages).toBe(Math.ceil(page.changes.length / 50));
      const of = (kind: string) =>
        new Set(page.changes.filter((c) => c.kind === kind).map((c) => c.memberId));
      expect(of('status')).toEqual(new Set([...team, ...starred]));
      expect(of('availability')).toEqual(new Set([...team, ...starred]));
      expect(of('post')).toEqual(new Set(team));
      expect(page.changes.filter((c) => c.kind === 'post')).toHaveLength(SIZE * POSTS_EACH);
      expect(of('member').size).toBe(TEAMS * SIZE + 2); // everyone, the admins and Bob too

      const cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-org-sync-')));
      await new SyncClient({ cache, server: t.url, token: me.token }).pull();
      const board = readBoard(cache);
      expect(board).toHaveLength(TEAMS * SIZE + 2);
      const shown = board.filter((m) => m.status).map((m) => m.id);
      expect(new Set(shown)).toEqual(new Set([...team, ...starred]));
      // A starred person's calendar reaches me as free/busy, a teammate's with its titles.
      const byId = new Map(board.map((m) => [m.id, m]));
      expect(byId.get(starred[0]!)?.availability?.titles).toBeUndefined();
      expect(byId.get(team[1]!)?.availability?.titles).toEqual([
        expect.objectContaining({ title: 'Planning' }),
      ]);
      expect(byId.get(people[3 * SIZE]!.id)?.latestPost).toBeNull();
      expect(byId.get(team[1]!)?.latestPost?.text).toMatch(/quarterly plan/);
      cache.close();

      // Topics are read for my teammates only: a few cards, not the organisation's board.
      const topics = await new TeamApi(t.url, me.token).topics(team);
      expect([...topics.keys()].sort()).toEqual([...team].sort());

      // Live from there: a status of someone I do not watch never reaches my next sync.
      const outsider = people[7 * SIZE]!;
      await client(t.url, outsider.token)('PUT', '/v1/me/status', { state: 'away', text: 'lunch' });
      const next = syncPageSchema.parse(
        (await client(t.url, me.token)('GET', `/v1/sync?since=${page.cursor}&limit=1000`)).body,
      );
      expect(next.changes).toEqual([]);
      expect(next.cursor).toBeGreaterThan(page.cursor);
    } finally {
      await t.server.close();
    }
  });
});
