// What must never happen in a status label, over random people, zones and clocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/availability/segments';
import { workingSpans, wallDayStart, type WorkingHours } from '../../../shared/availability/working-hours';
import { statusLabel } from '../../../shared/i18n/status-messages';
import { askDelivery } from '../../../shared/asks/ask-delivery';
import { findCommonSlots } from '../../../shared/availability/find-time';
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

/** Instants from a to b (b excluded) on a grid fine enough for data on 15-minute steps. */
function instants(a: number, b: number): number[] {
  const out = [a];
  for (
    let s = Math.ceil((a + 1) / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
    s < b && out.length < 400;
    s += 15 * MINUTE_MS
  )
    out.push(s);
  if (b - 1 > a) out.push(b - 1);
  return out;
}

describe('the label is true until its time, and changes at it (fast-check)', () => {
  it('the displayed state holds until the label’s time and changes there', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const person = build(p);
        const status = computeStatus(person, p.t);
        const end = status.state === 'free' ? status.freeUntil : status.until;
        if (end === null || status.state === 'off' || status.state === 'oof') return;
        for (const s of instants(p.t, end)) expect(computeStatus(person, s).state).toBe(status.state);
        expect(computeStatus(person, end).state).not.toBe(status.state);
        if (status.state === 'free') expect(computeStatus(person, end).state).toBe(status.then);
      }),
      { numRuns: 500 },
    );
  });

  it('nothing in a status changes before its nextChange (what lets the core reuse it until then)', () => {
    fc.assert(
      fc.property(personArb, fc.integer({ min: 1, max: 14 * 24 * 60 }), (p, minutes) => {
        const person = build(p);
        const status = computeStatus(person, p.t);
        const later = p.t + minutes * MINUTE_MS;
        if (status.nextChange !== null && later >= status.nextChange) return;
        expect(computeStatus(person, later)).toEqual(status);
      }),
      { numRuns: 500 },
    );
  });

  it('"back" is the first working instant not out of office; nothing before it is', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const person = build(p);
        const status = computeStatus(person, p.t);
        const back = status.state === 'off' || status.state === 'oof' ? status.until : status.oofUntil;
        if (back === null) return;
        const oofAt = (at: number) => p.busy.some((s) => s.kind === 'oof' && s.start <= at && at < s.end);
        const atWork = (at: number) => inWorkingHours(p.hours, p.tz, at) && !oofAt(at);
        expect(atWork(back)).toBe(true);
        for (const s of instants(p.t, back)) expect(atWork(s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('"free at" is when an ask is delivered and where find-a-time’s first slot starts', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const person = build(p);
        const status = computeStatus(person, p.t);
        const firstFree = status.state === 'free' ? p.t : status.freeAt !== null ? status.freeAt : undefined;
        if (firstFree === undefined) return;
        const delivery = askDelivery(person, p.t);
        expect(delivery.at).toBe(firstFree);
        if (firstFree > p.t)
          for (const s of instants(p.t, firstFree)) expect(computeStatus(person, s).state).not.toBe('free');
        if (person.manual) return; // find-a-time reads calendars and hours, not manual statuses
        const [slot] = findCommonSlots(
          [{ busy: person.busy, hours: person.hours, timezone: person.timezone }],
          { from: p.t, to: p.t + 30 * DAY_MS },
          1,
        );
        expect(slot?.from).toBe(firstFree);
      }),
      { numRuns: 500 },
    );
  });
});
