// Random damage to real calendar files never crashes or hangs the reader: it reads what it
// can and says what it could not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../../main/calendar/read-calendar';
import { corpusText, loadCorpus } from '../../support/corpus';
import { ics } from '../../support/ics';

// Calendars written here, so the property runs even where the shared corpus is absent
// (under CI=true a missing corpus fails loadCorpus itself).
const written = [
  ics(
    [
      'DTSTART;TZID=Europe/Paris:20240102T090000',
      'DTEND;TZID=Europe/Paris:20240102T100000',
      'RRULE:FREQ=DAILY;COUNT=10',
      'EXDATE;TZID=Europe/Paris:20240104T090000',
      'SUMMARY:Standup',
    ],
    [
      'UID:event-0@test',
      'RECURRENCE-ID;TZID=Europe/Paris:20240103T090000',
      'DTSTART;TZID=Europe/Paris:20240103T110000',
      'DTEND;TZID=Europe/Paris:20240103T120000',
    ],
    ['DTSTART;VALUE=DATE:20240108', 'DTEND;VALUE=DATE:20240110', 'SUMMARY:Off site', 'TRANSP:OPAQUE'],
    ['DTSTART:20240111T130000Z', 'DURATION:PT90M', 'STATUS:TENTATIVE'],
  ),
];

const corpus = loadCorpus();
const texts = [
  ...written,
  ...(corpus ? [...new Set(corpus.cases.map((c) => c.file))].slice(0, 40).map(corpusText) : []),
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('duplicate-line'), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-line'), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
);

type Step = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function damage(text: string, steps: Step[]): string {
  let out = text;
  for (const step of steps) {
    const at = step.at % Math.max(1, out.length);
    if (step.kind === 'delete') out = out.slice(0, at) + out.slice(at + step.length);
    else if (step.kind === 'insert') out = out.slice(0, at) + step.text + out.slice(at);
    else if (step.kind === 'truncate') out = out.slice(0, at);
    else {
      const lines = out.split('\n');
      const i = step.at % lines.length;
      if (step.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else lines.splice(i, 1);
      out = lines.join('\n');
    }
  }
  return out;
}

describe('damaged calendars', () => {
  it('never crash the reader; what it skips it says', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (original, steps) => {
          const text = damage(original, steps);
          const read = readCalendar(text, {
            tz: 'Europe/Paris',
            window: { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 15) },
          });
          expect(Array.isArray(read.segments)).toBe(true);
          for (const s of read.segments) expect(s.end).toBeGreaterThan(s.start);
          for (const w of read.warnings) expect(typeof w).toBe('string');
        },
      ),
      { numRuns: 250 },
    );
  });
});
