import type { Kysely } from 'kysely';
import { boardResponse } from '../../../shared/protocol/responses';
import type { Database } from '../../db/schema';
import { board } from '../../store/team-data';

/**
 * Each team's board, serialised once through its schema, kept until the team's log grows
 * (its sequence, read from the database, so it holds across instances) or the day turns
 * (topics count the last 30 days). A read of an unchanged board is one small query.
 */
export class BoardCache {
  private readonly boards = new Map<string, { key: string; json: string }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly teams = 100,
  ) {}

  async json(teamId: string): Promise<string> {
    const { seq, compacted_to } = await this.db
      .selectFrom('teams')
      .select(['seq', 'compacted_to'])
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow();
    const key = `${seq}:${compacted_to}:${Math.floor(this.now() / 86_400_000)}`;
    const known = this.boards.get(teamId);
    if (known?.key === key) return known.json;
    const json = JSON.stringify(boardResponse.parse({ members: await board(this.db, teamId) }));
    this.boards.delete(teamId);
    this.boards.set(teamId, { key, json });
    // The least recently filled team goes first: memory is bounded by the number kept.
    if (this.boards.size > this.teams) this.boards.delete(this.boards.keys().next().value!);
    return json;
  }
}
