import { workingSpans, wallDayStart, type WorkingHours } from '../availability/working-hours';
import { DAY_MS, MINUTE_MS, wallToUtc } from '../time/zoned-time';

export interface UntilContext {
  now: number;
  tz: string;
  /** The person's working hours: "tomorrow" is the next working day's start. */
  hours?: WorkingHours;
  /** Minutes after midnight a day starts at when no working hours say (09:00). */
  dayStartsAt?: number;
}

const weekdays: Record<string, number> = {
  sunday: 0,
  sun: 0,
  dimanche: 0,
  dim: 0,
  monday: 1,
  mon: 1,
  lundi: 1,
  lun: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  mardi: 2,
  mar: 2,
  wednesday: 3,
  wed: 3,
  mercredi: 3,
  mer: 3,
  thursday: 4,
  thu: 4,
  thurs: 4,
  jeudi: 4,
  jeu: 4,
  friday: 5,
  fri: 5,
  vendredi: 5,
  ven: 5,
  saturday: 6,
  sat: 6,
  samedi: 6,
  sam: 6,
};

/** "14:00", "9h", "9h30" → minutes after midnight. */
export function clockMinutes(word: string): number | undefined {
  const m = /^(\d{1,2})(?:[:h](\d{2})?)$/i.exec(word) ?? /^(\d{1,2})h$/i.exec(word);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  return hour > 23 || minute > 59 ? undefined : hour * 60 + minute;
}

/** A day named as people do: tomorrow/demain, a weekday (EN/FR), 2026-03-12 or 12/03[/2026]. */
export function namedDay(word: string, context: UntilContext): { day: number; working: boolean } | undefined {
  const w = word.toLowerCase().replace(/[.,]$/, '');
  const today = wallDayStart(context.tz, context.now);
  if (w === 'tomorrow' || w === 'demain') return { day: today + DAY_MS, working: true };
  if (w in weekdays) {
    const ahead = (weekdays[w]! - new Date(today).getUTCDay() + 7) % 7 || 7;
    return { day: today + ahead * DAY_MS, working: false };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w);
  const dmy = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(w);
  const [year, month, date] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3] ?? new Date(today).getUTCFullYear()), Number(dmy[2]), Number(dmy[1])]
      : [];
  if (year === undefined) return undefined;
  const day = Date.UTC(year, month! - 1, date);
  if (new Date(day).getUTCDate() !== date || new Date(day).getUTCMonth() !== month! - 1) return undefined;
  // A day/month already past this year means next year's.
  return {
    day: !iso && !dmy?.[3] && day < today ? Date.UTC(year + 1, month! - 1, date) : day,
    working: false,
  };
}

/** When a named day starts for this person: their first working span, else the usual hour. */
function dayStart(day: number, context: UntilContext): number {
  const span = context.hours ? workingSpans(context.hours, context.tz, day, 1)[0] : undefined;
  return span?.from ?? wallToUtc(context.tz, day + (context.dayStartsAt ?? 9 * 60) * MINUTE_MS);
}

/**
 * The end named after "until": a time ("14:00", "9h30": the next one), a day ("tomorrow"
 * is the next working day's start; "Monday", "lundi", "12/03", "2026-03-12" that day's
 * start), or both ("demain 9h", "Monday 14:00"). Returns how many words it read.
 */
export function untilPhrase(
  words: readonly string[],
  context: UntilContext,
): { at: number; used: number } | undefined {
  const [first = '', second = ''] = words;
  const named = namedDay(first, context);
  if (named) {
    const clock = clockMinutes(second);
    if (clock !== undefined) return { at: wallToUtc(context.tz, named.day + clock * MINUTE_MS), used: 2 };
    if (named.working && context.hours) {
      // "tomorrow": the next working day after today (Friday → Monday).
      const next = workingSpans(context.hours, context.tz, named.day, 14)[0];
      if (next) return { at: next.from, used: 1 };
    }
    return { at: dayStart(named.day, context), used: 1 };
  }
  const clock = clockMinutes(first);
  if (clock === undefined) return undefined;
  const today = wallDayStart(context.tz, context.now);
  const at = wallToUtc(context.tz, today + clock * MINUTE_MS);
  return { at: at > context.now ? at : wallToUtc(context.tz, today + DAY_MS + clock * MINUTE_MS), used: 1 };
}
