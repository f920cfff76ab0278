// Finding 13 of the live review: calendar warnings quoted TZID and UID values from the file.
import { describe, expect, it } from 'vitest';
import { busy, ics } from '../../support/ics';

const hostile = 'Evil\u001b]0;TITLE\u0007 <script>';

describe('calendar warnings name the event and the kind of problem, never a value from the file', () => {
  it('an unknown TZID, a shared UID, a broken rule and an unreadable event', () => {
    const text = ics(
      [
        `UID:${hostile}`,
        `DTSTART;TZID=${hostile}:20260310T090000`,
        'DTEND;TZID=Europe/Paris:20260310T100000',
      ],
      [`UID:${hostile}`, 'DTSTART:20260311T090000Z', 'DTEND:20260311T100000Z'],
      ['UID:rule', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', `RRULE:FREQ=DAILY;X-${hostile}=1`],
      ['UID:broken', 'DTEND:20260310T100000Z'],
    );
    const { warnings } = busy(text, '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z');
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    for (const warning of warnings) {
      expect(warning).not.toContain('Evil');
      expect(warning).not.toContain('script');
      // eslint-disable-next-line no-control-regex -- no escape or bell may reach Settings or a terminal
      expect(warning).not.toMatch(/[\u001b\u0007]/);
    }
    expect(warnings).toEqual(
      expect.arrayContaining([
        'a time zone this computer does not know (TZID), read as Europe/Paris',
        'event #2 has the UID of an earlier event with another start: both are kept',
        'event #4 skipped: has no DTSTART',
      ]),
    );
  });
});

describe('what exporters write wrongly is read leniently, and said', () => {
  const week = ['2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z'] as const;

  it('an all-day event whose DTEND is its DTSTART is one whole day (DAVx5), with a warning', () => {
    const text = ics([
      'DTSTART;VALUE=DATE:20260310',
      'DTEND;VALUE=DATE:20260310',
      'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
    ]);
    const { busy: got, warnings } = busy(text, ...week);
    expect(got).toEqual(['2026-03-09T23:00:00Z/2026-03-10T23:00:00Z oof']);
    expect(warnings).toEqual(['event #1: an all-day event that ends on the day it starts: read as one day']);
  });

  it('a letter after a time, and a Z after a date, are read as meant and said', () => {
    const text = ics(
      ['DTSTART:20260310T170000T', 'DTEND:20260310T180000T'],
      ['DTSTART:20260312Z', 'DTEND:20260313Z'],
    );
    const { busy: got, warnings } = busy(text, ...week);
    expect(got).toEqual([
      '2026-03-10T16:00:00Z/2026-03-10T17:00:00Z busy',
      '2026-03-11T23:00:00Z/2026-03-12T23:00:00Z busy',
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        '2 date-times with a letter after the time: read without it',
        '2 dates written with a Z and no time: read as whole days',
      ]),
    );
  });

  it('bytes that are not UTF-8 are said', () => {
    const text = ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:R\uFFFDunion']);
    expect(busy(text, ...week).warnings).toEqual([
      'bytes that are not UTF-8 (a file in another encoding?): those characters are read as �',
    ]);
  });

  it('a RECURRENCE-ID written as a date on a series with times moves that day, no double booking', () => {
    const text = ics(
      ['UID:s', 'DTSTART:20260309T090000Z', 'DTEND:20260309T100000Z', 'RRULE:FREQ=DAILY;COUNT=3'],
      ['UID:s', 'RECURRENCE-ID;VALUE=DATE:20260310', 'DTSTART:20260310T140000Z', 'DTEND:20260310T150000Z'],
    );
    const { busy: got, warnings } = busy(text, ...week, { tz: 'UTC' });
    expect(got).toEqual([
      '2026-03-09T09:00:00Z/2026-03-09T10:00:00Z busy',
      '2026-03-10T14:00:00Z/2026-03-10T15:00:00Z busy',
      '2026-03-11T09:00:00Z/2026-03-11T10:00:00Z busy',
    ]);
    expect(warnings).toEqual([
      'event #1: a RECURRENCE-ID written as a date on a series with times: it replaces that day’s occurrence',
    ]);
  });
});
