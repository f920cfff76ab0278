import { describe, expect, it } from 'vitest';
import { findCommonSlots } from '../../../shared/availability/find-time';
import { parseWorkingHours } from '../../../shared/availability/working-hours';
import { isoInstant, parseInstant } from '../../../shared/time/zoned-time';

const at = parseInstant;
const seg = (start: string, end: string) => ({ start: at(start), end: at(end), kind: 'busy' as const });
const window = { from: at('2026-03-10T08:00:00Z'), to: at('2026-03-12T00:00:00Z') };
const slots = (list: { from: number; to: number }[]) =>
  list.map((s) => `${isoInstant(s.from)}/${isoInstant(s.to)}`);

describe('find a time', () => {
  it('intersects everyone’s free time inside everyone’s working hours', () => {
    const paris = { hours: parseWorkingHours('mon-fri 09:00-18:00'), timezone: 'Europe/Paris' };
    const newYork = { hours: parseWorkingHours('mon-fri 09:00-17:00'), timezone: 'America/New_York' };
    const ana = { ...paris, busy: [seg('2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z')] };
    const bob = { ...newYork, busy: [seg('2026-03-10T15:00:00Z', '2026-03-10T15:30:00Z')] };
    // New York opens at 13:00Z; Paris closes at 17:00Z; Ana busy 13–14, Bob 15–15:30.
    expect(slots(findCommonSlots([ana, bob], window, 30))).toEqual([
      '2026-03-10T14:00:00Z/2026-03-10T15:00:00Z',
      '2026-03-10T15:30:00Z/2026-03-10T17:00:00Z',
      '2026-03-11T13:00:00Z/2026-03-11T17:00:00Z',
    ]);
    expect(slots(findCommonSlots([ana, bob], window, 120))).toEqual([
      '2026-03-11T13:00:00Z/2026-03-11T17:00:00Z',
    ]);
  });

  it('someone who works around the clock is free across midnight: one stretch, not two days', () => {
    const allDay = { hours: parseWorkingHours('mon-sun 00:00-24:00'), timezone: 'UTC' };
    const cleo = { ...allDay, busy: [seg('2026-03-10T08:00:00Z', '2026-03-10T23:15:00Z')] };
    const dan = { ...allDay, busy: [seg('2026-03-11T01:00:00Z', '2026-03-11T02:00:00Z')] };
    expect(slots(findCommonSlots([cleo, dan], window, 60))[0]).toBe(
      '2026-03-10T23:15:00Z/2026-03-11T01:00:00Z',
    );
  });

  it('nobody chosen, no slot', () => {
    expect(findCommonSlots([], window, 30)).toEqual([]);
  });
});
