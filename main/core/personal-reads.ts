import { findCommonSlots } from '../../shared/availability/find-time';
import type { Segment } from '../../shared/availability/segments';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { standupDigest } from '../../shared/digest/standup-digest';
import { statusLabel } from '../../shared/i18n/status-messages';
import { computeStatus, type Status } from '../../shared/status/status-engine';
import { DAY_MS, isoInstant } from '../../shared/time/zoned-time';
import type { BoardMember } from '../cache/cache-queries';
import type { AvailabilityReport } from '../calendar/availability-engine';
import type { Locale } from '../../shared/i18n/status-messages';
import type { ProfileConfig } from '../profile/profile';
import { personState } from './person-status';

/** What the reads about me start from: my settings, my busy time, my posts. */
export interface Personal {
  config: Readonly<ProfileConfig>;
  /** The language the session speaks (chosen, else the system's). */
  locale: Locale;
  /** null without any calendar. */
  busy: Segment[] | null;
  meetings: Segment[];
  posts: { text: string; createdAt: number }[];
  decisions: { text: string; by: string; createdAt: number }[];
}

export function digestOf(me: Personal, period: 'day' | 'week', now: number) {
  return standupDigest({
    posts: me.posts,
    decisions: me.decisions,
    busy: me.busy,
    meetings: me.meetings,
    hours: parseWorkingHours(me.config.hours),
    tz: me.config.tz,
    now,
    period,
    locale: me.locale,
  });
}

/** My day: my state as teammates see it (or from my calendars alone), load, next free, digests. */
export function myDayOf(
  me: Personal,
  report: AvailabilityReport | undefined,
  seen: { computed: Status; label: string } | undefined,
  now: number,
) {
  const day = digestOf(me, 'day', now);
  const week = digestOf(me, 'week', now);
  const alone = computeStatus(
    { busy: me.busy ?? [], hours: parseWorkingHours(me.config.hours), timezone: me.config.tz },
    now,
  );
  return {
    state: seen?.computed.state ?? alone.state,
    label: seen?.label ?? statusLabel(alone, now, me.locale, me.config.tz),
    loadToday: report ? report.summary.loadToday : null,
    loadWeek: report ? report.summary.loadWeek : null,
    nextFree: report?.summary.nextFree
      ? { start: isoInstant(report.summary.nextFree.from), end: isoInstant(report.summary.nextFree.to) }
      : null,
    meetingsToday: day.meetings,
    digest: {
      day: { text: day.text, markdown: day.markdown },
      week: { text: week.text, markdown: week.markdown },
    },
    calendars: me.config.calendars.length,
  };
}

/** The next common free slots of these members, inside everyone's working hours. */
export function commonSlots(members: readonly BoardMember[], minutes: number, now: number) {
  const attendees = members.map((m) => {
    const person = personState(m); // a bad zone or segment of one member spoils only them
    return { busy: person.busy as Segment[], hours: person.hours, timezone: person.timezone };
  });
  const from = Math.ceil(now / 900_000) * 900_000;
  return findCommonSlots(attendees, { from, to: now + 14 * DAY_MS }, minutes).map((s) => ({
    start: isoInstant(s.from),
    end: isoInstant(s.to),
  }));
}
