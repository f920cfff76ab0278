import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '../../../shared/i18n/status-messages';
import { messages, type MessageKey } from './messages';

// French must say everything English says: a missing key fails the type-check.
const _complete: Record<MessageKey, string> = messages.fr;
void _complete;

/** The system's language until the person picks one. */
export function systemLocale(): Locale {
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const LocaleContext = createContext<Locale>('en');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** t('fresh.asOf', { time: '10:42' }) in the current language. */
export function useT() {
  const locale = useLocale();
  return (key: MessageKey, params: Record<string, string | number> = {}) =>
    Object.entries(params).reduce<string>(
      (text, [k, v]) => text.replace(`{${k}}`, String(v)),
      messages[locale][key],
    );
}

export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'fr-FR';
}
