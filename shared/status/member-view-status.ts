import type { MemberView } from '../views';
import { computeStatus, type PersonState, type Status } from './status-engine';

/** A member as the UI receives it, as the status engine's input. */
export function personFromView(m: MemberView): PersonState {
  return {
    manual: m.status
      ? {
          state: m.status.state,
          emoji: m.status.emoji,
          text: m.status.text,
          until: m.status.until ? Date.parse(m.status.until) : null,
        }
      : null,
    busy: m.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end), kind: b.kind })),
    hours: m.workingHours ?? undefined,
    timezone: m.timezone ?? undefined,
  };
}

export const viewStatus = (m: MemberView, now: number): Status => computeStatus(personFromView(m), now);
