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

const counted = ['mention', 'decision', 'ask', 'answer', 'free'] as const;

/** The one notification for what waited: "While you were focusing" / "3 mentions, 1 ask". */
export function summaryText(
  locale: Locale,
  counts: Partial<Record<NoticeKind, number>>,
  reason: 'focus' | 'dnd' | 'meeting' | 'off',
) {
  return {
    title: translate(locale, `notify.while.${reason}`),
    body: counted
      .filter((kind) => counts[kind])
      .map((kind) => translate(locale, `notify.count.${kind}`, { n: counts[kind]! }))
      .join(', '),
  };
}

/** A system notification's words, in the person's language (the one string table). */
export function notificationText(locale: Locale, key: NoticeKind, name: string) {
  const who = name || translate(locale, 'notify.someone');
  return {
    title: translate(locale, titles[key], { name: who }),
    body: key === 'free' ? translate(locale, 'notify.free.body') : '',
  };
}
