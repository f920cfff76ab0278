import { publishLimits, type AvailabilityBody } from '../../shared/protocol/schemas';

/** The largest availability the server accepts: every segment and every title, at their limits. */
export function largestAvailability(seed: number): AvailabilityBody {
  const start = Date.parse('2026-03-09T00:00:00Z');
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString().replace('.000', '');
  return {
    window: { from: at(0), to: at(publishLimits.segments * 30) },
    busy: Array.from({ length: publishLimits.segments }, (_, i) => ({
      start: at(i * 30),
      end: at(i * 30 + 20),
      kind: 'busy' as const,
    })),
    titles: Array.from({ length: publishLimits.titles }, (_, i) => ({
      start: at(i * 30),
      title: `${seed} ${'x'.repeat(publishLimits.titleLength - 8)} ${i}`.slice(0, publishLimits.titleLength),
    })),
  };
}
