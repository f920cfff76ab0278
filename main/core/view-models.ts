import { currentRegion } from '../../shared/i18n/locale';
import type { ManualState } from '../../shared/status/status-engine';
import { isoInstant } from '../../shared/time/zoned-time';
import type { AskView, CalendarView, MemberView, PostView, SettingsView } from '../../shared/views';
import { distinctNames } from '../../shared/people/find-person';
import { askArrival } from './asks-and-decisions';
import type { BoardMember } from '../cache/cache-queries';
import type { DesktopCore } from './desktop-core';
import { personState } from './person-status';
import { LOCAL_ME } from './posting-commands';
import { isSignInAgain } from './provider-calendars';

const iso = (ms: number | null) => (ms === null ? null : isoInstant(ms));

/** The board as the renderer shows it: computed state and label for the viewer's zone. */
export function memberViews(core: DesktopCore, now: number, team: string | null = null): MemberView[] {
  return viewsOf(core, core.board(now, team));
}

/** Whom the @ being typed may name, from the whole organisation, as the suggestions show them. */
export function mentionViews(core: DesktopCore, typed: string, now: number): MemberView[] {
  const watched = new Set(core.organisation.shown().map((m) => m.id));
  return viewsOf(core, core.listWithStatus(core.organisation.mentionable(typed), now), watched);
}

function viewsOf(
  core: DesktopCore,
  people: ReturnType<DesktopCore['board']>,
  watched?: ReadonlySet<string>,
): MemberView[] {
  const me = core.me?.id;
  const stars = new Set(core.organisation.stars());
  // The board's names are already told apart (look-alikes numbered) by the core.
  return people.map((m: BoardMember & ReturnType<DesktopCore['board']>[number]) => ({
    id: m.id,
    name: m.name,
    role: m.role,
    isMe: m.id === me,
    jobTitle: m.profile.role ?? null,
    skills: m.profile.skills ?? [],
    topics: m.topics,
    timezone: m.profile.timezone ?? null,
    state: m.computed.state,
    label: m.label,
    until: iso(m.computed.until),
    nextChange: iso(m.computed.nextChange),
    status: m.status?.state
      ? {
          state: m.status.state as ManualState,
          emoji: m.status.emoji,
          text: m.status.text,
          until: m.status.until,
          updatedAt: m.status.updatedAt,
        }
      : null,
    loadToday: m.availability?.loadToday ?? null,
    loadWeek: m.availability?.loadWeek ?? null,
    busy: m.availability?.busy ?? [],
    calendarShared: m.availability !== null,
    titles: m.availability?.titles ?? [],
    problems: personState(m).problems,
    staleSince: m.availability?.staleSince ?? null,
    places: m.availability?.places ?? [],
    workingHours: m.profile.workingHours ?? null,
    latestPost: m.latestPost && {
      id: m.latestPost.id,
      text: m.latestPost.text,
      createdAt: m.latestPost.createdAt,
    },
    starred: stars.has(m.id),
    ...(watched && !watched.has(m.id) ? { watched: false as const } : {}),
  }));
}

export function postViews(core: DesktopCore, options: Parameters<DesktopCore['feed']>[0]): PostView[] {
  const names = distinctNames(core.members() as { id: string; name: string; createdAt?: string }[]);
  const me = core.me?.id ?? LOCAL_ME;
  return core.feed(options).map((p) => ({
    id: p.id,
    memberId: p.memberId,
    author: names.get(p.memberId) ?? (p.memberId === me ? (core.me?.name ?? 'Me') : '—'),
    text: p.text,
    tags: p.tags,
    createdAt: p.createdAt,
    pending: !!p.pending,
    decision: p.kind === 'decision',
    mine: p.memberId === me,
  }));
}

export function settingsView(core: DesktopCore): SettingsView {
  const state = core.calendarState();
  const calendars: CalendarView[] = core.config.calendars.map((c) => {
    const name = core.calendarName(c);
    const error = state?.warnings.find((w) => w.source === name)?.message ?? null;
    return {
      id: c.id,
      kind: c.kind,
      location: c.location,
      name: c.name ?? name,
      ignoreAllDay: c.ignoreAllDay,
      shareTitles: c.shareTitles,
      error,
      signInAgain: !!error && isSignInAgain(error),
      events: state?.perSource[name] ?? null,
    };
  });
  return {
    tz: core.config.tz,
    hours: core.config.hours,
    locale: core.config.locale ?? null,
    language: core.locale,
    clock: core.config.clock ?? null,
    region: currentRegion().tag,
    pausePublishing: core.config.pausePublishing,
    hotkey: core.config.hotkey,
    openAtLogin: core.config.openAtLogin ?? null,
    notifications: core.config.notifications,
    quietInMeetings: core.config.quietInMeetings,
    me: core.config.me,
    joinedAs: core.identity?.member.email ?? null,
    role: core.config.role,
    skills: core.config.skills,
    calendars,
    calendarsReadAt: state?.at ?? null,
    team: core.identity ? { name: core.identity.team.name, server: core.identity.server } : null,
    hosting: core.hosting ? { host: core.hosting.host, port: core.hosting.port } : null,
    demo: !!core.hosting?.demo,
    warnings: core.warnings(),
  };
}

/** My asks with names and, for the ones I made, when they arrive in words. */
export function askViews(core: DesktopCore, now: number): { toMe: AskView[]; fromMe: AskView[] } {
  const names = new Map(core.members().map((m) => [m.id, m.name]));
  const me = core.me?.id;
  const locale = core.locale;
  const views = core.asks().map((a): AskView => {
    const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
    const deliverAt = Date.parse(a.deliverAt);
    return {
      id: a.id,
      from: person(a.from),
      to: person(a.to),
      text: a.text,
      state: a.state,
      mine: a.from === me,
      deliverAt: a.deliverAt,
      arrival: askArrival(
        names.get(a.to) ?? '—',
        { at: deliverAt, waitsFor: a.waitsFor },
        now,
        locale,
        core.config.tz,
      ),
      deliveredAt: a.deliveredAt,
      seenAt: a.seenAt,
      answer: a.answer,
      snoozedUntil: a.snoozedUntil,
      urgent: a.urgent,
    };
  });
  return { toMe: views.filter((v) => !v.mine), fromMe: views.filter((v) => v.mine) };
}
