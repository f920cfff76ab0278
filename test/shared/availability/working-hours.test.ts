// Hours kept by the server become a new device's setting: written back as text, read to the same hours.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatWorkingHours,
  parseWorkingHours,
  type WorkingHours,
} from '../../../shared/availability/working-hours';

const day = fc
  .uniqueArray(fc.integer({ min: 0, max: 24 * 4 }), { maxLength: 6 })
  .map((marks) => marks.sort((a, b) => a - b))
  .map((marks) => {
    const spans = [];
    for (let i = 0; i + 1 < marks.length; i += 2)
      spans.push({ start: marks[i]! * 15, end: marks[i + 1]! * 15 });
    return spans;
  });

describe('working hours as text', () => {
  it('any hours written back read as the same hours', () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 7, maxLength: 7 }), (hours: WorkingHours) => {
        const text = formatWorkingHours(hours);
        if (hours.every((d) => d.length === 0)) expect(text).toBe('');
        else expect(parseWorkingHours(text)).toEqual(hours);
      }),
      { numRuns: 300 },
    );
  });

  it('reads as a person would write it', () => {
    expect(formatWorkingHours(parseWorkingHours('mon-fri 9am-5pm'))).toBe('mon-fri 09:00-17:00');
    expect(formatWorkingHours(parseWorkingHours('mon-thu 9-12 13-18, fri 9-16, sat 10h-14h'))).toBe(
      'mon-thu 09:00-12:00 13:00-18:00, fri 09:00-16:00, sat 10:00-14:00',
    );
    expect(formatWorkingHours(parseWorkingHours('mon 22:00-06:00'))).toBe('mon 22:00-24:00, tue 00:00-06:00');
  });
});
