import { messages, type Message, type MessageKey } from './messages';
import { intlLocale, type Locale } from './locale';

const rules = new Map<Locale, Intl.PluralRules>();

/** A message in a language, its {params} filled and its plural chosen from {n}. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const message = (messages[locale] as Record<MessageKey, Message>)[key];
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    let rule = rules.get(locale);
    if (!rule) rules.set(locale, (rule = new Intl.PluralRules(intlLocale(locale))));
    text = rule.select(Number(params['n'] ?? 0)) === 'one' ? message.one : message.other;
  }
  return Object.entries(params).reduce<string>((out, [k, v]) => out.replaceAll(`{${k}}`, String(v)), text);
}
