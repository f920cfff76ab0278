import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../../main/calendar/read-calendar';
import { isoInstant, parseInstant } from '../../../shared/time/zoned-time';
import { corpusText, loadCorpus, type CorpusCase } from '../../support/corpus';

const corpus = loadCorpus();

function busyOf(c: Pick<CorpusCase, 'file' | 'from' | 'to' | 'tz' | 'me'>) {
  const read = readCalendar(corpusText(c.file), {
    window: { from: parseInstant(c.from), to: parseInstant(c.to) },
    tz: c.tz,
    me: c.me ? [c.me] : [],
  });
  return {
    ...read,
    busy: read.segments.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), kind: s.kind })),
  };
}

/**
 * Where Ricochet answers differently from the reference, on purpose; each is argued from
 * RFC 5545 in docs/calendar-conformance.md and checked here for Ricochet's own answer.
 */
const documented: Record<string, (c: CorpusCase, got: ReturnType<typeof busyOf>) => void> = {
  'recurring-ical-events/issue_107_omitting_last_event.ics': (c, got) => {
    // UNTIL is inclusive: the instance at exactly UNTIL is the last one, not dropped.
    expect(got.busy.slice(0, -1)).toEqual(c.busy);
    expect(got.busy.at(-1)).toEqual({
      start: '2023-06-08T17:00:00Z',
      end: '2023-06-08T18:00:00Z',
      kind: 'busy',
    });
  },
  'recurring-ical-events/issue_148_ignored_exdate.ics': (c, got) => {
    // SEQUENCE 2 supersedes SEQUENCE 1: its EXDATE removes 15 July.
    expect(got.busy).toEqual(c.busy.filter((b) => !b.start.startsWith('2024-07-14')));
  },
  'recurring-ical-events/issue_148_exdate_and_rdate_updated.ics': (_c, got) => {
    // Only the latest revision (SEQUENCE 2) counts: 1 and 15 July, and its RDATE 30 July.
    expect(got.busy.map((b) => b.start)).toEqual([
      '2024-06-30T22:00:00Z',
      '2024-07-14T22:00:00Z',
      '2024-07-29T22:00:00Z',
    ]);
  },
  'recurring-ical-events/issue_75_range_parameter.ics': (c, got) => {
    // RANGE=THISANDFUTURE moves every later instance: from 22 September on, 14:22–16:13 UTC.
    expect(got.busy.filter((b) => b.start < '2024-09-13')).toEqual(
      c.busy.filter((b) => b.start < '2024-09-13'),
    );
    expect(
      got.busy.filter((b) => b.start >= '2024-09-22T00:00:00Z').every((b) => b.start.endsWith('T14:22:00Z')),
    ).toBe(true);
    expect(got.busy.some((b) => b.start === '2024-09-23T12:00:00Z')).toBe(false);
  },
};

describe.skipIf(!corpus)('calendar conformance corpus (../shared/calendars)', () => {
  const cases = corpus?.cases ?? [];
  it.each(cases.filter((c) => !documented[c.file]).map((c) => [c.file, c] as const))(
    '%s gives the reference busy segments exactly',
    (_file, c) => {
      expect(busyOf(c).busy).toEqual(c.busy);
    },
  );

  it.each(Object.keys(documented))('%s gives the answer argued in docs/calendar-conformance.md', (file) => {
    const c = cases.find((x) => x.file === file);
    expect(c, `${file} is in cases.json`).toBeDefined();
    documented[file]!(c!, busyOf(c!));
  });

  it.each((corpus?.skipped ?? []).map(([file, why]) => [file, why] as const))(
    '%s, which the reference failed on (%s), is read without a crash',
    (file) => {
      const got = busyOf({
        file,
        from: '2000-01-01T00:00:00Z',
        to: '2030-01-01T00:00:00Z',
        tz: 'Europe/Berlin',
        me: null,
      });
      for (const s of got.busy) expect(s.start < s.end).toBe(true);
      if (got.busy.length === 0) expect(got.warnings).toContain('no events in this calendar');
    },
  );
});
