import { personInput } from '../../shared/status/person-input';
import { computeStatus, type Status } from '../../shared/status/status-engine';
import type { BoardMember } from '../cache/cache-queries';

/** A board member's cached data as the status engine's input (made safe: see personInput). */
export function personState(member: Pick<BoardMember, 'status' | 'availability' | 'profile'>) {
  return personInput({
    status: member.status,
    busy: member.availability?.busy ?? null,
    workingHours: member.profile?.workingHours,
    timezone: member.profile?.timezone,
  });
}

export const memberStatus = (member: BoardMember, now: number): Status =>
  computeStatus(personState(member), now);
