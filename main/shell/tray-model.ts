import type { Locale } from '../../shared/i18n/status-messages';
import { statusLabel } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';
import { viewStatus } from '../../shared/status/member-view-status';
import type { DisplayState, Status } from '../../shared/status/status-engine';
import type { MemberView } from '../../shared/views';

export type TrayIconState = DisplayState | 'offline';

export type TrayAction =
  | { kind: 'post'; text: string }
  | { kind: 'watch'; memberId: string }
  | { kind: 'open-board' }
  | { kind: 'quick-post' }
  | { kind: 'toggle-pause' }
  | { kind: 'preferences' }
  | { kind: 'restart-to-update' }
  | { kind: 'open-logs' }
  | { kind: 'copy-diagnostics' }
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
  /** My state, from the core (the Me view's answer): in a team or alone. */
  mine: Status;
  /** Asks delivered to me and not answered yet. */
  asksWaiting?: number;
  /** An update downloaded and ready: its version. */
  updateReady?: string;
}): TrayModel {
  // The tray's words come from the one string table the windows use.
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, number | string>) =>
    translate(input.locale, key, params);
  const { mine } = input;
  const others = input.members.filter((m) => !m.isMe).map((m) => ({ m, s: viewStatus(m, input.now) }));
  const freeCount = others.filter((o) => o.s.state === 'free').length;
  const label = statusLabel(mine, input.now, input.locale, input.tz);
  const tooltip = [
    label,
    ...(input.inTeam ? [tr('tray.free', { n: freeCount, of: others.length })] : []),
    ...(input.inTeam && !input.online ? [tr('tray.offline')] : []),
    ...(input.asksWaiting ? [tr('tray.asks', { n: input.asksWaiting })] : []),
  ].join(' · ');
  const team: TrayMenuItem[] = input.inTeam
    ? others.map(({ m, s }) => ({
        label: `${m.name} — ${statusLabel(s, input.now, input.locale, input.tz)}`,
        ...(s.state === 'free'
          ? { action: { kind: 'open-board' } as const }
          : {
              submenu: [
                {
                  label: tr('tray.notify'),
                  type: 'checkbox' as const,
                  checked: input.watching.includes(m.id),
                  action: { kind: 'watch', memberId: m.id } as const,
                },
              ],
            }),
      }))
    : [{ label: tr('tray.alone'), enabled: false }];
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
      ...(input.asksWaiting
        ? [{ label: tr('tray.asks', { n: input.asksWaiting }), action: { kind: 'open-board' } as const }]
        : []),
      {
        label: tr('tray.presets'),
        submenu: [
          { label: tr('tray.focus'), action: { kind: 'post', text: '/focus 1h' } },
          { label: tr('tray.away'), action: { kind: 'post', text: '/away 30m' } },
          { label: tr('tray.dnd'), action: { kind: 'post', text: '/dnd until tomorrow' } },
          { label: tr('tray.clear'), action: { kind: 'post', text: '/clear' } },
        ],
      },
      { type: 'separator' },
      { label: tr('tray.team'), enabled: false },
      ...team,
      { type: 'separator' },
      { label: tr('tray.board'), action: { kind: 'open-board' } },
      { label: tr('tray.quick'), action: { kind: 'quick-post' } },
      { label: tr('tray.pause'), type: 'checkbox', checked: input.paused, action: { kind: 'toggle-pause' } },
      { label: tr('tray.preferences'), action: { kind: 'preferences' } },
      {
        label: tr('tray.help'),
        submenu: [
          { label: tr('tray.openLogs'), action: { kind: 'open-logs' } },
          { label: tr('tray.copyDiagnostics'), action: { kind: 'copy-diagnostics' } },
        ],
      },
      { type: 'separator' },
      ...(input.updateReady
        ? [
            {
              label: tr('tray.update', { version: input.updateReady }),
              action: { kind: 'restart-to-update' } as const,
            },
          ]
        : []),
      { label: tr('tray.quit'), action: { kind: 'quit' } },
    ],
  };
}
