import type { ManualState } from '../../shared/status/status-engine';
import { isoInstant } from '../../shared/time/zoned-time';
import type { MemberView } from '../../shared/views';
import { personState, type boardNamed } from './person-status';

const iso = (ms: number | null) => (ms === null ? null : isoInstant(ms));

/**
 * People with their state as every window and the tray receive them. Its own file, with no
 * core behind it, so the tray's first glance (first-glance.ts) builds the same views before the
 * core has loaded.
 */
export function memberViewsOf(
  people: ReturnType<typeof boardNamed>,
  me: string | undefined,
  starred: readonly string[],
  watched?: ReadonlySet<string>,
): MemberView[] {
  const stars = new Set(starred);
  // The board's names are already told apart (look-alikes numbered) by the core.
  return people.map((m) => ({
    id: m.id,
    name: m.name,
    role: m.role,
    isMe: m.id === me,
    jobTitle: m.profile.role ?? null,
    skills: m.profile.skills ?? [],
    topics: m.topics,
    timezone: m.profile.timezone ?? null,
    nextChange: iso(m.computed.nextChange),
    status: m.status?.state
      ? {
          state: m.status.state as ManualState,
          emoji: m.status.emoji,
          text: m.status.text,
          until: m.status.until,
          updatedAt: m.status.updatedAt,
        }
      : null,
    loadToday: m.availability?.loadToday ?? null,
    loadWeek: m.availability?.loadWeek ?? null,
    busy: m.availability?.busy ?? [],
    calendarShared: m.availability !== null,
    titles: m.availability?.titles ?? [],
    problems: personState(m).problems,
    staleSince: m.availability?.staleSince ?? null,
    places: m.availability?.places ?? [],
    workingHours: m.profile.workingHours ?? null,
    latestPost: m.latestPost && {
      id: m.latestPost.id,
      text: m.latestPost.text,
      createdAt: m.latestPost.createdAt,
    },
    starred: stars.has(m.id),
    ...(watched && !watched.has(m.id) ? { watched: false as const } : {}),
  }));
}
