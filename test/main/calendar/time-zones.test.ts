import { describe, expect, it } from 'vitest';
import { busy, ics } from '../../support/ics';

describe('time zones', () => {
  it('reads a Windows zone name with no VTIMEZONE through the CLDR mapping', () => {
    const text = ics([
      'DTSTART;TZID=W. Europe Standard Time:20260310T090000',
      'DTEND;TZID=W. Europe Standard Time:20260310T100000',
    ]);
    expect(busy(text, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z')).toEqual({
      busy: ['2026-03-10T08:00:00Z/2026-03-10T09:00:00Z busy'],
      warnings: [],
    });
  });

  it('warns of an unknown TZID without quoting it, and reads the time in the user zone', () => {
    const text = ics([
      'DTSTART;TZID=Mars/Olympus:20260310T090000',
      'DTEND;TZID=Mars/Olympus:20260310T100000',
    ]);
    const got = busy(text, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z', { tz: 'Europe/Paris' });
    expect(got.busy).toEqual(['2026-03-10T08:00:00Z/2026-03-10T09:00:00Z busy']);
    expect(got.warnings).toEqual(['a time zone this computer does not know (TZID), read as Europe/Paris']);
  });

  it('keeps a weekly 09:00 meeting at 09:00 local across the spring DST change', () => {
    const text = ics([
      'DTSTART;TZID=Europe/Paris:20260323T090000',
      'DTEND;TZID=Europe/Paris:20260323T093000',
      'RRULE:FREQ=WEEKLY;COUNT=2',
    ]);
    expect(busy(text, '2026-03-20T00:00:00Z', '2026-04-05T00:00:00Z').busy).toEqual([
      '2026-03-23T08:00:00Z/2026-03-23T08:30:00Z busy',
      '2026-03-30T07:00:00Z/2026-03-30T07:30:00Z busy',
    ]);
  });

  it('makes an all-day event on the DST day 23 hours long, midnight to midnight local', () => {
    const text = ics(['DTSTART;VALUE=DATE:20260329', 'DTEND;VALUE=DATE:20260330']);
    expect(busy(text, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z').busy).toEqual([
      '2026-03-28T23:00:00Z/2026-03-29T22:00:00Z busy',
    ]);
  });

  it('reads floating times in X-WR-TIMEZONE when the calendar names one', () => {
    const text = ics(['DTSTART:20260310T090000', 'DTEND:20260310T100000']).replace(
      'VERSION:2.0',
      'VERSION:2.0\r\nX-WR-TIMEZONE:America/New_York',
    );
    expect(busy(text, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z').busy).toEqual([
      '2026-03-10T13:00:00Z/2026-03-10T14:00:00Z busy',
    ]);
  });

  it('matches an override to its instance whatever zone its RECURRENCE-ID is written in', () => {
    const text = ics(
      [
        'UID:s',
        'DTSTART;TZID=Europe/Paris:20260310T090000',
        'DTEND;TZID=Europe/Paris:20260310T100000',
        'RRULE:FREQ=DAILY;COUNT=3',
      ],
      ['UID:s', 'RECURRENCE-ID:20260311T080000Z', 'DTSTART:20260311T140000Z', 'DTEND:20260311T150000Z'],
    );
    expect(busy(text, '2026-03-10T00:00:00Z', '2026-03-13T00:00:00Z').busy).toEqual([
      '2026-03-10T08:00:00Z/2026-03-10T09:00:00Z busy',
      '2026-03-11T14:00:00Z/2026-03-11T15:00:00Z busy',
      '2026-03-12T08:00:00Z/2026-03-12T09:00:00Z busy',
    ]);
  });
});
