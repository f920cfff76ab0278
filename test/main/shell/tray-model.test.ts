import { describe, expect, it } from 'vitest';
import { trayModel } from '../../../main/shell/tray-model';
import type { MemberView } from '../../../shared/views';
import { viewStatus } from '../../../shared/status/member-view-status';

const now = Date.parse('2026-03-10T10:00:00Z'); // 11:00 in Paris
const member = (name: string, extra: Partial<MemberView> = {}): MemberView => ({
  id: name.toLowerCase(),
  name,
  role: 'member',
  isMe: false,
  jobTitle: null,
  skills: [],
  topics: [],
  timezone: null,
  nextChange: null,
  status: null,
  loadToday: null,
  loadWeek: null,
  busy: [],
  calendarShared: true,
  staleSince: null,
  places: [],
  titles: [],
  problems: [],
  workingHours: null,
  latestPost: null,
  starred: false,
  ...extra,
});
const meeting = (start: string, end: string) => [{ start, end, kind: 'busy' as const }];
const team = [
  member('Me', { isMe: true, busy: meeting('2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z') }),
  member('Ana', { busy: meeting('2026-03-10T09:30:00Z', '2026-03-10T14:00:00Z') }),
  member('Bob'),
  member('Cleo', { status: { state: 'dnd', emoji: '⛔', text: null, until: '2026-03-10T12:00:00Z' } }),
  member('Dan'),
];
const base = {
  members: team,
  mine: viewStatus(team[0]!, now),
  now,
  locale: 'en' as const,
  tz: 'Europe/Paris',
  online: true,
  inTeam: true,
  paused: false,
  watching: [],
};

describe('tray at a glance', () => {
  it('icon, count and tooltip from my state and my team', () => {
    const model = trayModel(base);
    expect(model.icon).toBe('free');
    expect(model.freeCount).toBe(2);
    expect(model.tooltip).toBe('Free until 14:00 · 2 of 4 free');
    expect(model.nextChange).toBe(Date.parse('2026-03-10T12:00:00Z'));
  });

  it('a menu with presets, teammates with until-times, notify-when-free, and the app actions', () => {
    const { menu } = trayModel({ ...base, watching: ['ana'] });
    const labels = menu.map((i) => i.label ?? '—');
    expect(labels).toEqual([
      'Free until 14:00',
      'My status',
      '—',
      'Team',
      'Ana — In a meeting until 15:00',
      'Bob — Free',
      'Cleo — Do not disturb until 13:00',
      'Dan — Free',
      '—',
      'Open board',
      'Quick post…',
      'Pause publishing',
      'Preferences…',
      'Help',
      '—',
      'Quit Ricochet',
    ]);
    expect(menu.find((i) => i.label === 'Help')!.submenu!.map((i) => [i.label, i.action])).toEqual([
      ['Open logs folder', { kind: 'open-logs' }],
      ['Copy diagnostics', { kind: 'copy-diagnostics' }],
    ]);
    expect(menu[1]!.submenu!.map((i) => i.action)).toEqual([
      { kind: 'post', text: '/focus 1h' },
      { kind: 'post', text: '/away 30m' },
      { kind: 'post', text: '/dnd until tomorrow' },
      { kind: 'post', text: '/clear' },
    ]);
    expect(menu[4]!.submenu![0]).toMatchObject({
      label: 'Notify me when free',
      checked: true,
      action: { kind: 'watch', memberId: 'ana' },
    });
  });

  it('an update downloaded: "Restart to update" with its version, in the person’s language', () => {
    const item = (locale: 'en' | 'fr') =>
      trayModel({ ...base, locale, updateReady: '0.2.0' }).menu.find(
        (i) => i.action?.kind === 'restart-to-update',
      );
    expect(item('en')?.label).toBe('Restart to update (0.2.0)');
    expect(item('fr')?.label).toBe('Redémarrer pour mettre à jour (0.2.0)');
    expect(trayModel(base).menu.some((i) => i.action?.kind === 'restart-to-update')).toBe(false);
  });

  it('offline shows as its own icon and in the tooltip; French speaks French', () => {
    const model = trayModel({ ...base, online: false, locale: 'fr' });
    expect(model.icon).toBe('offline');
    expect(model.tooltip).toBe('Disponible jusqu’à 14:00 · 2 sur 4 disponibles · hors ligne');
  });

  it('alone, no count and a "no team yet" line', () => {
    const model = trayModel({
      ...base,
      members: [],
      inTeam: false,
      mine: viewStatus(member('Me', { isMe: true }), now),
    });
    expect(model.tooltip).toBe('Free');
    expect(model.menu.find((i) => i.label === 'No team yet')).toMatchObject({ enabled: false });
  });

  it('asks waiting for me show in the tooltip and the menu, in my language', () => {
    const model = trayModel({
      members: team,
      mine: viewStatus(team[0]!, now),
      now,
      locale: 'fr',
      tz: 'Europe/Paris',
      online: true,
      inTeam: true,
      paused: false,
      watching: [],
      asksWaiting: 2,
    });
    expect(model.tooltip).toContain('2 demandes en attente');
    expect(JSON.stringify(model.menu)).toContain('2 demandes en attente');
  });
});
