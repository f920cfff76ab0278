import { askDelivery, UNTIL_CHANGED } from '../../shared/asks/ask-delivery';
import { decisionHeadsUps, type HeadsUp } from '../../shared/asks/decision-heads-ups';
import { formatWhen, type Locale } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';
import { resolveMention } from '../../shared/people/find-person';
import type { Ask, Change } from '../../shared/protocol/changes';
import type { BoardMember } from '../cache/cache-queries';
import { personState } from './person-status';

/** "Your ask reaches Ana at 15:30, after a meeting": from the same function the server delivers by. */
export function askArrival(
  name: string,
  delivery: { at: number; waitsFor: string | null },
  now: number,
  locale: Locale,
  tz: string,
): string {
  // Nothing to wait for means delivered at once, even when the server's "at" is a few ms after my now.
  if (delivery.at <= now || delivery.waitsFor === null) return translate(locale, 'ask.reachesNow', { name });
  if (delivery.at >= UNTIL_CHANGED)
    return translate(locale, 'ask.reaches', { name, when: translate(locale, 'ask.whenChanged', { name }) });
  const after = delivery.waitsFor
    ? ` ${translate(locale, `ask.after.${delivery.waitsFor}` as 'ask.after.busy')}`
    : '';
  return `${translate(locale, 'ask.reaches', { name, when: formatWhen(delivery.at, now, locale, tz) })},${after}`;
}

/** Who an /ask names, and when it will reach them, from what they published. */
export function planAsk(members: readonly BoardMember[], to: string, me: string | undefined, now: number) {
  const member = resolveMention(to, members);
  if ('error' in member) return member;
  // Naming myself is a mistake to say plainly, not "nobody is called that".
  if (member.id === me) return { error: { key: 'ask.self' as const, params: {} } };
  return { member, delivery: askDelivery(personState(member), now), error: undefined };
}

/** The heads-ups of a decision for the people it names (nobody named: none). */
export function headsUpsFor(
  mentions: readonly string[],
  text: string,
  members: readonly BoardMember[],
  now: number,
  tz: string,
  locale: Locale,
): HeadsUp[] {
  const named = new Map<string, BoardMember>();
  for (const mention of mentions) {
    const found = resolveMention(mention, members);
    if (!('error' in found)) named.set(found.id, found);
  }
  return decisionHeadsUps({
    text,
    people: [...named.values()].map((m) => ({ name: m.name, person: personState(m) })),
    now,
    tz,
    locale,
  });
}

/** Asks in applied changes that concern me now: delivered to me, or answered to me. */
export function askEvents(changes: readonly Change[], me: string | undefined) {
  const delivered: Ask[] = [];
  const answered: Ask[] = [];
  for (const change of changes) {
    // Changes are parsed once, where they arrive: an ask's data is an Ask here.
    if (change.kind !== 'ask' || !me) continue;
    const ask = change.data;
    if (ask.to === me && ask.state === 'delivered' && !ask.seenAt) delivered.push(ask);
    if (ask.from === me && ask.state === 'answered') answered.push(ask);
  }
  return { delivered, answered };
}
