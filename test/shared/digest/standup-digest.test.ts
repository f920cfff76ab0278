import { describe, expect, it } from 'vitest';
import { parseWorkingHours } from '../../../shared/availability/working-hours';
import { standupDigest } from '../../../shared/digest/standup-digest';
import { parseInstant } from '../../../shared/time/zoned-time';

const at = parseInstant;
const input = {
  posts: [
    { text: 'Fixed the #sync retry', createdAt: at('2026-03-09T16:00:00Z') },
    { text: 'Reviewing #billing', createdAt: at('2026-03-10T08:15:00Z') },
    { text: 'Old news', createdAt: at('2026-03-02T08:15:00Z') },
  ],
  busy: [
    { start: at('2026-03-10T09:00:00Z'), end: at('2026-03-10T10:00:00Z'), kind: 'busy' as const },
    { start: at('2026-03-10T13:00:00Z'), end: at('2026-03-10T14:30:00Z'), kind: 'busy' as const },
    { start: at('2026-03-12T13:00:00Z'), end: at('2026-03-12T14:00:00Z'), kind: 'busy' as const },
  ],
  hours: parseWorkingHours('mon-fri 09:00-18:00'),
  tz: 'Europe/Paris',
  now: at('2026-03-10T08:30:00Z'),
  locale: 'en' as const,
};

describe('standup digest', () => {
  it('my day: yesterday and today, meetings and load, ready to paste', () => {
    const d = standupDigest({ ...input, period: 'day' });
    expect(d.text).toBe(
      [
        'My day — Tue 10 Mar',
        'load 28% · 2 meetings · next free slot 09:30–10:00',
        'Yesterday:',
        '- 17:00 Fixed the #sync retry',
        'Today:',
        '- 09:15 Reviewing #billing',
        '',
      ].join('\n'),
    );
    expect(d.markdown).toContain('**My day — Tue 10 Mar**');
    expect(d.markdown).toContain('*Today*\n- 09:15 Reviewing #billing');
  });

  it('my week, in French', () => {
    const d = standupDigest({ ...input, period: 'week', locale: 'fr' });
    expect(d.meetings).toBe(3);
    expect(d.posts).toBe(2);
    expect(d.text.split('\n')[0]).toBe('Ma semaine — lun. 9 mars – dim. 15 mars');
    expect(d.text).toContain('3 réunions');
  });

  it('with no posts it says so', () => {
    expect(standupDigest({ ...input, posts: [], period: 'day' }).text).toContain('no posts yet');
  });
});
