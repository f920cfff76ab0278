import { describe, expect, it } from 'vitest';
import { parseQuickPost } from '../../../shared/quick-post/parse-quick-post';
import { parseWorkingHours } from '../../../shared/availability/working-hours';
import { isoInstant, parseInstant } from '../../../shared/time/zoned-time';

const now = parseInstant('2026-03-10T10:00:00Z'); // 11:00 in Paris
const parse = (text: string) => parseQuickPost(text, { now, tz: 'Europe/Paris', locale: 'en' });
const until = (text: string) => {
  const p = parse(text);
  return p.kind === 'status' && p.until !== null ? isoInstant(p.until) : p;
};

describe('quick posts: until a day, as people say it', () => {
  const hours = parseWorkingHours('mon-fri 09:00-18:00');
  const friday = parseInstant('2026-03-13T15:00:00Z'); // Friday 16:00 in Paris
  const at = (text: string, clock = now) => {
    const p = parseQuickPost(text, { now: clock, tz: 'Europe/Paris', hours, locale: 'en' });
    return p.kind === 'status' && p.until !== null ? isoInstant(p.until) : p;
  };

  it.each([
    ['/dnd until tomorrow', friday, '2026-03-16T08:00:00Z'], // Friday: the next working day is Monday
    ['/dnd until tomorrow', now, '2026-03-11T08:00:00Z'],
    ['/away until Monday', now, '2026-03-16T08:00:00Z'],
    ['/away until lundi', now, '2026-03-16T08:00:00Z'],
    ['/away jusqu’à demain 9h', now, '2026-03-11T08:00:00Z'],
    ["/away jusqu'à jeudi 14h30", now, '2026-03-12T13:30:00Z'],
    ['/focus until friday 14:00 Q3 plan', now, '2026-03-13T13:00:00Z'],
    ['/away until 12/03', now, '2026-03-12T08:00:00Z'],
    ['/away until 2026-03-20 12:00', now, '2026-03-20T11:00:00Z'],
  ])('%s (said at %s) ends at %s', (text, clock, end) => {
    expect(at(text, clock)).toBe(end);
  });

  it('keeps the words after the day as the status text', () => {
    expect(
      parseQuickPost('/focus until friday 14:00 Q3 plan', { now, tz: 'Europe/Paris', hours, locale: 'en' }),
    ).toMatchObject({
      text: 'Q3 plan',
    });
  });
});

describe('quick posts: asks and decisions', () => {
  it('/ask @name names one person and the question', () => {
    expect(parse('/ask @chloe Can you review the Q3 plan?')).toEqual({
      kind: 'ask',
      to: 'chloe',
      text: 'Can you review the Q3 plan?',
      urgent: false,
    });
  });

  it('/ask @name ! marks it urgent; the "!" is not part of the question', () => {
    expect(parse('/ask @chloe ! The release build is broken')).toEqual({
      kind: 'ask',
      to: 'chloe',
      text: 'The release build is broken',
      urgent: true,
    });
    expect(parse('/ask @chloe !Now please')).toMatchObject({ text: 'Now please', urgent: true });
    expect(parse('/ask @chloe Is it done!')).toMatchObject({ text: 'Is it done!', urgent: false });
    expect(parse('/ask @chloe !')).toMatchObject({ kind: 'error' });
  });

  it('/decide keeps who it names and its tags', () => {
    expect(parse('/decide Move the billing migration to Monday @ana @dan #billing')).toEqual({
      kind: 'decision',
      text: 'Move the billing migration to Monday @ana @dan #billing',
      tags: ['billing'],
      mentions: ['ana', 'dan'],
    });
  });
});

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
    ['/lunch', 'unknown command /lunch (commands: /focus, /away, /dnd, /available, /clear, /ask, /decide)'],
    ['/ask Can you review?', 'say who to ask first: /ask @ana'],
    ['/ask @ana', 'what do you want to ask @ana?'],
    ['/decide', 'write the decision'],
    [
      '/away until noonish',
      '"until noonish": expected a time like 14:00, a day like tomorrow, Monday or 12/03, or both',
    ],
    ['/focus 3x', '"3x" is not a duration like 90m, 1h or 1h30'],
    ['   ', 'type something to post'],
  ])('%s → a clear error', (text, message) => {
    const p = parse(text);
    expect(p.kind).toBe('error');
    expect(p.kind === 'error' && p.message).toContain(message);
  });
});
