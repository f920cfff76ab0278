// One person, several devices: what teammates see is every device's busy time, and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busyKinds } from '../../../shared/availability/segments';
import type { AvailabilityBody } from '../../../shared/protocol/schemas';
import { joinAvailability } from '../../../server/store/join-availability';

const now = Date.parse('2026-12-08T10:00:00Z');
const iso = (minutes: number) => new Date(now + minutes * 60_000).toISOString().replace('.000Z', 'Z');
const rank = (kind: string) => busyKinds.indexOf(kind as (typeof busyKinds)[number]);

const part = fc
  .array(
    fc.record({
      start: fc.integer({ min: -600, max: 3_000 }),
      length: fc.integer({ min: 5, max: 300 }),
      kind: fc.constantFrom(...busyKinds),
    }),
    { maxLength: 25 },
  )
  .map((spans): AvailabilityBody => ({
    window: { from: iso(-720), to: iso(3_600) },
    busy: spans
      .sort((a, b) => a.start - b.start)
      .map((s) => ({ start: iso(s.start), end: iso(s.start + s.length), kind: s.kind })),
  }));

/** The strongest kind any of these devices is busy with at this minute, or -1 when free. */
const strongestAt = (parts: readonly AvailabilityBody[], t: number) =>
  Math.max(
    -1,
    ...parts.flatMap((p) =>
      p.busy.filter((s) => Date.parse(s.start) <= t && t < Date.parse(s.end)).map((s) => rank(s.kind)),
    ),
  );

describe('joining the availability of one person’s devices', () => {
  it('at every minute the person is busy exactly when some device is, with the strongest kind', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 4 }), (parts) => {
        const joined = joinAvailability(parts, {}, now);
        for (let i = 1; i < joined.busy.length; i++)
          expect(Date.parse(joined.busy[i]!.start)).toBeGreaterThanOrEqual(
            Date.parse(joined.busy[i - 1]!.end),
          );
        for (let m = -600; m < 3_300; m += 5) {
          const t = now + m * 60_000 + 1;
          const seen = joined.busy.find((s) => Date.parse(s.start) <= t && t < Date.parse(s.end));
          expect(seen ? rank(seen.kind) : -1).toBe(strongestAt(parts, t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('one device is passed through as it published; a device whose window has passed no longer counts', () => {
    const laptop: AvailabilityBody = {
      window: { from: iso(-60), to: iso(600) },
      busy: [{ start: iso(30), end: iso(90), kind: 'busy' }],
      loadToday: 0.4,
    };
    expect(joinAvailability([laptop], {}, now)).toBe(laptop);
    const closedForWeeks: AvailabilityBody = {
      window: { from: iso(-40_000), to: iso(-20_000) },
      busy: [{ start: iso(-30_000), end: iso(-29_000), kind: 'oof' }],
    };
    expect(joinAvailability([closedForWeeks, laptop], {}, now)).toBe(laptop);
  });

  it("the load is counted in the person's own zone and hours over the joined time; titles are not doubled", () => {
    const hours = [[], ...Array.from({ length: 5 }, () => [{ start: 9 * 60, end: 17 * 60 }]), []];
    const morning: AvailabilityBody = {
      window: { from: iso(-600), to: iso(7_000) },
      busy: [{ start: iso(-60), end: iso(60), kind: 'busy' }],
      titles: [{ start: iso(-60), title: 'Standup' }],
    };
    const afternoon: AvailabilityBody = {
      window: { from: iso(-600), to: iso(7_000) },
      busy: [{ start: iso(180), end: iso(300), kind: 'busy' }],
      titles: [{ start: iso(-60), title: 'Standup' }],
    };
    // Tuesday 10:00 UTC = 11:00 in Paris: 9:00–17:00 there, 4 hours booked of 8.
    const joined = joinAvailability(
      [morning, afternoon],
      { timezone: 'Europe/Paris', workingHours: hours },
      now,
    );
    expect(joined.loadToday).toBe(0.5);
    expect(joined.titles).toEqual([{ start: iso(-60), title: 'Standup' }]);
  });
});
