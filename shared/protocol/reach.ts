import type { ChangeKind } from './changes';

/**
 * Who may see a change: the one place the rule lives. Every path that hands a change to someone
 * (the stream's targets, the sync's SQL filter and its check of each row, the board, the posts
 * list) derives from this table and `sight`; a new kind of change does not compile until it has
 * its row here, and there is no default.
 *
 * - `organisation`: everyone in the organisation (who is in it, its teams).
 * - `audience`: only the people the change lists (an ask's two people, my stars to me).
 * - `watchers`: the person, their teammates and whoever sees the whole organisation in full;
 *   the people who star them see it without what it says about their day (free/busy only).
 * - `teams-and-named`: the author, their teammates and whoever sees the whole organisation;
 *   the people the post names now; the people it named before an edit get a tombstone.
 */
export type Reach = 'organisation' | 'audience' | 'watchers' | 'teams-and-named';

export const reach = {
  member: 'organisation',
  'member-removed': 'organisation',
  group: 'organisation',
  status: 'watchers',
  availability: 'watchers',
  post: 'teams-and-named',
  'post-deleted': 'teams-and-named',
  ask: 'audience',
  stars: 'audience',
  private: 'audience',
} as const satisfies Record<ChangeKind, Reach>;

/** The kinds of change a reach covers (for a SQL `kind in (…)`). */
export function kindsReaching(wanted: Reach): ChangeKind[] {
  return (Object.keys(reach) as ChangeKind[]).filter((kind) => reach[kind] === wanted);
}

/**
 * What one person may see of the organisation, as the server knows it at that moment.
 * `wholeOrganisation` is a state of its own (an organisation without teams, a newcomer the admin
 * left unplaced), never what an empty membership means: taking someone out of their last team
 * narrows what they see.
 */
export interface ViewerScope {
  id: string;
  wholeOrganisation: boolean;
  /** Everyone sharing a team with the viewer (the viewer too). */
  teammates: ReadonlySet<string>;
  stars: ReadonlySet<string>;
}

/**
 * How a change reaches a viewer: in full; `outside` (free/busy only: a starrer); `gone` (a
 * tombstone: a post that stopped naming them); or not at all.
 */
export type Sight = 'full' | 'outside' | 'gone' | null;

/** What `sight` needs of a change, whichever path it comes by. */
export interface ReachOf {
  kind: ChangeKind;
  memberId: string;
  /** `audience`: the people listed. */
  audience?: readonly string[] | null;
  /** `teams-and-named`: everyone the post ever named (its edits included). */
  reached?: readonly string[] | null;
  /** `teams-and-named`: whom it names now (read only when the viewer is among `reached`). */
  named?: () => readonly string[];
}

/** In the author's circle: themselves, a teammate, or someone who sees the whole organisation. */
const inCircle = (scope: ViewerScope, memberId: string) =>
  scope.wholeOrganisation || memberId === scope.id || scope.teammates.has(memberId);

export function sight(scope: ViewerScope, change: ReachOf): Sight {
  const how: Reach = reach[change.kind];
  switch (how) {
    case 'organisation':
      return 'full';
    case 'audience':
      return change.audience?.includes(scope.id) ? 'full' : null;
    case 'watchers':
      if (inCircle(scope, change.memberId)) return 'full';
      return scope.stars.has(change.memberId) ? 'outside' : null;
    case 'teams-and-named':
      if (inCircle(scope, change.memberId)) return 'full';
      if (!change.reached?.includes(scope.id)) return null;
      if (change.kind === 'post-deleted') return 'full';
      return change.named?.().includes(scope.id) ? 'full' : 'gone';
  }
}
