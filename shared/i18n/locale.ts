/** The languages Ricochet speaks, and the one rule that picks the language to speak. */
export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

/** The language for a system locale tag ("fr-CA" → French), until the person picks one. */
export const localeOfTag = (tag: string): Locale => (tag.toLowerCase().startsWith('fr') ? 'fr' : 'en');

/**
 * The one rule for the language everything speaks (windows, tray, notifications, asks, the
 * CLI): the one chosen in Settings, else the system's.
 */
export const resolveLocale = (settings: { locale?: Locale | undefined }, systemTag: string): Locale =>
  settings.locale ?? localeOfTag(systemTag);

/** A 12-hour clock ("9:00 AM") or a 24-hour one ("09:00"). */
export const clocks = ['12h', '24h'] as const;
export type Clock = (typeof clocks)[number];

/**
 * How the region writes times and dates, for the whole process: the OS's regional format (in the
 * CLI, LC_ALL, LC_TIME or LANG), and the clock, from that region unless chosen in Settings.
 * Each front end sets it once and again when Settings change; every formatter reads it here.
 */
let region: { tag: string; clock: Clock } = { tag: 'en-GB', clock: '24h' };

/** "en_US.UTF-8" or "en-US" → "en-US"; "C", "POSIX" or nonsense → undefined. */
export function regionTag(text: string | undefined): string | undefined {
  const tag = text?.split('.')[0]?.split('@')[0]?.replace('_', '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** A terminal's region: LC_ALL, then LC_TIME, then LANG, as POSIX reads them. */
export const environmentRegion = (env: Record<string, string | undefined>) =>
  regionTag(env['LC_ALL'] || env['LC_TIME'] || env['LANG']);

/** The clock a region writes (en-US, en-CA, en-AU: 12-hour; en-GB, fr-*: 24-hour). */
export function clockOf(tag: string): Clock {
  const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? '12h' : '24h';
}

/** Sets the region the formatters follow; a clock chosen in Settings wins over the region's. */
export function setRegion(tag: string | undefined, clock?: Clock | null): void {
  const known = regionTag(tag) ?? 'en-GB';
  region = { tag: known, clock: clock ?? clockOf(known) };
}

export const currentRegion = () => region;

/**
 * The Intl locale for dates: the region's own when it speaks the language (en-US: "Tue, Mar 10";
 * fr-CA), else the language's European form (British English reads "Tue 10 Mar").
 */
export const intlLocale = (locale: Locale) =>
  region.tag.toLowerCase().startsWith(`${locale}-`) ? region.tag : locale === 'en' ? 'en-GB' : 'fr-FR';

/** The options of a time of day on the region's clock: "09:00" or "9:00 AM". */
export const timeOfDay = (): Intl.DateTimeFormatOptions =>
  region.clock === '12h'
    ? { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }
    : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
