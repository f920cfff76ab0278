import { AvailabilityEngine } from '../../main/calendar/availability-engine';
import { readSources } from '../../main/calendar/read-sources';
import type { CalendarSource } from '../../main/calendar/sources/calendar-source';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { isoInstant } from '../../shared/time/zoned-time';

/**
 * Reads a source through the engine, as the app does, into readable lines: busy blocks
 * ("03-10T09:00-10:00 busy"), places ("03-11 office Lyon") and warnings.
 */
export function readThroughEngine(source: CalendarSource, window: { from: number; to: number }, now: number) {
  const engine = new AvailabilityEngine({ tz: 'UTC', hours: parseWorkingHours('mon-fri 09:00-18:00') });
  return async () => {
    await readSources(engine, [source], window);
    const report = engine.report(window, now);
    return {
      busy: report.busy.map(
        (s) => `${isoInstant(s.start).slice(5, 16)}-${isoInstant(s.end).slice(11, 16)} ${s.kind}`,
      ),
      places: report.places.map((p) =>
        `${isoInstant(p.start).slice(5, 10)} ${p.kind} ${p.label ?? ''}`.trim(),
      ),
      warnings: report.warnings.map((w) => w.message),
    };
  };
}
