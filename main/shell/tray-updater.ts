import type { Menu, Tray, nativeImage } from 'electron';
import { waitingForMe } from '../../shared/asks/asks-waiting';
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
  core: DesktopCore;
  api: CoreHandlers;
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
  const asks = await api['asks:get']({});
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
    asksWaiting: waitingForMe(asks.toMe),
    updateReady: (await api['app:update']({})).ready ?? undefined,
  });
}

/**
 * Keeps the tray's image, tooltip and menu in step with the board: redrawn on every change
 * and once at the next moment an answer changes (one timer, no polling). Menu clicks run
 * the same façade commands as the windows.
 */
export function createTrayUpdater(deps: TrayUpdaterDeps) {
  const { core, api } = deps;
  const now = deps.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let last: TrayModel | undefined;

  const onAction = (action: TrayAction) => {
    if (action.kind === 'post') void api['post:create']({ text: action.text });
    else if (action.kind === 'watch') core.commands.watchFree(action.memberId);
    else if (action.kind === 'open-board' || action.kind === 'preferences') deps.open.board();
    else if (action.kind === 'quick-post') deps.open.quickPost();
    else if (action.kind === 'toggle-pause')
      void api['settings:update']({ pausePublishing: !core.reads.config.pausePublishing });
    else if (action.kind === 'restart-to-update') void api['app:restartToUpdate']({});
    else if (action.kind === 'open-logs') void api['app:openLogs']({});
    else if (action.kind === 'copy-diagnostics')
      void api['app:diagnostics']({ copy: true }).then(
        ({ copied }) => copied && deps.notify?.(translate(core.reads.locale, 'tray.diagnosticsCopied')),
      );
    else deps.open.quit();
    void refresh();
  };

  const view = createTrayView({ ...deps, onAction, onClick: () => deps.open.board() });
  deps.tray.on('click', (event) => view.click(event));
  deps.tray.on('right-click', () => view.rightClick());

  async function refresh(): Promise<TrayModel | undefined> {
    if (stopped) return undefined;
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
