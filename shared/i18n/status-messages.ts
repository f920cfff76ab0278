import type { DisplayState, Status } from '../status/status-engine';
import { utcToWall } from '../time/zoned-time';

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

/** The language for a system locale tag ("fr-CA" → French), until the person picks one. */
export const localeOfTag = (tag: string): Locale => (tag.toLowerCase().startsWith('fr') ? 'fr' : 'en');

/** The Intl locale for dates: British English reads "Tue 10 Mar", as Europeans write it. */
export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

type Phrases = Record<DisplayState, { until: string; plain: string }> & { freeAt: string; alsoOof: string };

const phrases: Record<Locale, Phrases> = {
  en: {
    dnd: { until: 'Do not disturb until {t}', plain: 'Do not disturb' },
    away: { until: 'Away until {t}', plain: 'Away' },
    oof: { until: 'Out of office until {t}', plain: 'Out of office' },
    busy: { until: 'In a meeting until {t}', plain: 'In a meeting' },
    focus: { until: 'Focusing until {t}', plain: 'Focusing' },
    tentative: { until: 'Maybe busy until {t}', plain: 'Maybe busy' },
    off: { until: 'Off, back {t}', plain: 'Off' },
    free: { until: 'Free until {t}', plain: 'Free' },
    unknown: { until: 'No calendar shared', plain: 'No calendar shared' },
    freeAt: 'free at {t}',
    alsoOof: 'out of office until {t}',
  },
  fr: {
    dnd: { until: 'Ne pas déranger jusqu’à {t}', plain: 'Ne pas déranger' },
    away: { until: 'Absence jusqu’à {t}', plain: 'Absence' },
    oof: { until: 'Hors du bureau jusqu’à {t}', plain: 'Hors du bureau' },
    busy: { until: 'En réunion jusqu’à {t}', plain: 'En réunion' },
    focus: { until: 'Concentration jusqu’à {t}', plain: 'Concentration' },
    tentative: { until: 'Réunion à confirmer jusqu’à {t}', plain: 'Réunion à confirmer' },
    off: { until: 'De retour {t}', plain: 'Hors horaires' },
    free: { until: 'Disponible jusqu’à {t}', plain: 'Disponible' },
    unknown: { until: 'Agenda non partagé', plain: 'Agenda non partagé' },
    freeAt: 'disponible à {t}',
    alsoOof: 'hors du bureau jusqu’à {t}',
  },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to make and cheap to reuse: one per locale, zone and shape. */
export function dateFormat(
  locale: Locale,
  tz: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${tz}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format)
    formats.set(key, (format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: tz, ...options })));
  return format;
}

/**
 * A time as a person reads it in their own zone: "15:00" today, "Mon 09:00" another day
 * within the week, "12 Mar 09:00" further away (English); "lun. 09:00" in French.
 */
export function formatWhen(instant: number, now: number, locale: Locale, tz: string): string {
  const time = dateFormat(locale, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
  const day = (ms: number) => Math.floor(utcToWall(tz, ms) / 86_400_000);
  const days = day(instant) - day(now);
  if (days === 0) return time;
  const date = dateFormat(
    locale,
    tz,
    days > 0 && days < 7 ? { weekday: 'short' } : { day: 'numeric', month: 'short' },
  ).format(instant);
  return `${date} ${time}`;
}

/**
 * A stretch of time: "09:30–09:45" today, "Fri 27 Nov, 09:30–09:45" (or "Mon 09:30–09:45")
 * another day, the day written once; both ends in full when it spans days.
 */
export function formatSpan(from: number, to: number, now: number, locale: Locale, tz: string): string {
  const time = (ms: number) =>
    dateFormat(locale, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const day = (ms: number) => Math.floor(utcToWall(tz, ms) / 86_400_000);
  if (day(from) !== day(to) && !(day(to) === day(from) + 1 && utcToWall(tz, to) % 86_400_000 === 0))
    return `${formatWhen(from, now, locale, tz)} – ${formatWhen(to, now, locale, tz)}`;
  return `${formatWhen(from, now, locale, tz)}–${time(to)}`;
}

/** A moment in a list (a post, a reading): the time today, with the day otherwise. */
export function formatMoment(instant: number, now: number, locale: Locale, tz: string): string {
  const day = (ms: number) => Math.floor(utcToWall(tz, ms) / 86_400_000);
  if (day(instant) === day(now) || instant > now) return formatWhen(instant, now, locale, tz);
  const date = dateFormat(locale, tz, { weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
  const time = dateFormat(locale, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
  return `${date} ${time}`;
}

/** "In a meeting until 15:00 · free at 15:30" in the viewer's language and zone. */
export function statusLabel(status: Status, now: number, locale: Locale, viewerTz: string): string {
  const p = phrases[locale][status.state];
  const until = status.state === 'free' ? status.freeUntil : status.until;
  const when = until === null ? '' : formatWhen(until, now, locale, viewerTz);
  // "back at 09:00" today, "back Monday 09:00" another day: the preposition follows the form.
  const at =
    status.state === 'off' && until !== null && /^\d/.test(when) ? (locale === 'fr' ? 'à ' : 'at ') : '';
  const main = until === null ? p.plain : p.until.replace('{t}', `${at}${when}`);
  const freeAt =
    status.freeAt !== null && status.freeAt !== until && status.state !== 'off' && status.state !== 'free'
      ? ` · ${phrases[locale].freeAt.replace('{t}', formatWhen(status.freeAt, now, locale, viewerTz))}`
      : '';
  const oof =
    status.oofUntil !== null && status.state !== 'oof'
      ? ` · ${phrases[locale].alsoOof.replace('{t}', formatWhen(status.oofUntil, now, locale, viewerTz))}`
      : '';
  return main + oof + freeAt;
}
