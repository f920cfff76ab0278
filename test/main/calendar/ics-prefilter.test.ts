import { describe, expect, it } from 'vitest';
import { prefilterIcs } from '../../../main/calendar/ics-prefilter';
import { expandCalendar, parseCalendar, readCalendar } from '../../../main/calendar/read-calendar';
import { ics } from '../../support/ics';
import { corpusText, loadCorpus } from '../../support/corpus';

const horizon = Date.parse('2026-03-01T00:00:00Z');
const past = ['DTSTART:20250110T090000Z', 'DTEND:20250110T100000Z'];

describe('skipping past events before parsing', () => {
  it('drops only single events that ended well before the horizon', () => {
    const text = ics(
      ['UID:old', ...past],
      ['UID:recent', 'DTSTART:20260227T090000Z', 'DTEND:20260227T100000Z'],
      ['UID:weekly', ...past, 'RRULE:FREQ=WEEKLY'],
      ['UID:moved', 'RECURRENCE-ID:20250110T090000Z', ...past],
      ['UID:long', 'DTSTART:20250110T090000Z', 'DURATION:P500D'],
      ['UID:twice', ...past],
      ['UID:twice', 'SEQUENCE:2', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z'],
      [
        'UID:folded',
        'DTSTART;TZID=America/Argentina/ComodRivadavia:20250110T0900',
        ' 00',
        'DTEND:20250110T100000Z',
      ],
      ['uid:lower', 'dtstart:20250110T090000Z', 'rrule:FREQ=DAILY'],
    );
    const result = prefilterIcs(text, horizon);
    expect(result.events).toBe(9);
    expect(result.dropped).toBe(1);
    expect(result.text).not.toContain('UID:old');
    for (const kept of ['recent', 'weekly', 'moved', 'long', 'twice', 'folded', 'lower'])
      expect(result.text.toLowerCase()).toContain(`uid:${kept}`);
  });

  it('drops single events that start well after the window too, and nothing else', () => {
    const until = Date.parse('2026-03-20T00:00:00Z');
    const text = ics(
      ['UID:soon', 'DTSTART:20260321T090000Z', 'DTEND:20260321T100000Z'],
      ['UID:later', 'DTSTART:20260601T090000Z', 'DTEND:20260601T100000Z'],
      ['UID:weekly-later', 'DTSTART:20260601T090000Z', 'DTEND:20260601T100000Z', 'RRULE:FREQ=WEEKLY'],
    );
    const result = prefilterIcs(text, horizon, until);
    expect(result.dropped).toBe(1);
    expect(result.text).not.toContain('UID:later\r');
    expect(result.text).toContain('UID:soon');
    expect(result.text).toContain('UID:weekly-later');
  });

  it('reads every corpus file the same with both filters as with none', () => {
    for (const c of loadCorpus()?.cases ?? []) {
      const window = { from: Date.parse(c.from), to: Date.parse(c.to) };
      const text = corpusText(c.file);
      const whole = expandCalendar(parseCalendar(text, c.tz), { window, tz: c.tz });
      expect(readCalendar(text, { window, tz: c.tz }).segments, c.file).toEqual(whole.segments);
    }
  });

  it('gives the same busy time as parsing everything, on every corpus file', () => {
    const corpus = loadCorpus();
    for (const c of corpus?.cases ?? []) {
      const window = { from: Date.parse(c.to) - 30 * 86_400_000, to: Date.parse(c.to) };
      const text = corpusText(c.file);
      const withFilter = readCalendar(text, { window, tz: c.tz });
      const unfiltered = readCalendar(text, {
        window: { from: Date.parse(c.from), to: window.to },
        tz: c.tz,
      });
      const clip = unfiltered.segments
        .map((s) => ({ ...s, start: Math.max(s.start, window.from) }))
        .filter((s) => s.end > window.from);
      expect(withFilter.segments, c.file).toEqual(clip);
    }
  });
});
