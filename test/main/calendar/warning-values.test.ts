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
