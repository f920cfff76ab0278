import { describe, expect, it } from 'vitest';
import { parseQuickPost } from '../../../shared/quick-post/parse-quick-post';
import { isoInstant, parseInstant } from '../../../shared/time/zoned-time';

const now = parseInstant('2026-03-10T10:00:00Z'); // 11:00 in Paris
const parse = (text: string) => parseQuickPost(text, { now, tz: 'Europe/Paris' });
const until = (text: string) => {
  const p = parse(text);
  return p.kind === 'status' && p.until !== null ? isoInstant(p.until) : p;
};

describe('quick posts', () => {
  it('plain text is a post, with its #tags and @mentions', () => {
    expect(parse('Reviewing #billing with @ana.lopez and @Bob, see #Billing')).toEqual({
      kind: 'post',
      text: 'Reviewing #billing with @ana.lopez and @Bob, see #Billing',
      tags: ['billing'],
      mentions: ['ana.lopez', 'Bob'],
    });
    expect(
      parse('mail me at ana@example.com').kind === 'post' && parse('mail me at ana@example.com'),
    ).toMatchObject({ mentions: [] });
  });

  it('/focus with a duration and a text', () => {
    expect(parse('/focus 90m Writing the Q3 plan')).toEqual({
      kind: 'status',
      state: 'focus',
      until: now + 90 * 60_000,
      text: 'Writing the Q3 plan',
      emoji: '🎯',
    });
  });

  it.each([
    ['/dnd 1h', '2026-03-10T11:00:00Z'],
    ['/dnd 1h30', '2026-03-10T11:30:00Z'],
    ['/away until 14:00', '2026-03-10T13:00:00Z'],
    ['/away until 9h30', '2026-03-11T08:30:00Z'],
    ['/dnd until tomorrow', '2026-03-11T08:00:00Z'],
  ])('%s ends at %s (times in the person zone)', (text, end) => {
    expect(until(text)).toBe(end);
  });

  it('/available and /clear', () => {
    expect(parse('/available')).toMatchObject({ kind: 'status', state: 'available', until: null });
    expect(parse('/clear')).toEqual({ kind: 'clear' });
  });

  it.each([
    ['/fcous 1h', 'unknown command /fcous — did you mean /focus?'],
    ['/lunch', 'unknown command /lunch (commands: /focus, /away, /dnd, /available, /clear)'],
    ['/away until noonish', '"until noonish": expected a time like 14:00, or "tomorrow"'],
    ['/focus 3x', '"3x" is not a duration like 90m, 1h or 1h30'],
    ['   ', 'type something to post'],
  ])('%s → a clear error', (text, message) => {
    const p = parse(text);
    expect(p.kind).toBe('error');
    expect(p.kind === 'error' && p.message).toContain(message);
  });
});
