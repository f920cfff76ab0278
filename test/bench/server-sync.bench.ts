import { bigTeam } from '../support/seed-team';
import { spawnServer } from '../support/server-process';
import { client } from '../support/team-server';
import { medianMs, round, type Benchmark } from './bench-kit';

export const benchmark: Benchmark = {
  suite: 'team server sync',
  async run() {
    const { config, storage, team } = await bigTeam();
    // Baseline: the same rows read straight from the database, no HTTP, no JSON for a client.
    const bare = await medianMs(
      () =>
        storage.db
          .selectFrom('changes')
          .selectAll()
          .where('team_id', '=', team.team.id)
          .orderBy('seq')
          .execute(),
      5,
      1,
    );
    // What GET /v1/board reads: the current-state tables (members, statuses, availability, and
    // the posts of 30 days its topics and latest posts come from), straight from the database.
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const bareState = await medianMs(
      () =>
        Promise.all([
          storage.db.selectFrom('members').selectAll().where('team_id', '=', team.team.id).execute(),
          storage.db.selectFrom('statuses').selectAll().execute(),
          storage.db.selectFrom('availability').selectAll().execute(),
          storage.db
            .selectFrom('posts')
            .selectAll()
            .where('team_id', '=', team.team.id)
            .where('created_at', '>=', since)
            .execute(),
        ]),
      5,
      1,
    );
    await storage.close();

    // Measuring the server, not its per-member rate limit.
    const server = await spawnServer(config, undefined, ['--rate-limit', '10000/1000']);
    const api = client(server.url, team.token);
    let changes = 0;
    const cold = await medianMs(
      async () => {
        changes = 0;
        for (let cursor = 0, more = true; more;) {
          const page = await api('GET', `/v1/sync?since=${cursor}&limit=1000`);
          changes += page.body.changes.length;
          cursor = page.body.cursor;
          more = page.body.more;
        }
      },
      5,
      1,
    );
    const boardMs = await medianMs(() => api('GET', '/v1/board'), 5, 1);
    await server.kill('SIGTERM');
    const suite = this.suite;
    return [
      { suite, name: 'bare SELECT of the team change log (SQLite)', value: round(bare, 1), unit: 'ms' },
      {
        suite,
        name: 'bare SELECT of the current-state tables the board reads (SQLite)',
        value: round(bareState, 1),
        unit: 'ms',
      },
      {
        suite,
        name: `cold /v1/sync of a 500-member team with 20,000 posts (${changes} changes, pages of 1,000)`,
        value: round(cold, 1),
        unit: 'ms',
        ratio: round(cold / bare, 1),
        baseline: 'bare SELECT',
      },
      {
        suite,
        name: 'GET /v1/board of that team (HTTP, token check, serialised through its schema)',
        value: round(boardMs, 1),
        unit: 'ms',
        ratio: round(boardMs / bareState, 2),
        baseline: 'bare SELECT of the current-state tables',
        target: '≤ 1×',
        pass: boardMs <= bareState,
      },
    ];
  },
};
