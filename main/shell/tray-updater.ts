import type { Menu, Tray, nativeImage } from 'electron';
import { asksWaitingFor } from '../../shared/asks/asks-waiting';
import type { FirstGlance } from '../core/first-glance';
import type { CoreHandlers, DesktopCore } from '../core/index';
import { translate } from '../../shared/i18n/translate';
import { createTrayView } from './tray-controller';
import { trayModel, type TrayAction, type TrayModel } from './tray-model';

export interface TrayUpdaterDeps {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'setTitle' | 'popUpContextMenu'> & {
    on(event: 'click', listener: (event: { ctrlKey?: boolean }) => void): unknown;
    on(event: 'right-click', listener: () => void): unknown;
  };
  menu: Pick<typeof Menu, 'buildFromTemplate'>;
  images: Pick<typeof nativeImage, 'createFromBuffer'>;
  platform: NodeJS.Platform;
  /** The core, once loaded. Until then the tray shows `first`; a click waits for the core. */
  session: Promise<{ core: DesktopCore; api: CoreHandlers }>;
  /** What the tray says at launch, read before the core loads (first-glance.ts). */
  first?: FirstGlance | null;
  open: { board: () => void; quickPost: () => void; quit: () => void };
  /** A word to the person (a system notification). */
  notify?: (body: string) => void;
  now?: () => number;
}

/**
 * What the tray shows at `t`: the board of everyone I watch (whichever team the board shows), my
 * own status and the asks waiting for me. The one read behind the tray, and behind the start-up
 * benchmark's "first tray model".
 */
export async function readTrayModel(core: DesktopCore, api: CoreHandlers, t: number): Promise<TrayModel> {
  const { members, freshness } = await api['board:get']({ team: null });
  return trayModel({
    members,
    now: t,
    locale: core.reads.locale,
    tz: core.reads.config.tz,
    online: freshness.online,
    inTeam: freshness.inTeam,
    paused: core.reads.config.pausePublishing,
    watching: core.reads.watching,
    mine: await core.reads.myStatus(t),
    asksWaiting: asksWaitingFor(core.reads.asks(), core.reads.me?.id),
    updateReady: (await api['app:update']({})).ready ?? undefined,
  });
}

/**
 * The tray at launch, from the first glance: the same model, offline until the core connects
 * (as the core's own first answer is), with nothing watched and no update yet.
 */
export const firstTrayModel = (glance: FirstGlance, t: number): TrayModel =>
  trayModel({ ...glance, now: t, online: false, watching: [] });

/**
 * Keeps the tray's image, tooltip and menu in step with the board: redrawn on every change
 * and once at the next moment an answer changes (one timer, no polling). Menu clicks run
 * the same façade commands as the windows.
 */
export function createTrayUpdater(deps: TrayUpdaterDeps) {
  const now = deps.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let last: TrayModel | undefined;
  let loaded: { core: DesktopCore; api: CoreHandlers } | undefined;
  void deps.session.then((session) => (loaded = session));

  const onAction = (action: TrayAction) => {
    // Opening a window or quitting needs no core; the rest waits for it (nothing clicked is lost).
    if (action.kind === 'open-board' || action.kind === 'preferences') deps.open.board();
    else if (action.kind === 'quick-post') deps.open.quickPost();
    else if (action.kind === 'quit') deps.open.quit();
    else if (loaded) act(loaded.core, loaded.api, action);
    else void deps.session.then(({ core, api }) => act(core, api, action));
    void refresh();
  };
  const act = (core: DesktopCore, api: CoreHandlers, action: TrayAction) => {
    if (action.kind === 'post') void api['post:create']({ text: action.text });
    else if (action.kind === 'watch') core.commands.watchFree(action.memberId);
    else if (action.kind === 'toggle-pause')
      void api['settings:update']({ pausePublishing: !core.reads.config.pausePublishing });
    else if (action.kind === 'restart-to-update') void api['app:restartToUpdate']({});
    else if (action.kind === 'open-logs') void api['app:openLogs']({});
    else if (action.kind === 'copy-diagnostics')
      void api['app:diagnostics']({ copy: true }).then(
        ({ copied }) => copied && deps.notify?.(translate(core.reads.locale, 'tray.diagnosticsCopied')),
      );
  };

  const view = createTrayView({ ...deps, onAction, onClick: () => deps.open.board() });
  deps.tray.on('click', (event) => view.click(event));
  deps.tray.on('right-click', () => view.rightClick());
  if (deps.first) view.apply((last = firstTrayModel(deps.first, now())));

  async function refresh(): Promise<TrayModel | undefined> {
    if (stopped) return undefined;
    const { core, api } = await deps.session;
    const t = now();
    const model = await readTrayModel(core, api, t);
    if (stopped) return undefined;
    view.apply(model);
    last = model;
    clearTimeout(timer);
    if (model.nextChange)
      timer = setTimeout(() => void refresh(), Math.min(model.nextChange - t + 50, 2 ** 31 - 1));
    return model;
  }

  return {
    refresh,
    onAction,
    get model() {
      return last;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
