// What must never happen in a status label, over random people, zones and clocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/availability/segments';
import { workingSpans, wallDayStart, type WorkingHours } from '../../../shared/availability/working-hours';
import { statusLabel } from '../../../shared/i18n/status-messages';
import { computeStatus, type PersonState } from '../../../shared/status/status-engine';
import { DAY_MS, MINUTE_MS } from '../../../shared/time/zoned-time';

const base = Date.parse('2026-03-09T00:00:00Z');
const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];

const hoursArb: fc.Arbitrary<WorkingHours> = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: 22 * 4 }), fc.integer({ min: 1, max: 10 * 4 }))
      .map(([start, length]) => [{ start: start * 15, end: Math.min(1440, start * 15 + length * 15) }]),
    { minLength: 7, maxLength: 7 },
  )
  .map((days) => days.map((d, i) => (i === 0 || i === 6 ? [] : d)));

/** Sorted, non-overlapping segments over two weeks from base. */
const busyArb: fc.Arbitrary<Segment[]> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 14 * 96 }),
      fc.integer({ min: 1, max: 16 }),
      fc.constantFrom('busy', 'tentative', 'oof') as fc.Arbitrary<Segment['kind']>,
    ),
    { maxLength: 25 },
  )
  .map((raw) => {
    const out: Segment[] = [];
    for (const [q, len, kind] of raw.sort((a, b) => a[0] - b[0])) {
      const start = base + q * 15 * MINUTE_MS;
      const end = start + len * 15 * MINUTE_MS;
      if (out.length && start < out.at(-1)!.end) continue;
      out.push({ start, end, kind });
    }
    return out;
  });

const personArb = fc.record({
  tz: fc.constantFrom(...zones),
  hours: hoursArb,
  busy: busyArb,
  manual: fc.option(
    fc.record({
      state: fc.constantFrom('available', 'focus', 'away', 'dnd') as fc.Arbitrary<'focus'>,
      untilOffset: fc.option(fc.integer({ min: -600, max: 4 * 24 * 60 }), { nil: null }),
    }),
    { nil: null },
  ),
  t: fc.integer({ min: 0, max: 12 * 24 * 60 }).map((m) => base + m * MINUTE_MS),
  locale: fc.constantFrom('en', 'fr') as fc.Arbitrary<'en' | 'fr'>,
});

function build(p: {
  tz: string;
  hours: WorkingHours;
  busy: Segment[];
  manual: { state: 'focus'; untilOffset: number | null } | null;
  t: number;
}): PersonState {
  return {
    busy: p.busy,
    hours: p.hours,
    timezone: p.tz,
    manual: p.manual && {
      state: p.manual.state,
      until: p.manual.untilOffset === null ? null : p.t + p.manual.untilOffset * MINUTE_MS,
    },
  };
}

const inWorkingHours = (hours: WorkingHours, tz: string, at: number) =>
  workingSpans(hours, tz, wallDayStart(tz, at) - DAY_MS, 3).some((s) => s.from <= at && at < s.to);

describe('status labels never contradict themselves (fast-check)', () => {
  it('"until" never after "free at"; no time named is already past; "free at" is in working hours', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const status = computeStatus(build(p), p.t);
        for (const named of [status.until, status.freeAt, status.freeUntil, status.oofUntil])
          expect(named === null || named > p.t).toBe(true);
        if (status.until !== null && status.freeAt !== null)
          expect(status.until).toBeLessThanOrEqual(status.freeAt);
        if (status.freeAt !== null) {
          expect(inWorkingHours(p.hours, p.tz, status.freeAt)).toBe(true);
          expect(computeStatus(build(p), status.freeAt).state).toBe('free');
        }
        const label = statusLabel(status, p.t, p.locale, 'Europe/Paris');
        expect(label).not.toMatch(/NaN|Invalid|undefined|null/);
      }),
      { numRuns: 400 },
    );
  });

  it('out of office is visible even under a manual status', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const status = computeStatus(build(p), p.t);
        const oofNow = p.busy.some((s) => s.kind === 'oof' && s.start <= p.t && p.t < s.end);
        if (!oofNow) return;
        const label = statusLabel(status, p.t, 'en', p.tz);
        expect(label.toLowerCase()).toContain('out of office');
      }),
      { numRuns: 400 },
    );
  });
});
