/** What the shell uses of electron-updater's autoUpdater (the real one is checked against it). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the person sees of updates: nothing, a download on its way, or one ready to install. */
export type UpdateState =
  | { kind: 'idle' }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'failed'; message: string };

export interface AppUpdatesDeps {
  /** electron-updater's autoUpdater (a fake in tests). */
  updater: Updater;
  /** The folder of installers: the team server's /updates/, or where IT points it. */
  feedUrl: () => string | undefined;
  /** True while the person is typing a post: restarting then would lose it. */
  typing: () => boolean;
  onChange: (state: UpdateState) => void;
  log: (message: string) => void;
  /** How often to look again after the check at start (4 hours). */
  everyMs?: number;
}

const FOUR_HOURS = 4 * 60 * 60 * 1000;

/**
 * Updates from the team's own server (electron-updater's `generic` provider): a check at start
 * and every few hours, the download in the background, then "Restart to update" offered. It never
 * restarts by itself; an update not taken is installed when the app quits.
 */
export function createAppUpdates(deps: AppUpdatesDeps) {
  const { updater } = deps;
  let state: UpdateState = { kind: 'idle' };
  let timer: ReturnType<typeof setInterval> | undefined;
  let feed: string | undefined;
  const set = (next: UpdateState) => {
    state = next;
    deps.onChange(state);
  };
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.on('update-available', (info) => set({ kind: 'downloading', version: info.version }));
  updater.on('update-downloaded', (info) => set({ kind: 'ready', version: info.version }));
  updater.on('error', (error) => {
    deps.log(`update check failed: ${error.message}`);
    // A ready update stays offered: a later failed check does not take it away.
    if (state.kind !== 'ready') set({ kind: 'failed', message: error.message });
  });

  async function check(): Promise<void> {
    const url = deps.feedUrl();
    if (!url || state.kind === 'ready') return;
    if (url !== feed) updater.setFeedURL({ provider: 'generic', url: (feed = url) });
    // Errors arrive through the 'error' event as well; this one is only not left unhandled.
    await updater.checkForUpdates().catch(() => {});
  }

  return {
    get state() {
      return state;
    },
    check,
    /** Signed in to another server (or first signed in): look there now, not in four hours. */
    feedChanged() {
      if (deps.feedUrl() !== feed) void check();
    },
    start() {
      void check();
      timer = setInterval(() => void check(), deps.everyMs ?? FOUR_HOURS);
    },
    stop() {
      clearInterval(timer);
    },
    /** "Restart to update": false (nothing done) while a post is being typed or nothing is ready. */
    restart(): boolean {
      if (state.kind !== 'ready' || deps.typing()) return false;
      updater.quitAndInstall();
      return true;
    },
  };
}

/** Where the updater looks: an admin's RICOCHET_UPDATE_URL, else the team server's /updates/. */
export function updateFeed(server: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env['RICOCHET_UPDATE_URL'];
  if (chosen) return chosen.endsWith('/') ? chosen : `${chosen}/`;
  return server ? `${server.replace(/\/+$/, '')}/updates/` : undefined;
}
