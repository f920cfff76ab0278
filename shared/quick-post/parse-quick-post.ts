import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/zoned-time';
import type { ManualState } from '../status/status-engine';
import type { Locale } from '../i18n/status-messages';
import type { MessageKey } from '../i18n/messages';
import { translate } from '../i18n/translate';
import { untilPhrase, type UntilContext } from './until-phrase';

export type QuickPost =
  | { kind: 'post'; text: string; tags: string[]; mentions: string[] }
  | { kind: 'status'; state: ManualState; until: number | null; text: string | null; emoji: string | null }
  | { kind: 'clear' }
  | { kind: 'ask'; to: string; text: string; urgent: boolean }
  | { kind: 'decision'; text: string; tags: string[]; mentions: string[] }
  | { kind: 'error'; message: string };

type QuickPostError = Extract<MessageKey, `quickPost.${string}`>;

const commands = ['focus', 'away', 'dnd', 'available', 'clear', 'ask', 'decide'] as const;
/** The glyph a quick post gives each state: the windows draw it as that state's icon, not as an emoji. */
export const defaultEmoji: Record<ManualState, string | null> = {
  focus: '🎯',
  away: '🚶',
  dnd: '⛔',
  available: null,
};

export function extractTags(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(/(?:^|[^\p{L}\p{N}_])#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1]!.toLowerCase()),
    ),
  ];
}

export function extractMentions(text: string): string[] {
  return [
    ...new Set(
      [
        ...text.matchAll(
          /(?:^|[^\p{L}\p{N}_.])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[\p{L}\p{N}_])/gu,
        ),
      ].map((m) => m[1]!),
    ),
  ];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length]!;
}

/** "90m", "1h", "1h30", "1h30m", "2h 15m", "45min" → ms; undefined if it is not one. */
export function parseDuration(word: string): number | undefined {
  const s = word.trim().toLowerCase();
  const compact = /^(\d+)h(\d{1,2})$/.exec(s); // "1h30"
  if (compact) return Number(compact[1]) * HOUR_MS + Number(compact[2]) * MINUTE_MS;
  const m = /^(?:(\d+)\s*h(?:ours?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return undefined;
  const ms = Number(m[1] ?? 0) * HOUR_MS + Number(m[2] ?? 0) * MINUTE_MS;
  return ms > 0 ? ms : undefined;
}

/**
 * Reads what someone typed in the quick-post box. Plain text is a "what I'm on" post;
 * /focus, /away, /dnd, /available and /clear set the status, with an optional duration
 * ("90m", "1h30") or end ("until 14:00", "until tomorrow") in the person's zone.
 */
export function parseQuickPost(input: string, context: UntilContext & { locale: Locale }): QuickPost {
  // Mistakes are told in the person's language: the box shows them as they are.
  const error = (key: QuickPostError, params: Record<string, string | number> = {}): QuickPost => ({
    kind: 'error',
    message: translate(context.locale, key, params),
  });
  const text = input.trim();
  if (text === '') return error('quickPost.empty');
  if (!text.startsWith('/')) {
    if (text.length > 500) return error('quickPost.postTooLong', { n: text.length });
    return { kind: 'post', text, tags: extractTags(text), mentions: extractMentions(text) };
  }
  const [head = '', ...words] = text.slice(1).split(/\s+/);
  const name = head.toLowerCase();
  if (!(commands as readonly string[]).includes(name)) {
    const close = commands
      .filter((c) => editDistance(c, name) <= 2)
      .sort((a, b) => editDistance(a, name) - editDistance(b, name))[0];
    const list = commands.map((c) => `/${c}`).join(', ');
    return close
      ? error('quickPost.unknownCommandClose', { command: `/${head}`, close: `/${close}`, list })
      : error('quickPost.unknownCommand', { command: `/${head}`, list });
  }
  if (name === 'clear') return { kind: 'clear' };
  if (name === 'ask') {
    const [to = '', ...rest] = words;
    // "/ask @bob ! the server is down": a leading "!" marks it urgent.
    const joined = rest.join(' ').trim();
    const urgent = joined.startsWith('!');
    const question = urgent ? joined.slice(1).trim() : joined;
    if (!/^@\S+/.test(to)) return error('quickPost.askWho');
    if (!question) return error('quickPost.askWhat', { to });
    if (question.length > 500) return error('quickPost.askTooLong', { n: question.length });
    return { kind: 'ask', to: to.slice(1), text: question, urgent };
  }
  if (name === 'decide') {
    const decision = words.join(' ').trim();
    if (!decision) return error('quickPost.decideWhat');
    if (decision.length > 500) return error('quickPost.decideTooLong', { n: decision.length });
    return {
      kind: 'decision',
      text: decision,
      tags: extractTags(decision),
      mentions: extractMentions(decision),
    };
  }
  const state = name as ManualState;
  let until: number | null = null;
  if (/^(until|jusqu[’']?(à|a|au)?)$/i.test(words[0] ?? '')) {
    const phrase = untilPhrase(words.slice(1), context);
    if (!phrase) return error('quickPost.badUntil', { words: words.slice(0, 2).join(' ') });
    until = phrase.at;
    words.splice(0, 1 + phrase.used);
  } else if (words[0] !== undefined) {
    const duration = parseDuration(words[0]);
    if (duration !== undefined) {
      if (duration > 7 * DAY_MS)
        return error('quickPost.overAWeek', { duration: words[0], command: `/${name}` });
      until = context.now + duration;
      words.shift();
    } else if (/^\d/.test(words[0])) {
      return error('quickPost.badDuration', { word: words[0] });
    }
  }
  const rest = words.join(' ').trim();
  if (rest.length > 140) return error('quickPost.statusTooLong', { n: rest.length });
  return { kind: 'status', state, until, text: rest || null, emoji: defaultEmoji[state] };
}
