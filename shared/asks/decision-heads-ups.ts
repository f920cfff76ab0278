import { workingSpans, wallDayStart } from '../availability/working-hours';
import { dateFormat, formatWhen, type Locale } from '../i18n/status-messages';
import { translate } from '../i18n/translate';
import { namedDay } from '../quick-post/until-phrase';
import { computeStatus, type PersonState } from '../status/status-engine';
import { DAY_MS, wallToUtc } from '../time/zoned-time';

export interface HeadsUp {
  name: string;
  problem: 'oof' | 'full' | 'focus';
  /** The day it is about (its local midnight, as an instant). */
  day: number;
  message: string;
}

/** The days a decision's text names ("Monday", "demain", "12/03"); today when it names none. */
export function daysNamed(text: string, now: number, tz: string): number[] {
  const days = new Set<number>();
  for (const word of text.split(/\s+/)) {
    const named = namedDay(word, { now, tz });
    if (named) days.add(named.day);
  }
  if (days.size === 0) days.add(wallDayStart(tz, now));
  return [...days].sort((a, b) => a - b);
}

/**
 * Before a decision goes out: for each person it names, what in their published day
 * conflicts with it on the days it mentions — out of office, a day already full, focus or
 * do-not-disturb. Said in the author's language; the author may post anyway.
 */
export function decisionHeadsUps(input: {
  text: string;
  people: { name: string; person: PersonState }[];
  now: number;
  tz: string;
  locale: Locale;
}): HeadsUp[] {
  const out: HeadsUp[] = [];
  const dayName = (day: number) =>
    dateFormat(input.locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(day);
  for (const wallDay of daysNamed(input.text, input.now, input.tz)) {
    for (const { name, person } of input.people) {
      const tz = person.timezone ?? input.tz;
      const from = wallToUtc(tz, wallDay);
      const to = wallToUtc(tz, wallDay + DAY_MS);
      const spans = person.hours ? workingSpans(person.hours, tz, wallDay, 1) : [{ from, to }];
      const day = dayName(wallDay);
      const oof = person.busy.some((s) => s.kind === 'oof' && s.start < to && s.end > from);
      if (oof) {
        out.push({
          name,
          problem: 'oof',
          day: from,
          message: translate(input.locale, 'decide.oof', { name, day }),
        });
        continue;
      }
      const working = spans.reduce((n, s) => n + (s.to - s.from), 0);
      const booked = spans.reduce(
        (n, s) =>
          n +
          person.busy.reduce((m, b) => m + Math.max(0, Math.min(b.end, s.to) - Math.max(b.start, s.from)), 0),
        0,
      );
      if (working > 0 && booked / working >= 0.9) {
        const percent = Math.round((booked / working) * 100);
        out.push({
          name,
          problem: 'full',
          day: from,
          message: translate(input.locale, 'decide.full', { name, day, percent }),
        });
        continue;
      }
      const at = Math.max(input.now, spans[0]?.from ?? from);
      const status = computeStatus(person, at);
      if ((status.state === 'focus' || status.state === 'dnd') && at < to) {
        const until =
          status.until === null
            ? translate(input.locale, 'decide.untilChanged')
            : formatWhen(status.until, input.now, input.locale, input.tz);
        out.push({
          name,
          problem: 'focus',
          day: from,
          message: translate(input.locale, 'decide.focus', { name, until }),
        });
      }
    }
  }
  return out;
}
