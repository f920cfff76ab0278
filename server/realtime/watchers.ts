import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Sight } from '../../shared/protocol/reach';

/**
 * Who watches whom in one organisation, for the streams connected to this instance: its teams
 * (from the database once, then from the log's team changes as they pass) and the stars of the
 * people connected. One change of a person then costs the number of their watchers, not the
 * size of the organisation. The rules are the reach table's (shared/protocol/reach.ts), kept in
 * memory.
 */
export class Watchers {
  /** Team → its members, and member → their teams. */
  private readonly groups = new Links();
  /** Connected viewer → whom they star, and person → the viewers starring them. */
  private readonly stars = new Links();

  static async load(db: Kysely<Database>, orgId: string): Promise<Watchers> {
    const rows = await db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.group_id as groupId', 'group_members.member_id as memberId'])
      .where('groups.team_id', '=', orgId)
      .execute();
    const watchers = new Watchers();
    const byGroup = new Map<string, string[]>();
    for (const r of rows) {
      const members = byGroup.get(r.groupId);
      if (members) members.push(r.memberId);
      else byGroup.set(r.groupId, [r.memberId]);
    }
    for (const [id, members] of byGroup) watchers.setGroup(id, members);
    return watchers;
  }

  /** A team's latest member list (a team change of the log, or the load). */
  setGroup(groupId: string, members: readonly string[]): void {
    this.groups.set(groupId, members);
  }

  /** A connected viewer's stars (at subscribe, then from their stars changes). */
  setStars(viewer: string, ids: readonly string[]): void {
    this.stars.set(viewer, ids);
  }

  forget(viewer: string): void {
    this.stars.set(viewer, []);
  }

  /**
   * Who sees a change of `member` (presence, or a post), among `connected` viewers: the
   * teammates in full, the people who starred them without titles (presence only), themselves,
   * and whoever sees the whole organisation. Cost: their watchers, plus those.
   */
  audienceOf(
    member: string,
    presence: boolean,
    connected: { has(id: string): boolean },
    wholeOrganisation: ReadonlySet<string>,
  ) {
    const seen = new Map<string, Sight>();
    for (const g of this.groups.to(member))
      for (const m of this.groups.from(g)) if (connected.has(m)) seen.set(m, 'full');
    if (presence) for (const v of this.stars.to(member)) if (!seen.has(v)) seen.set(v, 'outside');
    if (connected.has(member)) seen.set(member, 'full');
    for (const v of wholeOrganisation) seen.set(v, 'full');
    return seen;
  }
}

const none: ReadonlySet<string> = new Set();

/** Lists kept with their reverse: each key's values, and for each value the keys listing it. */
class Links {
  private readonly forward = new Map<string, ReadonlySet<string>>();
  private readonly backward = new Map<string, Set<string>>();

  /** The key's list is now `values` (empty: the key is gone). */
  set(key: string, values: readonly string[]): void {
    for (const v of this.forward.get(key) ?? []) {
      const keys = this.backward.get(v);
      keys?.delete(key);
      if (keys?.size === 0) this.backward.delete(v);
    }
    if (values.length === 0) this.forward.delete(key);
    else this.forward.set(key, new Set(values));
    for (const v of values) {
      let keys = this.backward.get(v);
      if (!keys) this.backward.set(v, (keys = new Set()));
      keys.add(key);
    }
  }

  from(key: string): ReadonlySet<string> {
    return this.forward.get(key) ?? none;
  }

  to(value: string): ReadonlySet<string> {
    return this.backward.get(value) ?? none;
  }
}
