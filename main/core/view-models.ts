import { sentByMe } from '../../shared/asks/asks-waiting';
import { currentRegion } from '../../shared/i18n/locale';
import type { AskView, CalendarView, MemberView, PostView, SettingsView } from '../../shared/views';
import { distinctNames } from '../../shared/people/find-person';
import { askArrival } from './asks-and-decisions';
import type { DesktopCore } from './desktop-core';
import { memberViewsOf } from './member-views';
import { boardNamed } from './person-status';
import { LOCAL_ME } from './posting-commands';
import { isSignInAgain } from './provider-calendars';

/** The board as the renderer shows it: computed state and label for the viewer's zone. */
export function memberViews(core: DesktopCore, now: number, team: string | null = null): MemberView[] {
  return memberViewsOf(core.reads.boardStates(now, team), core.reads.me?.id, core.reads.stars());
}

/** Whom the @ being typed may name, from the whole organisation, as the suggestions show them. */
export function mentionViews(core: DesktopCore, typed: string, now: number): MemberView[] {
  const watched = new Set(core.reads.shown().map((m) => m.id));
  return memberViewsOf(
    boardNamed(core.reads.mentionable(typed), now),
    core.reads.me?.id,
    core.reads.stars(),
    watched,
  );
}

export function postViews(
  core: DesktopCore,
  options: Parameters<DesktopCore['reads']['feed']>[0],
): PostView[] {
  const names = distinctNames(core.reads.members() as { id: string; name: string; createdAt?: string }[]);
  const me = core.reads.me?.id ?? LOCAL_ME;
  return core.reads.feed(options).map((p) => ({
    id: p.id,
    memberId: p.memberId,
    author: names.get(p.memberId) ?? (p.memberId === me ? (core.reads.me?.name ?? 'Me') : '—'),
    text: p.text,
    tags: p.tags,
    createdAt: p.createdAt,
    pending: !!p.pending,
    decision: p.kind === 'decision',
    mine: p.memberId === me,
  }));
}

export function settingsView(core: DesktopCore): SettingsView {
  const state = core.reads.calendarState();
  const calendars: CalendarView[] = core.reads.config.calendars.map((c) => {
    const name = core.reads.calendarName(c);
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
    tz: core.reads.config.tz,
    hours: core.reads.config.hours,
    locale: core.reads.config.locale ?? null,
    language: core.reads.locale,
    clock: core.reads.config.clock ?? null,
    region: currentRegion().tag,
    pausePublishing: core.reads.config.pausePublishing,
    hotkey: core.reads.config.hotkey,
    openAtLogin: core.reads.config.openAtLogin ?? null,
    notifications: core.reads.config.notifications,
    quietInMeetings: core.reads.config.quietInMeetings,
    me: core.reads.config.me,
    joinedAs: core.reads.identity?.member.email ?? null,
    role: core.reads.config.role,
    skills: core.reads.config.skills,
    calendars,
    calendarsReadAt: state?.at ?? null,
    team: core.reads.identity
      ? { name: core.reads.identity.team.name, server: core.reads.identity.server }
      : null,
    hosting: core.reads.hosting ? { host: core.reads.hosting.host, port: core.reads.hosting.port } : null,
    demo: !!core.reads.hosting?.demo,
    warnings: core.reads.warnings(),
  };
}

/** My asks with names and, for the ones I made, when they arrive in words. */
export function askViews(core: DesktopCore, now: number): { toMe: AskView[]; fromMe: AskView[] } {
  const names = new Map(core.reads.members().map((m) => [m.id, m.name]));
  const me = core.reads.me?.id;
  const locale = core.reads.locale;
  const views = core.reads.asks().map((a): AskView => {
    const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
    const deliverAt = Date.parse(a.deliverAt);
    return {
      id: a.id,
      from: person(a.from),
      to: person(a.to),
      text: a.text,
      state: a.state,
      mine: sentByMe(a, me),
      deliverAt: a.deliverAt,
      arrival: askArrival(
        names.get(a.to) ?? '—',
        { at: deliverAt, waitsFor: a.waitsFor },
        now,
        locale,
        core.reads.config.tz,
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
