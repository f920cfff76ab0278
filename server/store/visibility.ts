import type { ExpressionBuilder, Kysely } from 'kysely';
import { z } from 'zod';
import { audienceList, type ChangeKind } from '../../shared/protocol/changes';
import { kindsReaching, sight, type Sight, type ViewerScope } from '../../shared/protocol/reach';
import { MENTIONS_MAX } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import type { ChangeRow } from './appended-rows';

/**
 * The reach table (shared/protocol/reach.ts) as the store applies it: a viewer's scope read
 * from the database, a log row's sight, and the same rule as a SQL filter of the log.
 */
export type { Sight, ViewerScope };

/** Everyone a post ever named: a bounded list (an edit that would pass it is refused). */
export const REACHED_MAX = MENTIONS_MAX * 5;
export const mentionedList = z.array(z.string()).max(REACHED_MAX);

const listIn = (text: string | null | undefined, schema: z.ZodType<string[]>) =>
  text ? schema.parse(JSON.parse(text)) : null;

/** Whom a post names now, from its data (only read for someone it named before). */
const namedNow = z.object({ mentions: z.array(z.string()).optional() });

/** A log row's sight for this viewer: the table's rule, with the row's lists read lazily. */
export function rowSight(
  scope: ViewerScope,
  row: Pick<ChangeRow, 'member_id' | 'audience' | 'mentioned' | 'data'> & { kind: string },
): Sight {
  const kind = row.kind as ChangeKind;
  return sight(scope, {
    kind,
    memberId: row.member_id,
    audience: listIn(row.audience, audienceList),
    reached: listIn(row.mentioned, mentionedList),
    named: () => namedNow.safeParse(JSON.parse(row.data)).data?.mentions ?? [],
  });
}

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
  const me = await db
    .selectFrom('members')
    .select('whole_organisation')
    .where('id', '=', viewer)
    .executeTakeFirst();
  const stars = await db.selectFrom('stars').select('star_id').where('member_id', '=', viewer).execute();
  return {
    id: viewer,
    wholeOrganisation: Number(me?.whole_organisation ?? 0) === 1,
    teammates: new Set(teammates.map((t) => t.member_id)),
    stars: new Set(stars.map((s) => s.star_id)),
  };
}

/**
 * The table's rules as a filter of the change log, so that a page is read from the rows the
 * viewer may see. It only narrows: `rowSight` still decides each row read, so a mismatch here
 * could hold a change back, never let one out (and the property test shows they agree).
 */
export function mayShow(viewer: string) {
  return (eb: ExpressionBuilder<Database, 'changes'>) => {
    const teammates = eb
      .selectFrom('group_members as mine')
      .innerJoin('group_members as theirs', 'theirs.group_id', 'mine.group_id')
      .select('theirs.member_id')
      .where('mine.member_id', '=', viewer);
    const stars = eb.selectFrom('stars').select('star_id').where('stars.member_id', '=', viewer);
    const wholeOrganisation = eb.exists(
      eb
        .selectFrom('members')
        .select('members.id')
        .where('members.id', '=', viewer)
        .where('members.whole_organisation', '=', 1),
    );
    const inCircle = [
      eb('changes.member_id', '=', viewer),
      eb('changes.member_id', 'in', teammates),
      wholeOrganisation,
    ];
    // Ids are UUIDs, so the quoted id matches a JSON list's entry and nothing else.
    const listed = `%"${viewer}"%`;
    return eb.or([
      eb('kind', 'in', kindsReaching('organisation')),
      eb.and([eb('kind', 'in', kindsReaching('audience')), eb('audience', 'like', listed)]),
      eb.and([
        eb('kind', 'in', kindsReaching('watchers')),
        eb.or([...inCircle, eb('changes.member_id', 'in', stars)]),
      ]),
      eb.and([
        eb('kind', 'in', kindsReaching('teams-and-named')),
        eb.or([...inCircle, eb('mentioned', 'like', listed)]),
      ]),
    ]);
  };
}
