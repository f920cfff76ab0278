import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, Screen, Shell, Tray } from 'electron';
import { lockWebContents } from './app-security';
import { popoverPosition } from './popover-position';
import { savedPopover, type WindowStateStore } from './window-state';
import { secureWindowOptions } from './window-options';

type WindowCtor = new (options: Electron.BrowserWindowConstructorOptions) => BrowserWindowType;

export interface WindowDeps {
  BrowserWindow: WindowCtor;
  screen: Pick<Screen, 'getCursorScreenPoint' | 'getAllDisplays'>;
  shell: Pick<Shell, 'openExternal'>;
  preload: string;
  rendererUrl?: string;
  rendererFile: string;
  /** After the quick-post box closes (macOS hands focus back by hiding the app). */
  onQuickPostClosed?: () => void;
  /** The app is quitting: the board may really close then (otherwise closing it hides it). */
  quitting?: () => boolean;
  /** Whether the system is in dark mode now, so a window opens in the page's colour, not white. */
  dark?: () => boolean;
  /** Where the popover was left last time (electron-store); without it, always beside the tray. */
  state?: WindowStateStore;
}

const POPOVER = { width: 440, height: 640 };

/** Loads a renderer route: the dev server while developing, the built files otherwise. */
function load(win: BrowserWindowType, deps: WindowDeps, hash = '') {
  if (deps.rendererUrl) void win.loadURL(`${deps.rendererUrl}${hash ? `#${hash}` : ''}`);
  else void win.loadFile(deps.rendererFile, hash ? { hash } : {});
}

/** The board popover next to the tray, and the small frameless quick-post box. */
export function createWindows(deps: WindowDeps) {
  let board: BrowserWindowType | undefined;
  let quick: BrowserWindowType | undefined;

  const make = (options: Electron.BrowserWindowConstructorOptions, hash?: string) => {
    const backgroundColor = windowBackground(deps.dark?.() ?? false);
    const win = new deps.BrowserWindow(secureWindowOptions(deps.preload, { backgroundColor, ...options }));
    lockWebContents(win.webContents, deps.shell, deps.rendererUrl, deps.rendererFile);
    load(win, deps, hash);
    return win;
  };

  const windows = {
    /** Opens (or toggles) the board beside the tray icon. */
    toggleBoard(tray?: Pick<Tray, 'getBounds'>) {
      if (board && !board.isDestroyed() && board.isVisible()) return board.hide();
      windows.showBoard(tray);
    },
    /** Shows the board beside the tray icon (a join link opens it whatever its state). */
    showBoard(tray?: Pick<Tray, 'getBounds'>) {
      if (board && !board.isDestroyed() && board.isVisible()) return board.focus();
      const saved = savedPopover(deps.state?.get('popover'), deps.screen.getAllDisplays());
      const size = saved ? { width: saved.width, height: saved.height } : POPOVER;
      if (!board || board.isDestroyed()) {
        board = make({ ...size, frame: false, resizable: true, skipTaskbar: true });
        // Moved or resized by the person: it opens there next time, this run and the next.
        const remember = () => {
          if (board && !board.isDestroyed()) deps.state?.set('popover', board.getBounds());
        };
        board.on('moved', remember);
        board.on('resized', remember);
        // Escape in the page (window.close) or the system's close: the popover hides, as a tray
        // popover does, and opens again at once with its state; only quitting really closes it.
        board.on('close', (event: Electron.Event) => {
          if (deps.quitting?.()) return;
          event.preventDefault();
          board?.hide();
        });
      }
      const position =
        saved ??
        popoverPosition({
          tray: tray?.getBounds() ?? null,
          cursor: deps.screen.getCursorScreenPoint(),
          displays: deps.screen.getAllDisplays(),
          size,
        });
      board.setPosition(position.x, position.y);
      board.once('blur', () => board?.hide());
      board.show();
      board.focus();
    },
    /** The quick-post box; closing it hands focus back to the app that had it. */
    openQuickPost() {
      if (quick && !quick.isDestroyed()) return quick.focus();
      quick = make(
        {
          width: 520,
          height: 110,
          frame: false,
          resizable: false,
          alwaysOnTop: true,
          skipTaskbar: true,
          center: true,
          show: true,
        },
        'view=quick-post',
      );
      quick.on('blur', () => quick?.close());
      quick.on('closed', () => {
        if (!board || board.isDestroyed() || !board.isVisible()) deps.onQuickPostClosed?.();
      });
    },
    /** The quick-post box is open: the person may be typing. */
    typing: () => !!quick && !quick.isDestroyed(),
    send(channel: string, payload?: unknown) {
      for (const win of [board, quick]) {
        if (!win || win.isDestroyed()) continue;
        // Hidden means idle: a hidden window is not woken by changes; it reads afresh when shown.
        if (channel === 'core:changed' && !win.isVisible()) continue;
        win.webContents.send(channel, payload);
      }
    },
  };
  return windows;
}

/** The page's own background (renderer/src/styles.css --bg), light and dark. */
export const windowBackground = (dark: boolean) => (dark ? '#15161a' : '#f7f7f8');

export const preloadPath = (dir: string) => join(dir, '../preload/index.cjs');
export const rendererFile = (dir: string) => join(dir, '../renderer/index.html');
