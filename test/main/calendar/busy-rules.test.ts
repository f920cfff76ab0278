import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../../main/calendar/read-calendar';
import { isoInstant } from '../../../shared/time/zoned-time';
import { busy, ics } from '../../support/ics';

const at = (...extra: string[]) => ['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', ...extra];
const day = ['2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z'] as const;

describe('what counts as busy, and as what kind (Outlook, invitations)', () => {
  it.each([
    ['X-MICROSOFT-CDO-BUSYSTATUS:FREE', []],
    ['X-MICROSOFT-CDO-BUSYSTATUS:OOF', ['oof']],
    ['X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE', ['tentative']],
    ['X-MICROSOFT-CDO-BUSYSTATUS:BUSY', ['busy']],
    ['TRANSP:TRANSPARENT', []],
    ['STATUS:CANCELLED', []],
    ['STATUS:TENTATIVE', ['tentative']],
  ])('%s', (line, kinds) => {
    const got = busy(ics(at(line)), ...day).busy.map((b) => b.split(' ')[1]);
    expect(got).toEqual(kinds);
  });

  it("Outlook's working elsewhere is never busy: it says where I work, with its location", () => {
    const text = ics(
      [
        'DTSTART;VALUE=DATE:20260310',
        'DTEND;VALUE=DATE:20260311',
        'X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE',
        'LOCATION:Lyon',
      ],
      at('X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE'),
    );
    const read = readCalendar(text, {
      tz: 'Europe/Paris',
      window: { from: Date.parse(day[0]), to: Date.parse(day[1]) },
    });
    expect(read.segments).toEqual([]);
    expect(read.places.map((p) => [isoInstant(p.start), p.kind, p.label])).toEqual([
      ['2026-03-09T23:00:00Z', 'elsewhere', 'Lyon'], // the day in Paris,
      ['2026-03-10T09:00:00Z', 'elsewhere', undefined],
    ]);
  });

  it('a working-elsewhere day I declined or that was cancelled says nothing of where I work', () => {
    const me = { me: ['ana@example.com'] };
    const text = ics(
      at('X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE', 'STATUS:CANCELLED'),
      at('X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE', 'ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com'),
    );
    const read = readCalendar(text, {
      tz: 'UTC',
      ...me,
      window: { from: Date.parse(day[0]), to: Date.parse(day[1]) },
    });
    expect(read.places).toEqual([]);
  });

  it('an Outlook busy status wins over TRANSP', () => {
    expect(busy(ics(at('TRANSP:TRANSPARENT', 'X-MICROSOFT-CDO-BUSYSTATUS:BUSY')), ...day).busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z busy',
    ]);
  });

  it('an invitation I declined is free; one I have not answered is tentative', () => {
    const me = { me: ['Ana@Example.com'] };
    const declined = at('ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com');
    const unanswered = at('ATTENDEE;PARTSTAT=NEEDS-ACTION:MAILTO:ANA@EXAMPLE.COM');
    const tentative = at('ATTENDEE;PARTSTAT=TENTATIVE:mailto:ana@example.com');
    const accepted = at('ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com');
    expect(busy(ics(declined), ...day, me).busy).toEqual([]);
    expect(busy(ics(unanswered), ...day, me).busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z tentative',
    ]);
    expect(busy(ics(tentative), ...day, me).busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z tentative',
    ]);
    expect(busy(ics(accepted), ...day, me).busy).toEqual(['2026-03-10T09:00:00Z/2026-03-10T10:00:00Z busy']);
  });

  it("someone else's answer does not change mine", () => {
    const event = at('ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.com');
    expect(busy(ics(event), ...day, { me: ['ana@example.com'] }).busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z busy',
    ]);
  });

  it('where kinds overlap the stronger wins, and touching segments of one kind join', () => {
    const text = ics(
      ['DTSTART:20260310T090000Z', 'DTEND:20260310T110000Z', 'STATUS:TENTATIVE'],
      ['DTSTART:20260310T100000Z', 'DTEND:20260310T103000Z'],
      ['DTSTART:20260310T103000Z', 'DTEND:20260310T120000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
      ['DTSTART:20260310T120000Z', 'DTEND:20260310T130000Z', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
    );
    expect(busy(text, ...day).busy).toEqual([
      '2026-03-10T09:00:00Z/2026-03-10T10:00:00Z tentative',
      '2026-03-10T10:00:00Z/2026-03-10T10:30:00Z busy',
      '2026-03-10T10:30:00Z/2026-03-10T13:00:00Z oof',
    ]);
  });
});
