import { useEffect, useState } from 'react';
import type { SettingsView as SettingsData } from '../../shared/views';
import { getApi, linkRefused, onBridgeState } from './api';
import { Notices } from './components/notices';
import { QuickPostInput } from './components/quick-post-input';
import { formatMoment } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';
import { setRegion } from '../../shared/i18n/locale';
import { LocaleProvider, systemLocale, useT, useZone } from './i18n/i18n';
import type { MessageKey } from '../../shared/i18n/messages';
import { useCore, useCoreStore } from './use-core';
import { BoardView } from './views/board-view';
import { FeedView } from './views/feed-view';
import { FindTimeView } from './views/find-time-view';
import { MeView } from './views/me-view';
import { waitingForMe } from '../../shared/asks/asks-waiting';
import { OnboardingView } from './views/onboarding-view';
import { SettingsView } from './views/settings-view';
import type { JoinLink } from './views/join-forms';

const views = {
  board: 'nav.board',
  feed: 'nav.feed',
  me: 'nav.me',
  find: 'nav.findTime',
  settings: 'nav.settings',
} as const satisfies Record<string, MessageKey>;
type View = keyof typeof views;

export function App() {
  if (!getApi()) {
    return (
      <main>
        <h1>Ricochet</h1>
        <p>Your team's real availability, at a glance.</p>
        <p role="status" aria-label="connection">
          no core connected
        </p>
      </main>
    );
  }
  return <ConnectedApp />;
}

function ConnectedApp() {
  const settings = useCore('settings', (api) => api.settingsGet({}));
  const [refused, setRefused] = useState(linkRefused());
  useEffect(() => onBridgeState((_connected, isRefused) => setRefused(isRefused)), []);
  // The session's one language (chosen, else the system's); the browser's only until it answers.
  const locale = settings.data?.language ?? systemLocale();
  // Times are written as the core writes them: its region, and the clock chosen in Settings.
  if (settings.data) setRegion(settings.data.region, settings.data.clock);
  const quick = new URLSearchParams(location.hash.slice(1)).get('view') === 'quick-post';
  // The board is the first screen in a team: its read runs alongside the settings' read.
  const store = useCoreStore();
  useEffect(() => void (quick || store.prime('board', (api) => api.boardGet({}))), [quick, store]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  if (refused)
    // A link from an earlier run: say what to do, rather than a page that never fills.
    return (
      <main>
        <h1>Ricochet</h1>
        <p role="alert">{translate(locale, 'bridge.refused')}</p>
      </main>
    );
  return (
    <LocaleProvider locale={locale} zone={settings.data?.tz}>
      {quick ? <QuickPostWindow /> : <Shell settings={settings.data} />}
    </LocaleProvider>
  );
}

function QuickPostWindow() {
  return (
    <main className="quick-window">
      <QuickPostInput autoFocus onEscape={() => window.close()} />
    </main>
  );
}

function Shell({ settings }: { settings: SettingsData | undefined }) {
  const t = useT();
  const [view, setView] = useState<View | null>(null);
  // Decided once, on the first settings: onboarding then runs to its end even as it adds a calendar.
  const [onboarding, setOnboarding] = useState<boolean | null>(null);
  const [joinLink, setJoinLink] = useState<JoinLink | null>(null);
  const asks = useCore('asks', (api) => api.asksGet({})).data;
  useEffect(() => {
    if (settings && onboarding === null) setOnboarding(settings.calendars.length === 0 && !settings.team);
  }, [settings, onboarding]);
  // A ricochet://join link opens the join form with its server and code filled in.
  useEffect(() => {
    const api = getApi();
    const open = (link: JoinLink | null) => {
      if (!link) return;
      setJoinLink(link);
      setOnboarding(false);
      setView('settings');
    };
    void api?.joinPending({}).then((r) => open(r.link));
    return api?.on('core:join-link', () => void api.joinPending({}).then((r) => open(r.link)));
  }, []);
  // Escape closes the popover (the shell hides it), unless it belongs to a field being typed in.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if ((event.target as Element | null)?.closest?.('input, textarea, select, [contenteditable]')) return;
      window.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // A clicked notification: the view that holds what it was about.
  useEffect(
    () =>
      getApi()?.on('core:open', (payload) => {
        if (payload.view in views) setView(payload.view);
      }),
    [],
  );
  if (!settings || onboarding === null) return null;
  const viewerTz = settings.tz;
  const waiting = waitingForMe(asks?.toMe ?? []);
  // Alone, "me" is the value of day one; in a team, the board.
  const current: View = view ?? (settings.team ? 'board' : 'me');
  return (
    <>
      <header className="top">
        <h1>Ricochet</h1>
        <Freshness />
      </header>
      <Notices />
      {settings.demo && (
        <p className="banner" role="note">
          <span className="banner-long">{t('settings.demo')}</span>
          <span className="banner-short">{t('settings.demoShort')}</span>{' '}
          <button
            type="button"
            onClick={() =>
              void getApi()
                ?.demoRemove({})
                .then(() => setOnboarding(true))
            }
          >
            {t('settings.removeDemo')}
          </button>
        </p>
      )}
      {onboarding ? (
        <main>
          <OnboardingView onDone={() => setOnboarding(false)} />
        </main>
      ) : (
        <>
          <nav aria-label={t('nav.label')}>
            {(Object.keys(views) as View[]).map((v) => (
              <button
                key={v}
                type="button"
                aria-current={current === v ? 'page' : undefined}
                onClick={() => setView(v)}
              >
                {t(views[v])}
                {v === 'me' && waiting > 0 && (
                  <span className="count" aria-label={t('asks.title')}>
                    {waiting}
                  </span>
                )}
              </button>
            ))}
          </nav>
          <main>
            {current === 'board' && <BoardView viewerTz={viewerTz} />}
            {current === 'feed' && <FeedView />}
            {current === 'me' && <MeView />}
            {current === 'find' && <FindTimeView />}
            {current === 'settings' && <SettingsView joinLink={joinLink} />}
          </main>
        </>
      )}
    </>
  );
}

/** "as of 10:42 · offline", always in sight. */
function Freshness() {
  const t = useT();
  const { data: f } = useCore('freshness', (api) => api.freshnessGet({}));
  const [bridge, setBridge] = useState(true);
  useEffect(() => onBridgeState(setBridge), []);
  const zone = useZone();
  if (!f) return null;
  const locale = document.documentElement.lang === 'fr' ? 'fr' : 'en';
  const time = f.asOf ? formatMoment(Date.parse(f.asOf), Date.now(), locale, zone) : null;
  const parts = !f.inTeam
    ? [t('fresh.alone')]
    : f.signInAgain
      ? [t('fresh.signInAgain')]
      : f.removed
        ? [t('fresh.removed')]
        : [
            f.online && bridge ? t('fresh.live') : time ? t('fresh.asOf', { time }) : t('fresh.never'),
            ...(f.online && bridge ? [] : [bridge ? t('fresh.offline') : t('bridge.down')]),
          ];
  if (f.queued > 0) parts.push(t('fresh.queued', { n: f.queued }));
  return (
    <p
      className={`freshness ${f.inTeam && !(f.online && bridge) ? 'offline' : 'online'}`}
      role="status"
      data-testid="freshness"
    >
      {parts.join(' · ')}
    </p>
  );
}
