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

/** The Intl locale for dates: British English reads "Tue 10 Mar", as Europeans write it. */
export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');
