import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, enough for the shell's composition root to run under
 * vitest: each object records what the shell asked of it, so tests can assert what a person
 * would notice (the tray's tooltip, the registered hotkey, the windows' options).
 */
export function fakeElectron(options: { userData: string; refuse?: string[] }) {
  const menus: { template: Electron.MenuItemConstructorOptions[] }[] = [];
  /** Notifications shown; `click` does what the person's click would. */
  const notifications: { title: string; body: string; click?: () => void }[] = [];
  const shortcuts = new Map<string, () => void>();
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const loginItems: { openAtLogin: boolean }[] = [];
  /** What crashReporter.start was given. */
  const crashes: unknown[] = [];
  /** Folders opened (shell.openPath) and texts copied (clipboard), in order. */
  const opened: string[] = [];
  const clipboard: string[] = [];
  /** What went out through Chromium's network stack (net.fetch), and what it resolved proxies for. */
  const network = { fetched: [] as string[], resolved: [] as string[] };
  const realFetch = globalThis.fetch;

  class FakeWindow extends EventEmitter {
    visible = false;
    destroyed = false;
    loaded: { file?: string; url?: string; hash?: string } = {};
    sent: { channel: string; payload: unknown }[] = [];
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: () => {},
      send: (channel: string, payload: unknown) => this.sent.push({ channel, payload }),
    });
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      this.bounds = { x: 0, y: 0, width: options.width ?? 0, height: options.height ?? 0 };
      windows.push(this);
    }
    loadFile = (file: string, o: { hash?: string } = {}) => (
      (this.loaded = { file, hash: o.hash }),
      Promise.resolve()
    );
    loadURL = (url: string) => ((this.loaded = { url }), Promise.resolve());
    isVisible = () => this.visible;
    isDestroyed = () => this.destroyed;
    show = () => void (this.visible = true);
    hide = () => void (this.visible = false);
    focus = () => {};
    bounds: { x: number; y: number; width: number; height: number };
    setPosition = (x: number, y: number) => void Object.assign(this.bounds, { x, y });
    getBounds = () => ({ ...this.bounds });
    /** What the person does with the mouse: the window moves, and says so. */
    dragTo = (x: number, y: number) => (Object.assign(this.bounds, { x, y }), this.emit('moved'));
    close = () => {
      this.destroyed = true;
      this.emit('closed');
    };
  }

  class FakeTray extends EventEmitter {
    image: { state?: string } | undefined;
    tooltip = '';
    title = '';
    menu: { template: Electron.MenuItemConstructorOptions[] } | undefined;
    constructor() {
      super();
      trays.push(this);
    }
    setImage = (image: { state?: string }) => void (this.image = image);
    setToolTip = (text: string) => void (this.tooltip = text);
    setTitle = (text: string) => void (this.title = text);
    setContextMenu = (menu: { template: Electron.MenuItemConstructorOptions[] }) => void (this.menu = menu);
    /** Menus popped up by hand (macOS: right-click), newest last. */
    popped: { template: Electron.MenuItemConstructorOptions[] }[] = [];
    popUpContextMenu = (menu: { template: Electron.MenuItemConstructorOptions[] }) =>
      void this.popped.push(menu);
    getBounds = () => ({ x: 1800, y: 1045, width: 24, height: 30 });
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: { userData: options.userData } as Record<string, string>,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => app.paths[name]!,
    setPath: (name: string, value: string) => void (app.paths[name] = value),
    requestSingleInstanceLock: () => true,
    setAsDefaultProtocolClient: () => true,
    getVersion: () => '0.0.0-test',
    getLocale: () => 'en-GB',
    getSystemLocale: () => 'en-GB',
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => void loginItems.push(settings),
    quit: () => void (app.emit('before-quit'), app.emit('will-quit', { preventDefault: () => {} })),
    exit: (code: number) => void app.emit('exited', code),
    hide: () => {},
  });

  const module = {
    app,
    BrowserWindow: FakeWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => ({ template }) },
    nativeImage: {
      createEmpty: () => ({}),
      createFromBuffer: (buffer: Buffer) => ({ size: buffer.length, setTemplateImage: () => {} }),
    },
    globalShortcut: {
      register: (accelerator: string, fn: () => void) => {
        if (options.refuse?.includes(accelerator)) return false;
        shortcuts.set(accelerator, fn);
        return true;
      },
      unregister: (accelerator: string) => void shortcuts.delete(accelerator),
      isRegistered: (accelerator: string) => shortcuts.has(accelerator),
      unregisterAll: () => shortcuts.clear(),
    },
    ipcMain: {
      on: () => {},
      handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) =>
        void handlers.set(channel, fn),
    },
    Notification: class extends EventEmitter {
      static isSupported = () => true;
      constructor(private readonly note: { title: string; body: string }) {
        super();
      }
      show() {
        notifications.push(Object.assign(this.note, { click: () => this.emit('click') }));
      }
    },
    powerMonitor: new EventEmitter(),
    crashReporter: { start: (options: unknown) => void crashes.push(options) },
    nativeTheme: { shouldUseDarkColors: true },
    // Reversible "encryption", so the keychain store's file is exercised for real.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (buffer: Buffer) => Buffer.from(buffer).reverse().toString('utf8'),
    },
    screen: {
      getCursorScreenPoint: () => ({ x: 10, y: 10 }),
      getAllDisplays: () => [
        {
          bounds: { x: 0, y: 0, width: 1920, height: 1080 },
          workArea: { x: 0, y: 0, width: 1920, height: 1040 },
        },
      ],
    },
    net: {
      fetch: (input: string | Request, init?: RequestInit) => {
        network.fetched.push(typeof input === 'string' ? input : input.url);
        return realFetch(input, init);
      },
    },
    session: {
      defaultSession: {
        resolveProxy: async (url: string) => (network.resolved.push(url), 'DIRECT'),
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => {} },
      },
    },
    shell: {
      openExternal: () => Promise.resolve(),
      openPath: (path: string) => (opened.push(path), Promise.resolve('')),
    },
    clipboard: { writeText: (text: string) => void clipboard.push(text) },
  };
  /** electron-updater's autoUpdater: what it was pointed at and asked; tests emit its events. */
  const updater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    feeds: [] as unknown[],
    checks: 0,
    installs: 0,
    setFeedURL: (feed: unknown) => void updater.feeds.push(feed),
    checkForUpdates: () => (updater.checks++, Promise.resolve(null)),
    quitAndInstall: () => void updater.installs++,
  });
  // `import electron from 'electron'` (electron-store) finds the same objects as named imports.
  Object.assign(module, { default: module });
  return {
    module,
    updater,
    crashes,
    opened,
    clipboard,
    app,
    menus,
    notifications,
    shortcuts,
    handlers,
    windows,
    trays,
    loginItems,
    network,
  };
}
