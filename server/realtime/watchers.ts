import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Sight } from '../store/visibility';

/**
 * Who watches whom in one organisation, for the streams connected to this instance: its teams
 * (from the database once, then from the log's team changes as they pass) and the stars of the
 * people connected. One change of a person then costs the number of their watchers, not the
 * size of the organisation. The rules are those of visibility.ts, kept in memory.
 */
export class Watchers {
  private readonly groups = new Map<string, ReadonlySet<string>>();
  private readonly groupsOf = new Map<string, Set<string>>();
  private readonly stars = new Map<string, ReadonlySet<string>>();
  private readonly starredBy = new Map<string, Set<string>>();

  static async load(db: Kysely<Database>, orgId: string): Promise<Watchers> {
    const rows = await db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.group_id as groupId', 'group_members.member_id as memberId'])
      .where('groups.team_id', '=', orgId)
      .execute();
    const watchers = new Watchers();
    const byGroup = new Map<string, string[]>();
    for (const r of rows) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r.memberId]);
    for (const [id, members] of byGroup) watchers.setGroup(id, members);
    return watchers;
  }

  /** A team's latest member list (a team change of the log, or the load). */
  setGroup(groupId: string, members: readonly string[]): void {
    for (const m of this.groups.get(groupId) ?? []) this.groupsOf.get(m)?.delete(groupId);
    this.groups.set(groupId, new Set(members));
    for (const m of members) {
      let set = this.groupsOf.get(m);
      if (!set) this.groupsOf.set(m, (set = new Set()));
      set.add(groupId);
    }
  }

  /** A connected viewer's stars (at subscribe, then from their stars changes). */
  setStars(viewer: string, ids: readonly string[]): void {
    for (const id of this.stars.get(viewer) ?? []) this.starredBy.get(id)?.delete(viewer);
    this.stars.set(viewer, new Set(ids));
    for (const id of ids) {
      let set = this.starredBy.get(id);
      if (!set) this.starredBy.set(id, (set = new Set()));
      set.add(viewer);
    }
  }

  forget(viewer: string): void {
    this.setStars(viewer, []);
    this.stars.delete(viewer);
  }

  /** In no team: sees the whole organisation (as before teams). */
  loose(member: string): boolean {
    return (this.groupsOf.get(member)?.size ?? 0) === 0;
  }

  /**
   * Who sees a change of `member` (presence, or a post), among `connected` viewers: the
   * teammates in full, the people who starred them without titles (presence only), themselves,
   * and anyone in no team. Cost: their watchers, plus the viewers in no team.
   */
  audienceOf(
    member: string,
    presence: boolean,
    connected: { has(id: string): boolean },
    loose: ReadonlySet<string>,
  ) {
    const seen = new Map<string, Sight>();
    for (const g of this.groupsOf.get(member) ?? [])
      for (const m of this.groups.get(g) ?? []) if (connected.has(m)) seen.set(m, 'full');
    if (presence) for (const v of this.starredBy.get(member) ?? []) if (!seen.has(v)) seen.set(v, 'outside');
    if (connected.has(member)) seen.set(member, 'full');
    for (const v of loose) seen.set(v, 'full');
    return seen;
  }
}
