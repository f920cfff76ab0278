import type { Locale } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';

export type NoticeKind = 'free' | 'mention' | 'decision' | 'ask' | 'answer';

const titles = {
  free: 'notify.free.title',
  mention: 'notify.mention.title',
  decision: 'notify.decision.title',
  ask: 'notify.ask.title',
  answer: 'notify.answer.title',
} as const;

/** A system notification's words, in the person's language (the one string table). */
export function notificationText(locale: Locale, key: NoticeKind, name: string) {
  const who = name || translate(locale, 'notify.someone');
  return {
    title: translate(locale, titles[key], { name: who }),
    body: key === 'free' ? translate(locale, 'notify.free.body') : '',
  };
}
