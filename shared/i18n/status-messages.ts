import type { ChainStep, Status } from '../status/status-engine';
import { utcToWall } from '../time/zoned-time';
import { translate } from './translate';

export { intlLocale, localeOfTag, locales, resolveLocale, type Locale } from './locale';
import { currentRegion, intlLocale, timeOfDay, type Locale } from './locale';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to make and cheap to reuse: one per locale, zone and shape. */
export function dateFormat(
  locale: Locale,
  tz: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const { tag, clock } = currentRegion();
  const key = `${locale}|${tag}|${clock}|${tz}|${JSON.stringify(options)}`;
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
  const time = dateFormat(locale, tz, timeOfDay()).format(instant);
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
  const time = (ms: number) => dateFormat(locale, tz, timeOfDay()).format(ms);
  const day = (ms: number) => Math.floor(utcToWall(tz, ms) / 86_400_000);
  if (day(from) !== day(to) && !(day(to) === day(from) + 1 && utcToWall(tz, to) % 86_400_000 === 0))
    return `${formatWhen(from, now, locale, tz)} – ${formatWhen(to, now, locale, tz)}`;
  return `${formatWhen(from, now, locale, tz)}–${time(to)}`;
}

const ages = new Map<string, Intl.RelativeTimeFormat>();

/** How long ago, for what someone is on: "5 min ago", "2 hr. ago", "il y a 3 j". */
export function formatAge(instant: number, now: number, locale: Locale): string {
  const tag = intlLocale(locale);
  let format = ages.get(tag);
  if (!format) ages.set(tag, (format = new Intl.RelativeTimeFormat(tag, { style: 'short' })));
  const minutes = Math.max(0, Math.round((now - instant) / 60_000));
  if (minutes < 1) return translate(locale, 'age.now');
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
  return format.format(-Math.round(minutes / 1440), 'day');
}

/** A moment in a list (a post, a reading): the time today, with the day otherwise. */
export function formatMoment(instant: number, now: number, locale: Locale, tz: string): string {
  const day = (ms: number) => Math.floor(utcToWall(tz, ms) / 86_400_000);
  if (day(instant) === day(now) || instant > now) return formatWhen(instant, now, locale, tz);
  const date = dateFormat(locale, tz, { weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
  const time = dateFormat(locale, tz, timeOfDay()).format(instant);
  return `${date} ${time}`;
}

/**
 * "In a meeting until 15:00 · free at 15:30", "Off, back Tue 09:00", "Free until 13:30 (maybe
 * busy)": every time in it is when what it says stops being true, in the viewer's language and
 * zone. The first part is the state with its time (what a one-line row shows whole); the others
 * are out of office behind a manual status, and "free at" wherever it differs from that time.
 */
export function statusLabelParts(status: Status, now: number, locale: Locale, viewerTz: string): string[] {
  const state = status.state;
  const until = state === 'free' ? status.freeUntil : status.until;
  const when = until === null ? '' : formatWhen(until, now, locale, viewerTz);
  // "back at 09:00" today, "back Monday 09:00" another day: the preposition follows the form.
  const back = state === 'off' || state === 'oof';
  const at = back && until !== null && /^\d/.test(when) ? translate(locale, 'label.backAt') : '';
  const parts = [
    until === null || state === 'unknown'
      ? translate(locale, `label.${state}`)
      : state === 'free' && status.then === 'tentative'
        ? translate(locale, 'label.free.untilMaybe', { t: when })
        : translate(locale, `label.${state}.until`, { t: `${at}${when}` }),
  ];
  if (status.oofUntil !== null && state !== 'oof')
    parts.push(translate(locale, 'label.alsoOof', { t: formatWhen(status.oofUntil, now, locale, viewerTz) }));
  if (
    status.freeAt !== null &&
    status.freeAt !== until &&
    status.freeAt !== status.oofUntil &&
    state !== 'free'
  )
    parts.push(translate(locale, 'label.freeAt', { t: formatWhen(status.freeAt, now, locale, viewerTz) }));
  return parts;
}

/** The whole label, its parts joined: what the tray, the CLI, notifications and asks say. */
export function statusLabel(status: Status, now: number, locale: Locale, viewerTz: string): string {
  return statusLabelParts(status, now, locale, viewerTz).join(' · ');
}

function sourceOf(
  step: ChainStep,
  name: string,
  locale: Locale,
  calendarsOf?: (step: ChainStep) => readonly string[],
): string {
  if (step.manual) return translate(locale, 'why.source.manual', { name });
  if (step.state === 'off') return translate(locale, 'why.source.hours');
  // For me: which of my calendars made the block ("calendar: Work, Team").
  const names = calendarsOf?.(step) ?? [];
  return names.length > 0
    ? translate(locale, 'why.source.calendarNamed', { names: names.join(', ') })
    : translate(locale, 'why.source.calendar');
}

/**
 * Why a person is shown as they are, in order: "Focus until 16:00 (set by Dan) · then a meeting
 * until 16:30 (calendar) · free at 16:30", from the status engine's chain.
 */
export function statusReasons(
  chain: readonly ChainStep[],
  name: string,
  now: number,
  locale: Locale,
  viewerTz: string,
  calendarsOf?: (step: ChainStep) => readonly string[],
): string {
  const parts: string[] = [];
  for (const [i, step] of chain.entries()) {
    if (step.state === 'free') {
      parts.push(
        i === 0
          ? translate(locale, 'label.free')
          : translate(locale, 'label.freeAt', { t: formatWhen(step.from, now, locale, viewerTz) }),
      );
      break;
    }
    if (step.state === 'unknown') break;
    const t =
      step.until === null
        ? translate(locale, 'decide.untilChanged')
        : formatWhen(step.until, now, locale, viewerTz);
    const reason = `${translate(locale, `why.${step.state}`, { t })} (${sourceOf(step, name, locale, calendarsOf)})`;
    parts.push(
      i === 0
        ? reason
        : translate(locale, 'why.then', { reason: reason[0]!.toLowerCase() + reason.slice(1) }),
    );
  }
  return parts.join(' · ');
}
