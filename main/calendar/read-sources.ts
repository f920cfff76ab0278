import type { TimeWindow } from '../../shared/availability/segments';
import type { AvailabilityEngine } from './availability-engine';
import type { CalendarSource } from './sources/calendar-source';

/**
 * Reads every source into the engine. One that fails becomes a warning for that source
 * and keeps its last good data; the others are unaffected. Returns how many were read.
 */
export async function readSources(
  engine: AvailabilityEngine,
  sources: readonly CalendarSource[],
  window: TimeWindow,
): Promise<number> {
  const results = await Promise.allSettled(sources.map((s) => s.read(window)));
  let read = 0;
  results.forEach((result, i) => {
    const source = sources[i]!;
    if (result.status === 'fulfilled') {
      engine.setSource(source.name, result.value);
      read++;
    } else {
      engine.setFailure(source.name, (result.reason as Error).message);
    }
  });
  return read;
}
