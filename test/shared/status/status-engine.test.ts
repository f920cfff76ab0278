import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/availability/segments';
import { parseWorkingHours } from '../../../shared/availability/working-hours';
import { statusLabel, statusReasons } from '../../../shared/i18n/status-messages';
import { computeStatus, statusChain, type PersonState } from '../../../shared/status/status-engine';
import { isoInstant, parseInstant } from '../../../shared/time/zoned-time';

const at = (s: string) => parseInstant(s);
const seg = (start: string, end: string, kind: Segment['kind'] = 'busy'): Segment => ({
  start: at(start),
  end: at(end),
  kind,
});
// Tuesday 10 March 2026 in Paris (UTC+1).
const ana: PersonState = {
  busy: [
    seg('2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z'),
    seg('2026-03-10T14:00:00Z', '2026-03-10T14:30:00Z', 'tentative'),
    seg('2026-03-10T15:00:00Z', '2026-03-10T15:30:00Z', 'tentative'),
    seg('2026-03-11T08:00:00Z', '2026-03-11T17:00:00Z', 'oof'),
  ],
  hours: parseWorkingHours('mon-fri 09:00-18:00'),
  timezone: 'Europe/Paris',
};
const label = (p: PersonState, now: string, locale: 'en' | 'fr' = 'en') =>
  statusLabel(computeStatus(p, at(now)), at(now), locale, 'Europe/Paris');
const iso = (ms: number | null) => (ms === null ? null : isoInstant(ms));

describe('status precedence (DESIGN.md)', () => {
  it('free: "free until" the next busy segment', () => {
    expect(label(ana, '2026-03-10T09:00:00Z')).toBe('Free until 14:00');
  });

  it('in a meeting until the end of the busy run, and free at the end of any busy time', () => {
    expect(label(ana, '2026-03-10T13:10:00Z')).toBe('In a meeting until 15:00 · free at 15:30');
    expect(label(ana, '2026-03-10T13:10:00Z', 'fr')).toBe('En réunion jusqu’à 15:00 · disponible à 15:30');
  });

  it('maybe busy during a tentative segment', () => {
    expect(label(ana, '2026-03-10T14:10:00Z')).toBe('Maybe busy until 15:30');
  });

  it('out of office wins over focus and busy', () => {
    const p = { ...ana, manual: { state: 'focus' as const, until: null } };
    expect(computeStatus(p, at('2026-03-11T09:00:00Z')).state).toBe('oof');
  });

  it('a manual do-not-disturb wins over a meeting, until it expires; nothing needs clearing', () => {
    const p = {
      ...ana,
      manual: { state: 'dnd' as const, text: 'Incident', emoji: '⛔', until: at('2026-03-10T13:30:00Z') },
    };
    const during = computeStatus(p, at('2026-03-10T13:10:00Z'));
    expect(during).toMatchObject({ state: 'dnd', text: 'Incident', emoji: '⛔' });
    expect(iso(during.nextChange)).toBe('2026-03-10T13:30:00Z');
    expect(computeStatus(p, at('2026-03-10T13:31:00Z')).state).toBe('busy');
  });

  it('a meeting wins over focus; focus wins over tentative', () => {
    const p = { ...ana, manual: { state: 'focus' as const, until: at('2026-03-10T16:00:00Z') } };
    expect(computeStatus(p, at('2026-03-10T13:10:00Z')).state).toBe('busy');
    expect(computeStatus(p, at('2026-03-10T14:10:00Z')).state).toBe('focus');
  });

  it('outside working hours: off, back at the next start, in the viewer zone', () => {
    // Wednesday is a day out of office: back Thursday, not Wednesday.
    expect(label(ana, '2026-03-10T18:30:00Z')).toBe('Off, back Thu 09:00');
    expect(label(ana, '2026-03-10T06:00:00Z')).toBe('Off, back at 09:00');
    expect(label(ana, '2026-03-10T06:00:00Z', 'fr')).toBe('De retour à 09:00');
    expect(label(ana, '2026-03-13T18:00:00Z')).toBe('Off, back Mon 09:00');
  });

  it('says when its answer changes next, so one timer replaces polling', () => {
    expect(iso(computeStatus(ana, at('2026-03-10T09:00:00Z')).nextChange)).toBe('2026-03-10T13:00:00Z');
    expect(iso(computeStatus(ana, at('2026-03-10T16:00:00Z')).nextChange)).toBe('2026-03-10T17:00:00Z');
  });

  it('someone with no published calendar and no hours is simply free', () => {
    expect(computeStatus({ busy: [] }, at('2026-03-10T03:00:00Z'))).toMatchObject({
      state: 'free',
      nextChange: null,
    });
  });
});

describe("one label that agrees with the person's day (every time is a real change)", () => {
  // Tuesday 10 March 2026, 11:00 in Paris: late morning; everyone works 09:00-18:00 every day.
  const now = '2026-03-10T10:00:00Z';
  const hours = parseWorkingHours('mon-sun 09:00-18:00');
  const person = (timezone: string, busy: Segment[] = []): PersonState => ({ busy, hours, timezone });

  it('a tentative meeting in an hour ends "free until", and says so', () => {
    const dan = person('Europe/Paris', [seg('2026-03-10T11:00:00Z', '2026-03-10T12:00:00Z', 'tentative')]);
    expect(label(dan, now)).toBe('Free until 12:00 (maybe busy)');
    expect(label(dan, now, 'fr')).toBe('Disponible jusqu’à 12:00 (réunion à confirmer)');
  });

  it('with no meeting, free until the end of the day’s hours', () => {
    expect(label(person('Europe/Paris'), now)).toBe('Free until 18:00');
  });

  it('off now with a day out of office tomorrow: back the day after', () => {
    // Tokyo: 19:00 on Tuesday, hours over; Wednesday out of office all day (Tokyo's day).
    const ben = person('Asia/Tokyo', [seg('2026-03-10T15:00:00Z', '2026-03-11T15:00:00Z', 'oof')]);
    const status = computeStatus(ben, at(now));
    expect(status.state).toBe('off');
    expect(iso(status.until)).toBe('2026-03-12T00:00:00Z'); // Thursday 09:00 in Tokyo
    expect(label(ben, now)).toBe('Off, back Thu 01:00'); // in the Paris viewer's time
    // On the day out of office itself: named, with its return day.
    expect(label(ben, '2026-03-11T02:00:00Z')).toBe('Out of office, back Thu 01:00');
  });

  it('off until 14:00 then in a meeting until 15:00: back at 14:00, free at 15:00', () => {
    // A person whose working day starts at 14:00.
    const chie: PersonState = {
      busy: [seg('2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z')],
      hours: parseWorkingHours('mon-sun 14:00-23:00'),
      timezone: 'Europe/Paris',
    };
    expect(label(chie, now)).toBe('Off, back at 14:00 · free at 15:00');
  });

  it('a focus that a meeting interrupts says until the meeting, not past it', () => {
    const p: PersonState = {
      ...person('Europe/Paris', [seg('2026-03-10T12:00:00Z', '2026-03-10T12:30:00Z')]),
      manual: { state: 'focus', until: at('2026-03-10T13:00:00Z') },
    };
    // The meeting ends at 13:30; the focus goes on until 14:00: free then.
    expect(label(p, now)).toBe('Focusing until 13:00 · free at 14:00');
  });

  it('working around the clock: free, with no false end at midnight; a night shift ends in the morning', () => {
    const always = { ...person('Europe/Paris'), hours: parseWorkingHours('mon-sun 00:00-24:00') };
    expect(label(always, '2026-03-10T22:30:00Z')).toBe('Free');
    const night = { ...person('Europe/Paris'), hours: parseWorkingHours('mon-sun 22:00-06:00') };
    expect(label(night, '2026-03-10T22:30:00Z')).toBe('Free until Wed 06:00');
  });

  it('says why, in order: focus, then a meeting, then free', () => {
    const p: PersonState = {
      ...person('Europe/Paris', [seg('2026-03-10T15:00:00Z', '2026-03-10T15:30:00Z')]),
      manual: { state: 'focus', until: at('2026-03-10T15:00:00Z') },
    };
    const chain = statusChain(p, at(now));
    expect(statusReasons(chain, 'Dan', at(now), 'en', 'Europe/Paris')).toBe(
      'Focusing until 16:00 (set by Dan) · then in a meeting until 16:30 (calendar) · free at 16:30',
    );
    expect(statusReasons(chain, 'Dan', at(now), 'fr', 'Europe/Paris')).toBe(
      'Concentration jusqu’à 16:00 (indiqué par Dan) · puis en réunion jusqu’à 16:30 (agenda) · disponible à 16:30',
    );
    // The label and the reasons agree on when Dan is free.
    expect(label(p, now)).toBe('Focusing until 16:00 · free at 16:30');
  });
});
