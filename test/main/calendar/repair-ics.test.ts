import { describe, expect, it } from 'vitest';
import { busy } from '../../support/ics';

const from = '2026-03-09T00:00:00Z';
const to = '2026-03-16T00:00:00Z';
const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, ...lines, 'END:VEVENT'];

describe('one bad line loses one line, never the file', () => {
  it('spaces in an RRULE, an Apple line without a colon and an unclosed quote are repaired or skipped', () => {
    const text = calendar(
      ...event(
        'a',
        'DTSTART:20260310T090000Z',
        'DTEND:20260310T100000Z',
        'RRULE:FREQ=DAILY;COUNT=2;BYDAY=TU, WE ',
      ),
      ...event('b', 'DTSTART:20260312T090000Z', 'DTEND:20260312T100000Z', 'X-APPLE-RADIUS=49.1'),
      ...event('c', 'DTSTART;TZID="Europe/Paris:20260313T100000', 'DTEND;TZID=Europe/Paris:20260313T110000'),
    );
    const read = busy(text, from, to);
    expect(read.busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z busy',
      '2026-03-11T09:00:00Z/2026-03-11T10:00:00Z busy',
      '2026-03-12T09:00:00Z/2026-03-12T10:00:00Z busy',
      '2026-03-13T09:00:00Z/2026-03-13T10:00:00Z busy',
    ]);
    expect(read.warnings).toEqual(
      expect.arrayContaining([
        'line 8: spaces in a recurrence rule, removed',
        'line 14: not a calendar property (no colon), left out',
        'line 18: an unclosed quote, read without quotes',
      ]),
    );
  });

  it('a date without VALUE=DATE is a whole day, with a warning; a bare VEVENT is read', () => {
    const read = busy(
      ['BEGIN:VEVENT', 'UID:x', 'DTSTART:20260311', 'DTEND:20260312', 'END:VEVENT'].join('\r\n'),
      from,
      to,
    );
    expect(read.busy).toEqual(['2026-03-10T23:00:00Z/2026-03-11T23:00:00Z busy']);
    expect(read.warnings).toEqual(
      expect.arrayContaining([
        'no VCALENDAR around the events: read as one calendar',
        'line 3: a date without VALUE=DATE, read as a whole day',
      ]),
    );
  });

  it('a file that is not a calendar says so in a sentence, and never quotes its content', () => {
    const netrc = 'machine example.com\nlogin ana\npassword hunter2-secret\n';
    const read = busy(netrc, from, to);
    expect(read.busy).toEqual([]);
    expect(read.warnings.join(' ')).toContain('not an iCalendar (.ics) calendar');
    expect(read.warnings.join(' ')).not.toContain('hunter2');
    expect(busy('\u0000\u0001garbage{]', from, to).warnings.join(' ')).toContain('not an iCalendar');
  });
});

describe('zones as Exchange and OWA write them', () => {
  it('a Windows display name without a VTIMEZONE maps to its zone, not to floating time', () => {
    const text = calendar(
      ...event(
        'w',
        'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260310T090000',
        'DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260310T100000',
      ),
      ...event(
        'p',
        'DTSTART;TZID="(UTC+01:00) Brussels, Copenhagen, Madrid, Paris":20260311T090000',
        'DTEND;TZID="(UTC+01:00) Brussels, Copenhagen, Madrid, Paris":20260311T100000',
      ),
    );
    // New York is on summer time from 8 March: 09:00 there is 13:00 UTC; Paris 09:00 is 08:00 UTC.
    expect(busy(text, from, to, { tz: 'Europe/London' }).busy).toEqual([
      '2026-03-10T13:00:00Z/2026-03-10T14:00:00Z busy',
      '2026-03-11T08:00:00Z/2026-03-11T09:00:00Z busy',
    ]);
  });

  it('the GMT names of Exchange 2007/2010 and old Outlook too, checked against their offset', () => {
    const at = (tzid: string) =>
      busy(
        calendar(
          ...event('g', `DTSTART;TZID="${tzid}":20260310T090000`, `DTEND;TZID="${tzid}":20260310T100000`),
        ),
        from,
        to,
        { tz: 'Europe/London' },
      );
    // Sydney is on summer time (+11) in March: 09:00 there is 22:00 UTC the day before.
    expect(at('(GMT+10:00) Canberra, Melbourne, Sydney').busy).toEqual([
      '2026-03-09T22:00:00Z/2026-03-09T23:00:00Z busy',
    ]);
    expect(at('(GMT-05:00) Eastern Time (US & Canada)').busy).toEqual([
      '2026-03-10T13:00:00Z/2026-03-10T14:00:00Z busy',
    ]);
    expect(at('(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London').busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z busy',
    ]);
    expect(at('(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna').busy).toEqual([
      '2026-03-10T08:00:00Z/2026-03-10T09:00:00Z busy',
    ]);
    // An offset that contradicts the cities is not guessed: a warning, read in the fallback zone.
    const wrong = at('(GMT+03:00) Canberra, Melbourne, Sydney');
    expect(wrong.warnings.join(' ')).toContain('a time zone this computer does not know');
  });
});

describe('two events that share a UID', () => {
  it('same SEQUENCE, different starts: both kept, with a warning; a higher SEQUENCE is a revision', () => {
    const twins = calendar(
      ...event('dup', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z'),
      ...event('dup', 'DTSTART:20260311T090000Z', 'DTEND:20260311T100000Z'),
    );
    const read = busy(twins, from, to);
    expect(read.busy).toHaveLength(2);
    expect(read.warnings).toContain(
      'event #2 has the UID of an earlier event with another start: both are kept',
    );
    expect(read.warnings.join(' ')).not.toContain('dup'); // the line and the kind of problem, never the value
    const revised = calendar(
      ...event('rev', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z'),
      ...event('rev', 'SEQUENCE:1', 'DTSTART:20260311T090000Z', 'DTEND:20260311T100000Z'),
    );
    expect(busy(revised, from, to).busy).toEqual(['2026-03-11T09:00:00Z/2026-03-11T10:00:00Z busy']);
  });
});

describe('VTIMEZONEs that list their changes as dates', () => {
  it('every date of an RDATE list and the block’s own start are changes (a 7-hour event stays 7 hours)', () => {
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Europe_Berlin',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RDATE:20260329T020000,20270328T020000',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RDATE:20261025T030000,20271031T030000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const text = calendar(
      ...zone,
      ...event(
        'summer',
        'DTSTART;TZID=Europe_Berlin:20260701T080000',
        'DTEND;TZID=Europe_Berlin:20260701T150000',
      ),
      ...event(
        'winter',
        'DTSTART;TZID=Europe_Berlin:20261201T090000',
        'DTEND;TZID=Europe_Berlin:20261201T100000',
      ),
    );
    expect(busy(text, '2026-06-29T00:00:00Z', '2026-07-06T00:00:00Z').busy).toEqual([
      '2026-07-01T06:00:00Z/2026-07-01T13:00:00Z busy',
    ]);
    expect(busy(text, '2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z').busy).toEqual([
      '2026-12-01T08:00:00Z/2026-12-01T09:00:00Z busy',
    ]);
  });
});
