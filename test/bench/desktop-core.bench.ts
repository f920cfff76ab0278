import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBoard } from '../../main/cache/cache-queries';
import { LocalCache } from '../../main/cache/local-cache';
import { boardStatuses, personState } from '../../main/core/person-status';
import { computeStatus } from '../../shared/status/status-engine';
import { TeamApi } from '../../main/sync/team-api';
import { SYNC_PAGE, SyncClient } from '../../main/sync/sync-client';
import { bigTeam } from '../support/seed-team';
import { spawnServer } from '../support/server-process';
import { medianMs, round, type Benchmark } from './bench-kit';

export const benchmark: Benchmark = {
  suite: 'desktop core',
  async run() {
    const { config, storage, team } = await bigTeam();
    // Statuses and availability for everyone, so the board and status engine have work.
    const members = await storage.db
      .selectFrom('members')
      .select('id')
      .where('team_id', '=', team.team.id)
      .execute();
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    await storage.db.transaction().execute(async (trx) => {
      for (const m of members) {
        const busy = Array.from({ length: 20 }, (_, i) => ({
          start: iso(now + i * 3_600_000),
          end: iso(now + i * 3_600_000 + 1_800_000),
          kind: 'busy',
        }));
        await trx
          .insertInto('availability')
          .values({
            member_id: m.id,
            window_from: iso(now - 86_400_000),
            window_to: iso(now + 14 * 86_400_000),
            busy: JSON.stringify(busy),
            load_today: 0.5,
            load_week: 0.4,
            titles: null,
            updated_at: iso(now),
          })
          .execute();
        const team_ = await trx
          .updateTable('teams')
          .set((eb) => ({ seq: eb('seq', '+', 1) }))
          .where('id', '=', team.team.id)
          .returning('seq')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('changes')
          .values({
            team_id: team.team.id,
            seq: team_.seq,
            kind: 'availability',
            member_id: m.id,
            entity_id: m.id,
            at: iso(now),
            data: JSON.stringify({
              window: { from: iso(now - 86_400_000), to: iso(now + 14 * 86_400_000) },
              busy,
              loadToday: 0.5,
              loadWeek: 0.4,
              updatedAt: iso(now),
            }),
          })
          .execute();
      }
    });
    await storage.close();
    const server = await spawnServer(config, undefined, ['--rate-limit', '10000/1000']);

    // Baseline: the same pages fetched, not applied.
    const api = new TeamApi(server.url, team.token);
    const fetchOnly = await medianMs(
      async () => {
        for (let cursor = 0, more = true; more;) {
          const page = await api.sync(cursor, SYNC_PAGE); // as the client pages
          cursor = page.cursor;
          more = page.more;
        }
      },
      5,
      1,
    );
    let cache!: LocalCache;
    const cold = await medianMs(
      async () => {
        cache?.close();
        cache = new LocalCache(mkdtempSync(join(tmpdir(), 'ricochet-bench-')));
        await new SyncClient({ cache, server: server.url, token: team.token }).pull();
      },
      5,
      1,
    );
    await server.kill('SIGTERM');

    let seq = cache.cursor;
    const memberId = members[0]!.id;
    const incremental = await medianMs(
      () =>
        cache.applyChanges([
          {
            seq: ++seq,
            kind: 'status',
            memberId,
            entityId: memberId,
            at: iso(now),
            data: { state: 'focus', emoji: null, text: 'bench', until: null, updatedAt: iso(now) },
          },
        ]),
      201,
      20,
    );
    const bareRead = await medianMs(() => cache.db.prepare('SELECT data FROM members').all(), 51, 5);
    const board = await medianMs(() => readBoard(cache), 51, 5);
    const afterChange = await medianMs(
      () => {
        cache.applyChanges([
          {
            seq: ++seq,
            kind: 'status',
            memberId,
            entityId: memberId,
            at: iso(now),
            data: { state: 'away', emoji: null, text: `bench ${seq}`, until: null, updatedAt: iso(now) },
          },
        ]);
        return readBoard(cache);
      },
      51,
      5,
    );
    const rows = readBoard(cache);
    const statuses = await medianMs(() => boardStatuses(rows, now), 51, 5);
    const fresh = await medianMs(() => rows.map((m) => computeStatus(personState(m), now)), 51, 5);
    cache.close();
    const suite = this.suite;
    return [
      {
        suite,
        name: 'fetch every /v1/sync page of a 500-member, 20,000-post team (not applied)',
        value: round(fetchOnly, 0),
        unit: 'ms',
      },
      {
        suite,
        name: 'cold sync into an empty cache (fetch, validate, apply)',
        value: round(cold, 0),
        unit: 'ms',
        ratio: round(cold / fetchOnly, 2),
        baseline: 'fetch only',
        target: '≤ 1.5×',
        pass: cold / fetchOnly <= 1.5,
      },
      {
        suite,
        name: 'one incremental change applied (a transaction)',
        value: round(incremental * 1000, 0),
        unit: 'µs',
      },
      { suite, name: 'bare SELECT of the 500 cached members', value: round(bareRead, 2), unit: 'ms' },
      {
        suite,
        name: 'board read from the cache, 500 members with status, availability, latest post (nothing changed)',
        value: round(board, 2),
        unit: 'ms',
        ratio: round(board / bareRead, 2),
        baseline: 'bare SELECT',
        target: '≤ 2×',
        pass: board / bareRead <= 2,
      },
      {
        suite,
        name: 'one change applied, then the board read again',
        value: round(afterChange, 2),
        unit: 'ms',
        ratio: round(afterChange / bareRead, 1),
        baseline: 'bare SELECT',
        target: '< 5 ms',
        pass: afterChange < 5,
      },
      {
        suite,
        name: 'status of 500 members as the core reads it (each kept until its next change)',
        value: round(statuses, 2),
        unit: 'ms',
        ratio: round(statuses / board, 2),
        baseline: 'board read',
        target: '≤ 1×',
        pass: statuses <= board,
      },
      {
        suite,
        name: 'status engine over 500 members, each computed afresh (after 500 changes)',
        value: round(fresh, 2),
        unit: 'ms',
      },
    ];
  },
};
