import { findCommonSlots } from '../../shared/availability/find-time';
import type { Segment } from '../../shared/availability/segments';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { standupDigest } from '../../shared/digest/standup-digest';
import { statusLabel, statusReasons } from '../../shared/i18n/status-messages';
import { statusChain, type Status } from '../../shared/status/status-engine';
import { DAY_MS, isoInstant } from '../../shared/time/zoned-time';
import type { BoardMember } from '../cache/cache-queries';
import type { AvailabilityReport } from '../calendar/availability-engine';
import type { Locale } from '../../shared/i18n/status-messages';
import type { ProfileConfig } from '../profile/profile';
import { translate } from '../../shared/i18n/translate';
import { myStatusOf, personState } from './person-status';
import { LOCAL_ME } from './posting-commands';

/** My posts (my work log) and the decisions by others that name me, with my settings and busy time. */
export function gatherPersonal(input: {
  me: { id: string; name: string } | undefined;
  config: Readonly<ProfileConfig>;
  locale: Locale;
  members: readonly BoardMember[];
  feed: (options: { memberId?: string; decisions?: boolean; limit: number }) => {
    text: string;
    memberId: string;
    createdAt: string;
    mentions?: readonly string[];
  }[];
  report: AvailabilityReport | undefined;
}): Personal {
  const { me, feed } = input;
  const posts = feed({ memberId: me?.id ?? LOCAL_ME, limit: 500 }).map((p) => ({
    text: p.text,
    createdAt: Date.parse(p.createdAt),
  }));
  // Decisions by others that name me (by the ids the server stored): what was decided about my time.
  const names = new Map(input.members.map((m) => [m.id, m.name]));
  const decisions = feed({ decisions: true, limit: 200 })
    .filter((p) => !!me && p.memberId !== me.id && !!p.mentions?.includes(me.id))
    .map((p) => ({ text: p.text, by: names.get(p.memberId) ?? '—', createdAt: Date.parse(p.createdAt) }));
  return {
    config: input.config,
    locale: input.locale,
    busy: input.report?.busy ?? null,
    meetings: input.report?.meetings ?? [],
    posts,
    decisions,
  };
}

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
  seen: (BoardMember & { computed: Status; label: string }) | undefined,
  now: number,
  /** Each calendar's name as I gave it, by the name its reader goes by (in `report.blocks`). */
  calendarNames: ReadonlyMap<string, string> = new Map(),
) {
  const day = digestOf(me, 'day', now);
  const week = digestOf(me, 'week', now);
  const mine = { busy: me.busy ?? [], hours: parseWorkingHours(me.config.hours), timezone: me.config.tz };
  const status = myStatusOf(me, seen, now);
  // As teammates see me (with my manual status) when in a team; else from my calendars alone.
  const chain = statusChain(seen ? personState(seen) : mine, now);
  const why = statusReasons(chain, translate(me.locale, 'why.you'), now, me.locale, me.config.tz, (step) => [
    ...new Set(
      (report?.blocks ?? [])
        .filter((b) => b.kind === step.state && b.start < (step.until ?? Infinity) && b.end > step.from)
        .map((b) => calendarNames.get(b.source) ?? b.source),
    ),
  ]);
  return {
    state: status.state,
    label: seen?.label ?? statusLabel(status, now, me.locale, me.config.tz),
    why,
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

/**
 * Find a time among these people: the common slots of those who shared a calendar; someone who
 * never did is not "always free", so they are left out and named.
 */
export function findTimeAmong(members: readonly BoardMember[], minutes: number, now: number) {
  const unshared = members.filter((m) => m.availability === null);
  const counted = members.filter((m) => m.availability !== null);
  return {
    slots: counted.length > 0 ? commonSlots(counted, minutes, now) : [],
    unshared: unshared.map((m) => ({ id: m.id, name: m.name })),
  };
}
