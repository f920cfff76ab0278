import { describe, expect, it } from 'vitest';
import { busy, ics } from '../../support/ics';

const march = ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'] as const;

describe('recurrence', () => {
  it('adds RDATE periods with their own length and drops EXDATE instances', () => {
    const text = ics([
      'DTSTART:20260302T090000Z',
      'DTEND:20260302T100000Z',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'EXDATE:20260309T090000Z',
      'RDATE;VALUE=PERIOD:20260304T130000Z/20260304T160000Z,20260305T130000Z/PT30M',
    ]);
    expect(busy(text, ...march).busy).toEqual([
      '2026-03-02T09:00:00Z/2026-03-02T10:00:00Z busy',
      '2026-03-04T13:00:00Z/2026-03-04T16:00:00Z busy',
      '2026-03-05T13:00:00Z/2026-03-05T13:30:00Z busy',
      '2026-03-16T09:00:00Z/2026-03-16T10:00:00Z busy',
    ]);
  });

  it('applies RANGE=THISANDFUTURE to the instance and every later one', () => {
    const text = ics(
      ['UID:r', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'RRULE:FREQ=DAILY;COUNT=4'],
      [
        'UID:r',
        'RECURRENCE-ID;RANGE=THISANDFUTURE:20260303T090000Z',
        'DTSTART:20260303T140000Z',
        'DTEND:20260303T143000Z',
      ],
    );
    expect(busy(text, ...march).busy).toEqual([
      '2026-03-02T09:00:00Z/2026-03-02T10:00:00Z busy',
      '2026-03-03T14:00:00Z/2026-03-03T14:30:00Z busy',
      '2026-03-04T14:00:00Z/2026-03-04T14:30:00Z busy',
      '2026-03-05T14:00:00Z/2026-03-05T14:30:00Z busy',
    ]);
  });

  it('follows an override moved into the window from outside it, and one moved out', () => {
    const text = ics(
      ['UID:m', 'DTSTART:20260220T090000Z', 'DTEND:20260220T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=4'],
      ['UID:m', 'RECURRENCE-ID:20260227T090000Z', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z'],
      ['UID:m', 'RECURRENCE-ID:20260306T090000Z', 'DTSTART:20260410T090000Z', 'DTEND:20260410T100000Z'],
    );
    expect(busy(text, ...march).busy).toEqual([
      '2026-03-02T09:00:00Z/2026-03-02T10:00:00Z busy',
      '2026-03-13T09:00:00Z/2026-03-13T10:00:00Z busy',
    ]);
  });

  it('keeps an override whose master is missing as a single event', () => {
    const text = ics([
      'UID:orphan',
      'RECURRENCE-ID:20260302T090000Z',
      'DTSTART:20260302T110000Z',
      'DTEND:20260302T120000Z',
    ]);
    expect(busy(text, ...march).busy).toEqual(['2026-03-02T11:00:00Z/2026-03-02T12:00:00Z busy']);
  });

  it('cancels one instance through a cancelled override', () => {
    const text = ics(
      ['UID:c', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'RRULE:FREQ=DAILY;COUNT=2'],
      [
        'UID:c',
        'RECURRENCE-ID:20260303T090000Z',
        'DTSTART:20260303T090000Z',
        'DTEND:20260303T100000Z',
        'STATUS:CANCELLED',
      ],
    );
    expect(busy(text, ...march).busy).toEqual(['2026-03-02T09:00:00Z/2026-03-02T10:00:00Z busy']);
  });

  it('gives a date-time event with no end no busy time, and an all-day one a full day', () => {
    const text = ics(['DTSTART:20260302T090000Z'], ['DTSTART;VALUE=DATE:20260304']);
    expect(busy(text, ...march).busy).toEqual(['2026-03-03T23:00:00Z/2026-03-04T23:00:00Z busy']);
  });
});

describe('pathological input never hangs', () => {
  it('an endless MINUTELY rule begun ten years ago costs only its window', () => {
    const text = ics(['DTSTART:20160101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY;INTERVAL=1']);
    const got = busy(text, '2026-03-10T00:00:00Z', '2026-03-10T06:00:00Z');
    expect(got.busy).toEqual(['2026-03-10T00:00:00Z/2026-03-10T06:00:00Z busy']);
    expect(got.warnings).toEqual([]);
  });

  it('a counted SECONDLY rule that would take millions of steps stops with a warning', () => {
    const text = ics([
      'UID:sec',
      'DTSTART:20160101T000000Z',
      'DURATION:PT1S',
      'RRULE:FREQ=SECONDLY;COUNT=900000000',
    ]);
    const got = busy(text, '2026-03-10T00:00:00Z', '2026-03-10T06:00:00Z');
    expect(got.busy).toEqual([]);
    expect(got.warnings).toEqual(['event #1: recurrence rule stopped after 50000 steps in this window']);
  });

  it('500 consecutive EXDATEs leave the instances after them', () => {
    const exdates = Array.from({ length: 500 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 0, 1 + i));
      return `EXDATE:${d.toISOString().slice(0, 10).replaceAll('-', '')}T090000Z`;
    });
    const text = ics([
      'DTSTART:20260101T090000Z',
      'DTEND:20260101T100000Z',
      'RRULE:FREQ=DAILY;COUNT=502',
      ...exdates,
    ]);
    expect(busy(text, '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z').busy).toEqual([
      '2027-05-16T09:00:00Z/2027-05-16T10:00:00Z busy',
      '2027-05-17T09:00:00Z/2027-05-17T10:00:00Z busy',
    ]);
  });

  it('a YEARLY rule with huge BY-lists finishes', () => {
    const days = Array.from({ length: 31 }, (_, i) => i + 1).join(',');
    const hours = Array.from({ length: 24 }, (_, i) => i).join(',');
    const text = ics([
      'DTSTART:20100101T000000Z',
      'DURATION:PT1M',
      `RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=${days};BYHOUR=${hours};BYMINUTE=0,30`,
    ]);
    const got = busy(text, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    expect(got.busy).toHaveLength(48);
  });

  it('a broken file is a warning, not a crash', () => {
    const got = busy('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n', ...march);
    expect(got.busy).toEqual([]);
    expect(got.warnings.join(' ')).toMatch(/could not be read|skipped/);
  });
});

describe('long-running monthly and yearly rules with BY-parts', () => {
  it('the first Sunday of April, every year since 2002, is there in 2024', () => {
    const text = ics([
      'DTSTART:20020407T090000Z',
      'DTEND:20020407T100000Z',
      'RRULE:FREQ=MONTHLY;BYMONTH=4;BYDAY=1SU',
    ]);
    expect(busy(text, '2024-04-01T00:00:00Z', '2024-04-30T00:00:00Z').busy).toEqual([
      '2024-04-07T09:00:00Z/2024-04-07T10:00:00Z busy',
    ]);
  });

  it('the last Sunday of March, yearly since 2000, is there in 2026', () => {
    const text = ics([
      'DTSTART:20000326T090000Z',
      'DTEND:20000326T100000Z',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    ]);
    expect(busy(text, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z').busy).toEqual([
      '2026-03-29T09:00:00Z/2026-03-29T10:00:00Z busy',
    ]);
  });
});
