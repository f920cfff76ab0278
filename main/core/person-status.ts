import type { Segment } from '../../shared/availability/segments';
import {
  computeStatus,
  type ManualState,
  type PersonState,
  type Status,
} from '../../shared/status/status-engine';
import type { BoardMember } from '../cache/cache-queries';

/** A board member's cached data as the status engine's input. */
export function personState(member: Pick<BoardMember, 'status' | 'availability' | 'profile'>): PersonState {
  const s = member.status;
  const busy: Segment[] = (member.availability?.busy ?? []).map((b) => ({
    start: Date.parse(b.start),
    end: Date.parse(b.end),
    kind: b.kind,
  }));
  return {
    manual: s?.state
      ? {
          state: s.state as ManualState,
          emoji: s.emoji,
          text: s.text,
          until: s.until ? Date.parse(s.until) : null,
        }
      : null,
    busy,
    hours: member.profile.workingHours,
    timezone: member.profile.timezone,
  };
}

export const memberStatus = (member: BoardMember, now: number): Status =>
  computeStatus(personState(member), now);
