import type { Change } from '../../shared/protocol/changes';
import { sight, type ViewerScope } from '../../shared/protocol/reach';

/**
 * What one person ends up seeing, whichever path brought it: the posts they hold (id → text),
 * and each person's status and whether their meeting titles reached them. Every path (the
 * stream, a cold sync, an incremental one, the board, /v1/posts) is folded into this shape,
 * and so is what the reach table says, so they can be compared as wholes.
 */
export interface ViewerState {
  posts: Map<string, string>;
  status: Map<string, string | null>;
  titles: Map<string, boolean>;
}

export const emptyState = (): ViewerState => ({ posts: new Map(), status: new Map(), titles: new Map() });

export const copyState = (s: ViewerState): ViewerState => ({
  posts: new Map(s.posts),
  status: new Map(s.status),
  titles: new Map(s.titles),
});

/** A change applied as a device applies it (the cache's rules, reduced to what is compared). */
export function applyChange(state: ViewerState, change: Change): void {
  switch (change.kind) {
    case 'post':
      state.posts.set(change.data.id, change.data.text);
      break;
    case 'post-deleted':
      state.posts.delete(change.entityId);
      break;
    case 'status':
      state.status.set(change.memberId, change.data.text);
      break;
    case 'availability':
      state.titles.set(change.memberId, !!change.data.titles?.length);
      break;
    case 'member-removed':
      state.status.delete(change.memberId);
      state.titles.delete(change.memberId);
      break;
    default:
      break;
  }
}

/** The organisation as the test built it: the truth the reach table is applied to. */
export interface OrgModel {
  teams: Map<string, Set<string>>;
  whole: Set<string>;
  stars: Map<string, Set<string>>;
  posts: Map<string, { author: string; text: string; named: string[]; reached: Set<string>; live: boolean }>;
  status: Map<string, string>;
  titles: Set<string>;
}

export function scopeIn(org: OrgModel, viewer: string): ViewerScope {
  const teammates = new Set<string>();
  for (const members of org.teams.values())
    if (members.has(viewer)) for (const m of members) teammates.add(m);
  return {
    id: viewer,
    wholeOrganisation: org.whole.has(viewer),
    teammates,
    stars: org.stars.get(viewer) ?? new Set(),
  };
}

/** What the reach table says this viewer holds once everything has arrived. */
export function expectedState(org: OrgModel, viewer: string): ViewerState {
  const scope = scopeIn(org, viewer);
  const state = emptyState();
  for (const [id, post] of org.posts) {
    if (!post.live) continue;
    const seen = sight(scope, {
      kind: 'post',
      memberId: post.author,
      reached: [...post.reached],
      named: () => post.named,
    });
    if (seen === 'full') state.posts.set(id, post.text);
  }
  for (const [member, text] of org.status) {
    const seen = sight(scope, { kind: 'status', memberId: member });
    if (seen) state.status.set(member, text);
  }
  for (const member of org.titles) {
    const seen = sight(scope, { kind: 'availability', memberId: member });
    if (seen) state.titles.set(member, seen === 'full');
  }
  return state;
}

/** A state as plain sorted lists, for a readable comparison. */
export const plain = (s: ViewerState) => ({
  posts: [...s.posts].sort(),
  status: [...s.status].filter(([, v]) => v !== null).sort(),
  titles: [...s.titles].sort(),
});
