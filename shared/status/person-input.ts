import type { Segment } from '../availability/segments';
import type { WorkingHours } from '../availability/working-hours';
import { isKnownZone } from '../time/zoned-time';
import type { ManualState, PersonState } from './status-engine';

/** One member's data as it arrives from the server (or an older client): nothing trusted. */
export interface RawPerson {
  status: { state: string | null; emoji?: string | null; text?: string | null; until?: string | null } | null;
  /** null when the member never shared a calendar. */
  busy: readonly { start: string; end: string; kind: string }[] | null;
  workingHours?: WorkingHours | null;
  timezone?: string | null;
}

const manualStates = new Set(['available', 'focus', 'away', 'dnd']);
const kinds = new Set(['busy', 'focus', 'tentative', 'oof']);

/**
 * The status engine's input from one member's data, made safe: an unknown zone, malformed
 * hours or a broken segment spoil only what they touch (the zone is dropped, the segment
 * skipped), so one bad record never stops the board.
 */
export function personInput(raw: RawPerson): PersonState & { problems: string[] } {
  const problems: string[] = [];
  const zone = raw.timezone && isKnownZone(raw.timezone) ? raw.timezone : undefined;
  if (raw.timezone && !zone) problems.push(`unknown time zone "${raw.timezone}"`);
  const hours = zone && validHours(raw.workingHours) ? raw.workingHours! : undefined;
  if (raw.workingHours && zone && !hours) problems.push('unreadable working hours');
  const busy: Segment[] = [];
  for (const b of raw.busy ?? []) {
    const start = Date.parse(b.start);
    const end = Date.parse(b.end);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start || !kinds.has(b.kind)) continue;
    busy.push({ start, end, kind: b.kind as Segment['kind'] });
  }
  busy.sort((a, b) => a.start - b.start);
  const sorted = busy.filter((s, i) => i === 0 || s.start >= busy[i - 1]!.end);
  const s = raw.status;
  const until = s?.until ? Date.parse(s.until) : null;
  return {
    manual:
      s?.state && manualStates.has(s.state) && (until === null || Number.isFinite(until))
        ? { state: s.state as ManualState, emoji: s.emoji ?? null, text: s.text ?? null, until }
        : null,
    busy: sorted,
    hours,
    timezone: zone,
    shared: raw.busy !== null,
    problems,
  };
}

function validHours(hours: WorkingHours | null | undefined): boolean {
  return (
    Array.isArray(hours) &&
    hours.length === 7 &&
    hours.every(
      (day) =>
        Array.isArray(day) &&
        day.every(
          (h) =>
            Number.isInteger(h?.start) &&
            Number.isInteger(h?.end) &&
            h.start >= 0 &&
            h.end <= 1440 &&
            h.start < h.end,
        ),
    )
  );
}
