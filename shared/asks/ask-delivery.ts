import { computeStatus, type DisplayState, type PersonState } from '../status/status-engine';

/** A delivery time that means "when they change their status" (no end known). */
export const UNTIL_CHANGED = Date.UTC(9999, 11, 31);

/** States in which a person can be asked: free, or not known to be otherwise. */
const reachable = new Set<DisplayState>(['free', 'unknown']);

/**
 * When an ask reaches a person: at once if they can be asked now (not in a meeting, not in
 * focus, do-not-disturb or away, not out of office, inside their working hours), else at the
 * first moment every such reason has ended. One function for the server (which delivers)
 * and the desktop (which says "reaches Ana at 15:30, after her meeting" even offline).
 */
export function askDelivery(person: PersonState, now: number): { at: number; waitsFor: DisplayState | null } {
  const status = computeStatus(person, now);
  if (reachable.has(status.state)) return { at: now, waitsFor: null };
  let at = status.until;
  for (let step = 0; step < 64 && at !== null; step++) {
    const later = computeStatus(person, at);
    if (reachable.has(later.state)) return { at, waitsFor: status.state };
    if (later.until === null || later.until <= at) break;
    at = later.until;
  }
  // No end known (do-not-disturb without an expiry): it waits until they change it.
  return { at: UNTIL_CHANGED, waitsFor: status.state };
}
