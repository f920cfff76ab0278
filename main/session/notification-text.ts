import type { Locale } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';

/** A system notification's words, in the person's language (the one string table). */
export function notificationText(locale: Locale, key: 'free' | 'mention', name: string) {
  const who = name || translate(locale, 'notify.someone');
  return key === 'free'
    ? {
        title: translate(locale, 'notify.free.title', { name: who }),
        body: translate(locale, 'notify.free.body'),
      }
    : { title: translate(locale, 'notify.mention.title', { name: who }), body: '' };
}
