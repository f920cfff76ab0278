import { describe, expect, it } from 'vitest';
import { mergeSegments, type Segment } from '../../../shared/availability/segments';
import { summarize } from '../../../shared/availability/summary';
import { parseWorkingHours } from '../../../shared/availability/working-hours';
import { isoInstant, parseInstant } from '../../../shared/time/zoned-time';

const hours = parseWorkingHours('mon-fri 09:00-18:00');
const seg = (start: string, end: string, kind: Segment['kind'] = 'busy'): Segment => ({
  start: parseInstant(start),
  end: parseInstant(end),
  kind,
});
// Tuesday 10 March 2026, Paris (UTC+1): 09:00 local is 08:00Z.
const window = { from: parseInstant('2026-03-09T00:00:00Z'), to: parseInstant('2026-03-23T00:00:00Z') };
const segments = mergeSegments(
  [
    seg('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z'),
    seg('2026-03-10T09:00:00Z', '2026-03-10T09:30:00Z', 'tentative'),
    seg('2026-03-10T10:00:00Z', '2026-03-10T10:15:00Z'),
    seg('2026-03-10T13:00:00Z', '2026-03-10T17:00:00Z'),
  ],
  window,
);
const at = (now: string) =>
  summarize({ segments, window, now: parseInstant(now), tz: 'Europe/Paris', hours });
const text = (ms: number | null) => (ms === null ? null : isoInstant(ms));

describe('availability at a glance', () => {
  it('in a meeting: busy until the end of the contiguous run, whatever its kinds', () => {
    const s = at('2026-03-10T08:15:00Z');
    expect(s.state).toBe('busy');
    expect(text(s.busyUntil)).toBe('2026-03-10T09:30:00Z');
    expect(s.freeUntil).toBeNull();
  });

  it('free now: free until the next busy segment, and the next slot long enough', () => {
    const s = at('2026-03-10T09:40:00Z');
    expect(s.state).toBe('free');
    expect(text(s.freeUntil)).toBe('2026-03-10T10:00:00Z');
    // 09:40–10:00 is only 20 minutes: the first 30-minute slot starts at 10:15.
    expect(s.nextFree && [text(s.nextFree.from), text(s.nextFree.to)]).toEqual([
      '2026-03-10T10:15:00Z',
      '2026-03-10T13:00:00Z',
    ]);
  });

  it('after hours: the next free slot is the next working morning', () => {
    const s = at('2026-03-10T17:30:00Z');
    expect(s.nextFree && text(s.nextFree.from)).toBe('2026-03-11T08:00:00Z');
  });

  it('load today and this week are booked minutes over working minutes', () => {
    const s = at('2026-03-10T12:00:00Z');
    // 60 + 30 + 15 + 240 = 345 booked of 540 working minutes today; of 2,700 this week.
    expect(s.loadToday).toBeCloseTo(345 / 540, 3);
    expect(s.loadWeek).toBeCloseTo(345 / 2700, 3);
  });

  it('a weekend day has no working time: load 0, next slot on Monday', () => {
    const s = summarize({
      segments: [],
      window,
      now: parseInstant('2026-03-14T10:00:00Z'),
      tz: 'Europe/Paris',
      hours,
    });
    expect(s.loadToday).toBe(0);
    expect(s.nextFree && text(s.nextFree.from)).toBe('2026-03-16T08:00:00Z');
  });
});

describe('working hours', () => {
  it('reads several parts and split days', () => {
    const h = parseWorkingHours('mon-thu 09:00-12:30 13:30-18:00, fri 09:00-16:00');
    expect(h[1]).toEqual([
      { start: 540, end: 750 },
      { start: 810, end: 1080 },
    ]);
    expect(h[5]).toEqual([{ start: 540, end: 960 }]);
    expect(h[0]).toEqual([]);
  });

  it.each([
    ['mon-fri', 'expected days then times'],
    ['mon-fry 09:00-18:00', '"fry" is not a day'],
    ['mon 9x-18h', '"9x" is not a time like 09:00, 9am or 17h'],
    ['mon 13pm-5pm', '"13pm" is not a time like 09:00, 9am or 17h'],
    ['mon 09:00-09:00', '09:00-09:00 is empty'],
  ])('says what is wrong with "%s"', (spec, message) => {
    expect(() => parseWorkingHours(spec)).toThrow(message);
  });

  it('hours as people write them: "9am-5pm", "9-17", "9h-17h30", "12pm-12am" (noon to midnight)', () => {
    const nineToFive = [{ start: 540, end: 1020 }];
    expect(parseWorkingHours('mon-fri 9am-5pm')[1]).toEqual(nineToFive);
    expect(parseWorkingHours('mon-fri 9-17')[3]).toEqual(nineToFive);
    expect(parseWorkingHours('mon-fri 9:00AM-5:00PM')[5]).toEqual(nineToFive);
    expect(parseWorkingHours('lun 9h-17h30'.replace('lun', 'mon'))[1]).toEqual([{ start: 540, end: 1050 }]);
    expect(parseWorkingHours('sat 12pm-12am')[6]).toEqual([{ start: 720, end: 1440 }]);
  });

  it('a night shift runs into the next morning, Friday night into Saturday', () => {
    const h = parseWorkingHours('mon-fri 22:00-06:00');
    expect(h[1]).toEqual([{ start: 1320, end: 1440 }]);
    expect(h[2]).toEqual([
      { start: 0, end: 360 },
      { start: 1320, end: 1440 },
    ]);
    expect(h[6]).toEqual([{ start: 0, end: 360 }]);
    expect(h[0]).toEqual([]);
  });
});
