import type { MemberView } from '../views';
import { personInput } from './person-input';
import { computeStatus, type PersonState, type Status } from './status-engine';

/** A member as the UI receives it, as the status engine's input. */
export function personFromView(m: MemberView): PersonState {
  return personInput({
    status: m.status,
    busy: m.calendarShared ? m.busy : null,
    workingHours: m.workingHours,
    timezone: m.timezone,
  });
}

export const viewStatus = (m: MemberView, now: number): Status => computeStatus(personFromView(m), now);
