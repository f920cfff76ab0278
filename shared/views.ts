import type { DisplayState, ManualState } from './status/status-engine';

/** What the renderer shows, as the core hands it over (instants are UTC strings). */
export interface MemberView {
  id: string;
  name: string;
  role: 'admin' | 'member';
  isMe: boolean;
  jobTitle: string | null;
  skills: string[];
  topics: string[];
  timezone: string | null;
  /**
   * When this member's state next changes (the board's one timer). The state and its label are
   * computed where they are shown, at that view's clock (shared/status/member-view-status.ts).
   */
  nextChange: string | null;
  status: {
    state: ManualState;
    emoji: string | null;
    text: string | null;
    until: string | null;
    /** When it was set: what they are on is the newer of it and their latest post. */
    updatedAt?: string;
  } | null;
  loadToday: number | null;
  loadWeek: number | null;
  busy: { start: string; end: string; kind: 'busy' | 'focus' | 'tentative' | 'oof' }[];
  /** False for a member who never shared a calendar: shown as such, not as free. */
  calendarShared: boolean;
  /** Titles of their busy time, only from calendars they chose to share titles of. */
  titles: { start: string; title: string }[];
  /** What in their record could not be read (an unknown zone…): only their card says so. */
  problems: string[];
  /** Their calendar could not be read since then: what they published may be out of date. */
  staleSince: string | null;
  /** Where they work, span by span ("working elsewhere", a working location): never busy. */
  places: { start: string; end: string; kind: 'home' | 'office' | 'elsewhere'; label?: string }[];
  workingHours: { start: number; end: number }[][] | null;
  latestPost: { id: string; text: string; createdAt: string } | null;
  /** I star them (they may be in none of my teams). */
  starred: boolean;
  /**
   * False for someone I do not watch (an @mention suggestion from another team): their presence
   * never reaches me, so there is no state to show, only that. Absent on the board (all watched).
   */
  watched?: false;
}

/** Someone of the organisation found by "who knows about…", wherever they work. */
export interface PersonMatch {
  id: string;
  name: string;
  jobTitle: string | null;
  skills: string[];
  /** The names of their teams. */
  teams: string[];
  starred: boolean;
  /** On my board already (in one of my teams, or starred). */
  onBoard: boolean;
}

/** A team of mine, as the board's switch lists it. */
export interface TeamChoice {
  id: string;
  name: string;
  size: number;
}

export interface Freshness {
  asOf: string | null;
  online: boolean;
  queued: number;
  inTeam: boolean;
  /** The team no longer knows me (removed, or my token revoked): not a passing "offline". */
  removed: boolean;
  /** Signed in with the company's account, which no longer lets me in (or the sign-in ran out). */
  signInAgain: boolean;
}

export interface PostView {
  id: string;
  memberId: string;
  author: string;
  text: string;
  tags: string[];
  createdAt: string;
  pending: boolean;
  mine: boolean;
  /** A decision (/decide): it names who it involves. */
  decision: boolean;
}

export interface MyDayView {
  state: DisplayState;
  label: string;
  /** Why I am shown so, in order, naming the calendar that made each block. */
  why: string;
  /** null without any calendar ("–", not 0%). */
  loadToday: number | null;
  loadWeek: number | null;
  nextFree: { start: string; end: string } | null;
  meetingsToday: number;
  digest: { day: { text: string; markdown: string }; week: { text: string; markdown: string } };
  calendars: number;
}

export interface CalendarView {
  id: string;
  kind: 'file' | 'feed' | 'caldav' | 'microsoft' | 'google';
  location: string;
  name: string;
  ignoreAllDay: boolean;
  shareTitles: boolean;
  error: string | null;
  /** A Microsoft 365 or Google calendar whose sign-in expired or was revoked: only signing in again helps. */
  signInAgain: boolean;
  /** Events read from it last time; null before the first read. */
  events: number | null;
}

export interface SettingsView {
  tz: string;
  hours: string;
  /** The language chosen in Settings; null: the system's. */
  locale: 'en' | 'fr' | null;
  /** The language everything speaks now (the chosen one, else the system's). */
  language: 'en' | 'fr';
  /** The clock chosen in Settings; null: the region's. */
  clock: '12h' | '24h' | null;
  /** The system's regional format ("en-US"): the windows write times and dates as the core does. */
  region: string;
  pausePublishing: boolean;
  hotkey: string;
  /** null: the default (on in the packaged app, off while developing). */
  openAtLogin: boolean | null;
  notifications: boolean;
  quietInMeetings: boolean;
  /** My other calendar addresses; `joinedAs` is the one my team knows me by. */
  me: string[];
  joinedAs: string | null;
  role: string;
  skills: string[];
  calendars: CalendarView[];
  calendarsReadAt: string | null;
  team: { name: string; server: string } | null;
  /** The team server this computer hosts, if any. */
  hosting: { host: string; port: number } | null;
  /** The profile is in the demo team (sample people), removable in one step. */
  demo: boolean;
  /** Problems with the profile's files (a settings file moved aside), in words. */
  warnings: string[];
}

/** An ask as its two people see it. */
export interface AskView {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  text: string;
  state: 'pending' | 'delivered' | 'answered' | 'snoozed' | 'dismissed';
  /** From me (I asked) or to me (my inbox). */
  mine: boolean;
  deliverAt: string;
  /** "reaches Ana at 15:30, after a meeting", for the asker. */
  arrival: string;
  deliveredAt: string | null;
  seenAt: string | null;
  answer: string | null;
  snoozedUntil: string | null;
  /** Its author marked it urgent: delivered at once. */
  urgent: boolean;
}

/** One of my devices, as Settings lists it. */
export interface DeviceView {
  id: string;
  /** null: a device that never gave a name (a token from an admin, an older app). */
  name: string | null;
  current: boolean;
  createdAt: string;
  lastSeenAt: string | null;
}
