import type { Segment } from '../availability/segments';
import { summarize } from '../availability/summary';
import { wallDayStart, wallWeekStart, type WorkingHours } from '../availability/working-hours';
import { formatSpan, intlLocale, type Locale } from '../i18n/status-messages';
import { timeOfDay } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { DAY_MS, wallToUtc } from '../time/zoned-time';

export interface DigestInput {
  posts: readonly { text: string; createdAt: number }[];
  /** Decisions by others that name me, in the digest's period. */
  decisions?: readonly { text: string; by: string; createdAt: number }[];
  /** Merged busy time; null when I have no calendar (load then reads "no calendar", not 0%). */
  busy: readonly Segment[] | null;
  /** Each meeting on its own (back-to-back meetings are two); defaults to the busy segments. */
  meetings?: readonly Segment[];
  hours: WorkingHours;
  tz: string;
  now: number;
  period: 'day' | 'week';
  locale: Locale;
}

export interface Digest {
  text: string;
  markdown: string;
  meetings: number;
  load: number | null;
  posts: number;
}

/**
 * "My day" (yesterday's and today's posts, today's meetings and load) or "my week", as
 * plain text and Markdown ready to paste into a standup. Works with no team at all.
 */
export function standupDigest(input: DigestInput): Digest {
  const locale = input.locale;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, number>) =>
    translate(locale, key, params);
  const w = {
    day: tr('digest.day'),
    week: tr('digest.week'),
    yesterday: tr('digest.yesterday'),
    today: tr('digest.today'),
    load: tr('digest.load'),
    meetings: (n: number) => tr('digest.meetings', { n }),
    noPosts: tr('digest.noPosts'),
    nextFree: tr('digest.nextFree'),
    noCalendar: tr('digest.noCalendar'),
  };
  const today = wallDayStart(input.tz, input.now);
  const weekStart = wallWeekStart(input.tz, input.now);
  const from = wallToUtc(input.tz, input.period === 'day' ? today - DAY_MS : weekStart);
  const meetingsFrom = wallToUtc(input.tz, input.period === 'day' ? today : weekStart);
  const to = wallToUtc(input.tz, input.period === 'day' ? today + DAY_MS : weekStart + 7 * DAY_MS);
  const window = { from: meetingsFrom, to };
  const busy = input.busy ?? [];
  const summary = summarize({
    segments: busy,
    window: { from: input.now - DAY_MS, to: input.now + 14 * DAY_MS },
    now: input.now,
    tz: input.tz,
    hours: input.hours,
  });
  const meetings = (input.meetings ?? busy).filter(
    (s) => s.kind !== 'oof' && s.start < window.to && s.end > window.from,
  ).length;
  const load = input.busy === null ? null : input.period === 'day' ? summary.loadToday : summary.loadWeek;

  const dayName = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: input.tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const time = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: input.tz, ...timeOfDay() });
  const posts = input.posts
    .filter((p) => p.createdAt >= from && p.createdAt < to)
    .sort((a, b) => a.createdAt - b.createdAt);
  const groups = new Map<string, string[]>();
  for (const post of posts) {
    const day = wallDayStart(input.tz, post.createdAt);
    const heading =
      input.period === 'day' ? (day === today ? w.today : w.yesterday) : dayName.format(post.createdAt);
    groups.set(heading, [...(groups.get(heading) ?? []), `${time.format(post.createdAt)} ${post.text}`]);
  }
  // A week is named by its days, Monday to Sunday, whatever day it is read on.
  const title =
    input.period === 'day'
      ? `${w.day} — ${dayName.format(input.now)}`
      : `${w.week} — ${dayName.format(wallToUtc(input.tz, weekStart))} – ${dayName.format(wallToUtc(input.tz, weekStart + 6 * DAY_MS))}`;
  const decisions = (input.decisions ?? [])
    .filter((d) => d.createdAt >= from && d.createdAt < to)
    .map((d) => `${d.by}: ${d.text}`);
  const stats =
    load === null ? [w.noCalendar] : [`${w.load} ${Math.round(load * 100)}%`, w.meetings(meetings)];
  // A slot on another day says which day; within one day the date is written once.
  if (summary.nextFree && input.busy !== null)
    stats.push(
      `${w.nextFree} ${formatSpan(summary.nextFree.from, summary.nextFree.to, input.now, locale, input.tz)}`,
    );
  const statsLine = stats.join(' · ');
  const text = [
    title,
    statsLine,
    ...(groups.size === 0
      ? [w.noPosts]
      : [...groups].flatMap(([h, lines]) => [`${h}:`, ...lines.map((l) => `- ${l}`)])),
    ...(decisions.length ? [`${tr('digest.decisions')}:`, ...decisions.map((d) => `- ${d}`)] : []),
  ].join('\n');
  const markdown = [
    `**${title}**`,
    statsLine,
    '',
    ...(groups.size === 0
      ? [`_${w.noPosts}_`]
      : [...groups].flatMap(([h, lines]) => [`*${h}*`, ...lines.map((l) => `- ${l}`)])),
    ...(decisions.length ? ['', `*${tr('digest.decisions')}*`, ...decisions.map((d) => `- ${d}`)] : []),
  ].join('\n');
  return { text: `${text}\n`, markdown: `${markdown}\n`, meetings, load, posts: posts.length };
}
