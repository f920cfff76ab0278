import { createContext, useContext, type ReactNode } from 'react';
import { localeOfTag, type Locale } from '../../../shared/i18n/status-messages';
import type { MessageKey } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/translate';

/** The system's language until the person picks one. */
export function systemLocale(): Locale {
  return localeOfTag(navigator.language);
}

const LocaleContext = createContext<Locale>('en');

const ZoneContext = createContext<string>(Intl.DateTimeFormat().resolvedOptions().timeZone);

export function LocaleProvider({
  locale,
  zone,
  children,
}: {
  locale: Locale;
  /** The zone chosen in Settings: every time shown is in it. */
  zone?: string;
  children: ReactNode;
}) {
  const inner = <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
  return zone ? <ZoneContext.Provider value={zone}>{inner}</ZoneContext.Provider> : inner;
}

/** The viewer's zone (Settings), for every date and time a view shows. */
export function useZone(): string {
  return useContext(ZoneContext);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** t('fresh.asOf', { time: '10:42' }) in the current language. */
export function useT() {
  const locale = useLocale();
  return (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
}

export { intlLocale } from '../../../shared/i18n/locale';
