import { statusLabel, type Locale } from '../../shared/i18n/status-messages';
import { distinctNames } from '../../shared/people/find-person';
import { personInput } from '../../shared/status/person-input';
import { computeStatus, type Status } from '../../shared/status/status-engine';
import type { Segment } from '../../shared/availability/segments';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import type { BoardMember } from '../cache/cache-queries';
import type { ProfileConfig } from '../profile/profile';

/** A board member's cached data as the status engine's input (made safe: see personInput). */
export function personState(member: Pick<BoardMember, 'status' | 'availability' | 'profile'>) {
  return personInput({
    status: member.status,
    busy: member.availability?.busy ?? null,
    workingHours: member.profile?.workingHours,
    timezone: member.profile?.timezone,
  });
}

/**
 * A member's status at `now`, computed once per member row and reused until its next change:
 * the engine guarantees nothing in a status changes before `nextChange` (a property test says
 * so), and a changed row is a new object (the board is read by revision), so none is stale.
 */
const computed = new WeakMap<BoardMember, { from: number; status: Status }>();

export function memberStatus(member: BoardMember, now: number): Status {
  const known = computed.get(member);
  if (known && now >= known.from && now < (known.status.nextChange ?? Infinity)) return known.status;
  const status = computeStatus(personState(member), now);
  computed.set(member, { from: now, status });
  return status;
}

/** The whole board's statuses, kept for the board read until the first of their next changes. */
const boards = new WeakMap<readonly BoardMember[], { from: number; until: number; statuses: Status[] }>();

export function boardStatuses(members: readonly BoardMember[], now: number): Status[] {
  const known = boards.get(members);
  if (known && now >= known.from && now < known.until) return known.statuses;
  const statuses = members.map((m) => memberStatus(m, now));
  const until = Math.min(...statuses.map((s) => s.nextChange ?? Infinity));
  boards.set(members, { from: now, until, statuses });
  return statuses;
}

/**
 * The board as every front end gets it: each member with their state, and look-alike names
 * numbered here, so that the views, the tray and the CLI show the same names.
 */
export function boardNamed(members: readonly BoardMember[], now: number) {
  const statuses = boardStatuses(members, now);
  const names = distinctNames(members);
  return members.map((member, i) => ({
    ...member,
    computed: statuses[i]!,
    name: names.get(member.id) ?? member.name,
  }));
}

/** The board with each state's label too, in a language and zone (the CLI prints them). */
export function boardWithStatus(members: readonly BoardMember[], now: number, locale: Locale, tz: string) {
  return boardNamed(members, now).map((m) => ({ ...m, label: statusLabel(m.computed, now, locale, tz) }));
}

/**
 * My state: as teammates see me (with my manual status) when in a team, else from my calendars
 * and working hours alone. The one answer the Me view and the tray read.
 */
export function myStatusOf(
  me: { busy: Segment[] | null; config: Pick<ProfileConfig, 'hours' | 'tz'> },
  seen: { computed: Status } | undefined,
  now: number,
): Status {
  if (seen) return seen.computed;
  const hours = parseWorkingHours(me.config.hours);
  return computeStatus({ busy: me.busy ?? [], hours, timezone: me.config.tz }, now);
}
