import type { ExpressionBuilder, Kysely } from 'kysely';
import { z } from 'zod';
import { audienceList } from '../../shared/protocol/changes';
import { MENTIONS_MAX } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';

/**
 * What one person sees of the organisation's log. Presence (status, availability) goes to
 * whoever watches the person: their teams and the people who starred them. Posts go to their
 * teams only; titles in an availability too (people outside see free/busy and status). Who is
 * in the organisation (members, teams) goes to everyone; an ask to its two people only. Someone
 * in no team sees the whole organisation, as before teams existed.
 */
export interface ViewerScope {
  id: string;
  everyone: boolean;
  /** Everyone sharing a team with the viewer (the viewer too). */
  teammates: ReadonlySet<string>;
  stars: ReadonlySet<string>;
}

/** How a change reaches a viewer: in full, without what stays in the teams, or not at all. */
export type Sight = 'full' | 'outside' | null;

export interface LogRow {
  kind: string;
  member_id: string;
  audience: string | null;
  /** A post's named people (JSON list): they see it too. */
  mentioned?: string | null;
}

export function sight(scope: ViewerScope, row: LogRow): Sight {
  if (row.audience) return audienceList.parse(JSON.parse(row.audience)).includes(scope.id) ? 'full' : null;
  switch (row.kind) {
    case 'status':
    case 'availability':
      if (scope.everyone || scope.teammates.has(row.member_id) || row.member_id === scope.id) return 'full';
      return scope.stars.has(row.member_id) ? 'outside' : null;
    case 'post':
    case 'post-deleted':
      return scope.everyone ||
        scope.teammates.has(row.member_id) ||
        row.member_id === scope.id ||
        namedIn(row.mentioned, scope.id)
        ? 'full'
        : null;
    default:
      return 'full'; // who is in the organisation and its teams
  }
}

/** Whether a post's list of named people holds this one. */
const namedIn = (mentioned: string | null | undefined, id: string) =>
  !!mentioned && mentionedList.parse(JSON.parse(mentioned)).includes(id);

export const mentionedList = z.array(z.string()).max(MENTIONS_MAX);

/**
 * The viewer's scope as the database has it now (one request's worth; the hub keeps its own).
 * `among`: only these people's place matters (a sync page's authors), so a viewer in a team of
 * thousands does not read all of them for every page.
 */
export async function scopeOf(
  db: Kysely<Database>,
  viewer: string,
  among?: readonly string[],
): Promise<ViewerScope> {
  if (among?.length === 0) among = [viewer];
  let query = db
    .selectFrom('group_members as mine')
    .innerJoin('group_members as theirs', 'theirs.group_id', 'mine.group_id')
    .select('theirs.member_id')
    .distinct()
    .where('mine.member_id', '=', viewer);
  if (among) query = query.where('theirs.member_id', 'in', [...new Set(among)]);
  const teammates = await query.execute();
  // In no team at all (not just none of `among`): the whole organisation.
  const inATeam =
    teammates.length > 0 ||
    (await db
      .selectFrom('group_members')
      .select('group_id')
      .where('member_id', '=', viewer)
      .executeTakeFirst()) !== undefined;
  const stars = await db.selectFrom('stars').select('star_id').where('member_id', '=', viewer).execute();
  return {
    id: viewer,
    everyone: !inATeam,
    teammates: new Set(teammates.map((t) => t.member_id)),
    stars: new Set(stars.map((s) => s.star_id)),
  };
}

/** The kinds a person's watchers see (presence), and those that stay in their teams (posts). */
const PRESENCE = ['status', 'availability'] as const;
const TEAM_ONLY = [...PRESENCE, 'post', 'post-deleted'] as const;

/**
 * `sight`'s rules as a filter of the change log, so that a page is read from the rows the viewer
 * may see. It only narrows: `sight` still decides each row read, so a mismatch here could hold
 * a change back, never let one out.
 */
export function mayShow(viewer: string) {
  return (eb: ExpressionBuilder<Database, 'changes'>) => {
    const teammates = eb
      .selectFrom('group_members as mine')
      .innerJoin('group_members as theirs', 'theirs.group_id', 'mine.group_id')
      .select('theirs.member_id')
      .where('mine.member_id', '=', viewer);
    const stars = eb.selectFrom('stars').select('star_id').where('stars.member_id', '=', viewer);
    const inNoTeam = eb.not(
      eb.exists(
        eb.selectFrom('group_members').select('group_id').where('group_members.member_id', '=', viewer),
      ),
    );
    return eb.or([
      // An ask names its two people; ids are UUIDs, so the quoted id matches the list's entry.
      eb.and([eb('audience', 'is not', null), eb('audience', 'like', `%"${viewer}"%`)]),
      eb.and([
        eb('audience', 'is', null),
        eb.or([
          eb('kind', 'not in', TEAM_ONLY),
          eb('changes.member_id', '=', viewer),
          eb('changes.member_id', 'in', teammates),
          eb.and([eb('kind', 'in', PRESENCE), eb('changes.member_id', 'in', stars)]),
          eb('mentioned', 'like', `%"${viewer}"%`),
          inNoTeam,
        ]),
      ]),
    ]);
  };
}
