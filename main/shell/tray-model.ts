import type { Locale } from '../../shared/i18n/status-messages';
import { statusLabel } from '../../shared/i18n/status-messages';
import { viewStatus } from '../../shared/status/member-view-status';
import { computeStatus, type DisplayState, type Status } from '../../shared/status/status-engine';
import type { MemberView } from '../../shared/views';

export type TrayIconState = DisplayState | 'offline';

export type TrayAction =
  | { kind: 'post'; text: string }
  | { kind: 'watch'; memberId: string }
  | { kind: 'open-board' }
  | { kind: 'quick-post' }
  | { kind: 'toggle-pause' }
  | { kind: 'preferences' }
  | { kind: 'quit' };

export interface TrayMenuItem {
  label?: string;
  type?: 'separator' | 'checkbox' | 'normal';
  checked?: boolean;
  enabled?: boolean;
  action?: TrayAction;
  submenu?: TrayMenuItem[];
}

export interface TrayModel {
  icon: TrayIconState;
  freeCount: number;
  tooltip: string;
  menu: TrayMenuItem[];
  nextChange: number | null;
}

const words = {
  en: {
    free: (n: number, of: number) => `${n} of ${of} free`,
    offline: 'offline',
    presets: 'My status',
    focus: 'Focus 1 h',
    away: 'Away 30 min',
    dnd: 'Do not disturb until tomorrow',
    clear: 'Clear status',
    team: 'Team',
    notify: 'Notify me when free',
    board: 'Open board',
    quick: 'Quick post…',
    pause: 'Pause publishing',
    preferences: 'Preferences…',
    quit: 'Quit Ricochet',
    alone: 'No team yet',
  },
  fr: {
    free: (n: number, of: number) => `${n} sur ${of} libres`,
    offline: 'hors ligne',
    presets: 'Mon statut',
    focus: 'Concentration 1 h',
    away: 'Absent 30 min',
    dnd: 'Ne pas déranger jusqu’à demain',
    clear: 'Effacer le statut',
    team: 'Équipe',
    notify: 'Me prévenir quand libre',
    board: 'Ouvrir l’équipe',
    quick: 'Post rapide…',
    pause: 'Suspendre la publication',
    preferences: 'Réglages…',
    quit: 'Quitter Ricochet',
    alone: 'Pas encore d’équipe',
  },
};

/**
 * Everything the tray shows, from the board and the clock: the icon's state and count,
 * the tooltip ("Free until 14:00 · 3 of 7 free"), the menu, and when it next changes, so
 * the shell sets one timer instead of polling. Pure: tested without Electron.
 */
export function trayModel(input: {
  members: MemberView[];
  now: number;
  locale: Locale;
  tz: string;
  online: boolean;
  inTeam: boolean;
  paused: boolean;
  watching: string[];
  myFallback?: Status;
}): TrayModel {
  const w = words[input.locale];
  const me = input.members.find((m) => m.isMe);
  const mine = me ? viewStatus(me, input.now) : (input.myFallback ?? computeStatus({ busy: [] }, input.now));
  const others = input.members.filter((m) => !m.isMe).map((m) => ({ m, s: viewStatus(m, input.now) }));
  const freeCount = others.filter((o) => o.s.state === 'free').length;
  const label = statusLabel(mine, input.now, input.locale, input.tz);
  const tooltip = [
    label,
    ...(input.inTeam ? [w.free(freeCount, others.length)] : []),
    ...(input.inTeam && !input.online ? [w.offline] : []),
  ].join(' · ');
  const team: TrayMenuItem[] = input.inTeam
    ? others.map(({ m, s }) => ({
        label: `${m.name} — ${statusLabel(s, input.now, input.locale, input.tz)}`,
        ...(s.state === 'free'
          ? { action: { kind: 'open-board' } as const }
          : {
              submenu: [
                {
                  label: w.notify,
                  type: 'checkbox' as const,
                  checked: input.watching.includes(m.id),
                  action: { kind: 'watch', memberId: m.id } as const,
                },
              ],
            }),
      }))
    : [{ label: w.alone, enabled: false }];
  const changes = [mine.nextChange, ...others.map((o) => o.s.nextChange)].filter(
    (x): x is number => x !== null,
  );
  return {
    icon: input.inTeam && !input.online ? 'offline' : mine.state,
    freeCount,
    tooltip,
    nextChange: changes.length > 0 ? Math.min(...changes) : null,
    menu: [
      { label, enabled: false },
      {
        label: w.presets,
        submenu: [
          { label: w.focus, action: { kind: 'post', text: '/focus 1h' } },
          { label: w.away, action: { kind: 'post', text: '/away 30m' } },
          { label: w.dnd, action: { kind: 'post', text: '/dnd until tomorrow' } },
          { label: w.clear, action: { kind: 'post', text: '/clear' } },
        ],
      },
      { type: 'separator' },
      { label: w.team, enabled: false },
      ...team,
      { type: 'separator' },
      { label: w.board, action: { kind: 'open-board' } },
      { label: w.quick, action: { kind: 'quick-post' } },
      { label: w.pause, type: 'checkbox', checked: input.paused, action: { kind: 'toggle-pause' } },
      { label: w.preferences, action: { kind: 'preferences' } },
      { type: 'separator' },
      { label: w.quit, action: { kind: 'quit' } },
    ],
  };
}
