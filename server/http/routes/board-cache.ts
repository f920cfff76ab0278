import type { Kysely } from 'kysely';
import { freeBusyOnly } from '../../../shared/protocol/changes';
import { boardResponse, type BoardMemberData } from '../../../shared/protocol/responses';
import { sight, type ViewerScope } from '../../../shared/protocol/reach';
import type { Database } from '../../db/schema';
import { board } from '../../store/team-data';

/**
 * Each organisation's board, serialised once through its schema, kept until its log grows
 * (its sequence, read from the database, so it holds across instances) or the day turns
 * (topics count the last 30 days). A read of an unchanged board is one small query.
 */
export class BoardCache {
  private readonly boards = new Map<string, { key: string; json: string; members: BoardMemberData[] }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly teams = 100,
  ) {}

  /**
   * The board as this viewer may see it (the reach table): everyone's name and profile;
   * presence of the people they watch (titles for their teammates only); the latest post and
   * topics of the people in their circle (a post naming them reaches their feed, not the board).
   * Someone who sees it all (the whole organisation, or one team) gets the shared serialisation.
   */
  async json(orgId: string, scope: ViewerScope, ids?: readonly string[]): Promise<string> {
    const board = await this.whole(orgId);
    const wanted = ids && new Set(ids);
    const shown = wanted ? board.members.filter((m) => wanted.has(m.id)) : board.members;
    if (!wanted && (scope.wholeOrganisation || board.members.every((m) => scope.teammates.has(m.id))))
      return board.json;
    const members = shown.map((m) => {
      const presence = sight(scope, { kind: 'status', memberId: m.id });
      const posts = sight(scope, { kind: 'post', memberId: m.id });
      const availability =
        presence === 'outside' && m.availability ? freeBusyOnly(m.availability) : m.availability;
      return {
        ...m,
        status: presence ? m.status : null,
        availability: presence ? availability : null,
        latestPost: posts ? m.latestPost : null,
        topics: posts ? m.topics : [],
      };
    });
    // Read through the schema when the board was filled; narrowing only clears fields of it.
    const narrowed: BoardMemberData[] = members;
    return JSON.stringify({ members: narrowed });
  }

  private async whole(orgId: string) {
    const { seq, compacted_to } = await this.db
      .selectFrom('teams')
      .select(['seq', 'compacted_to'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const key = `${seq}:${compacted_to}:${Math.floor(this.now() / 86_400_000)}`;
    const known = this.boards.get(orgId);
    if (known?.key === key) return known;
    const members = boardResponse.parse({ members: await board(this.db, orgId, this.now()) }).members;
    const json = JSON.stringify({ members });
    const entry = { key, json, members };
    this.boards.delete(orgId);
    this.boards.set(orgId, entry);
    // The least recently filled team goes first: memory is bounded by the number kept.
    if (this.boards.size > this.teams) this.boards.delete(this.boards.keys().next().value!);
    return entry;
  }
}
