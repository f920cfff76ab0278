import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createWindows, windowBackground } from '../../../main/shell/shell-windows';

/** A stand-in for BrowserWindow: records what the shell asks of it. */
class FakeWindow extends EventEmitter {
  static made: FakeWindow[] = [];
  visible = false;
  destroyed = false;
  position: [number, number] | undefined;
  loaded: { file?: string; url?: string; hash?: string } = {};
  webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn(), send: vi.fn() });
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    FakeWindow.made.push(this);
  }
  loadFile(file: string, options: { hash?: string }) {
    this.loaded = { file, hash: options.hash };
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = { url };
    return Promise.resolve();
  }
  isVisible = () => this.visible;
  isDestroyed = () => this.destroyed;
  show = () => void (this.visible = true);
  hide = () => void (this.visible = false);
  focus = vi.fn();
  setPosition = (x: number, y: number) => void (this.position = [x, y]);
  close = () => {
    this.destroyed = true;
    this.emit('closed');
  };
}

const deps = (onQuickPostClosed = vi.fn()) => ({
  BrowserWindow: FakeWindow as never,
  screen: {
    getCursorScreenPoint: () => ({ x: 10, y: 10 }),
    getAllDisplays: () =>
      [
        {
          bounds: { x: 0, y: 0, width: 1920, height: 1080 },
          workArea: { x: 0, y: 0, width: 1920, height: 1040 },
        },
      ] as never,
  },
  shell: { openExternal: vi.fn() },
  preload: '/app/out/preload/index.cjs',
  rendererFile: '/app/out/renderer/index.html',
  onQuickPostClosed,
});

describe('the windows the shell creates', () => {
  it('every one is hardened; the board opens beside the tray and toggles', () => {
    FakeWindow.made = [];
    const windows = createWindows(deps());
    windows.toggleBoard({ getBounds: () => ({ x: 1800, y: 1045, width: 24, height: 30 }) });
    windows.openQuickPost();
    expect(FakeWindow.made).toHaveLength(2);
    for (const win of FakeWindow.made) {
      expect(win.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();
      expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    }
    const [board, quick] = FakeWindow.made;
    expect(board!.position).toEqual([1480, 396]);
    expect(board!.visible).toBe(true);
    windows.toggleBoard();
    expect(board!.visible).toBe(false);
    expect(quick!.options).toMatchObject({ frame: false, alwaysOnTop: true });
    expect(quick!.loaded).toEqual({ file: '/app/out/renderer/index.html', hash: 'view=quick-post' });
  });

  it('closing the quick-post box hands focus back', () => {
    FakeWindow.made = [];
    const closed = vi.fn();
    const windows = createWindows(deps(closed));
    windows.openQuickPost();
    FakeWindow.made[0]!.emit('blur');
    expect(closed).toHaveBeenCalledTimes(1);
  });
});

describe('closing the popover', () => {
  it('Escape or the system’s close hides the board, state kept; quitting really closes it', () => {
    FakeWindow.made = [];
    let quitting = false;
    const windows = createWindows({ ...deps(), quitting: () => quitting });
    windows.showBoard();
    const board = FakeWindow.made[0]!;
    const close = () => {
      let prevented = false;
      board.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(close()).toBe(true);
    expect(board.visible).toBe(false);
    windows.showBoard();
    expect(FakeWindow.made).toHaveLength(1); // the same window, with its page, not a new one
    expect(board.visible).toBe(true);
    quitting = true;
    expect(close()).toBe(false);
  });
});

describe('the window background', () => {
  it('is the page’s own, light and dark, so opening a window never flashes another colour', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../renderer/src/styles.css'), 'utf8');
    const [light, dark] = [...css.matchAll(/--bg: (#[0-9a-f]{6});/g)].map((m) => m[1]);
    expect(windowBackground(false)).toBe(light);
    expect(windowBackground(true)).toBe(dark);
  });
});

describe('hidden means idle', () => {
  it('a hidden window is throttled and not woken by changes; shown, it hears them again', () => {
    FakeWindow.made = [];
    const windows = createWindows(deps());
    windows.toggleBoard({ getBounds: () => ({ x: 1800, y: 1045, width: 24, height: 30 }) });
    const [board] = FakeWindow.made;
    expect(board!.options.webPreferences?.backgroundThrottling).toBe(true);
    windows.toggleBoard(); // hidden
    windows.send('core:changed');
    windows.send('core:notify', { kind: 'mention' }); // what must reach it still does
    expect(board!.webContents.send.mock.calls.map((c) => c[0])).toEqual(['core:notify']);
    windows.toggleBoard({ getBounds: () => ({ x: 1800, y: 1045, width: 24, height: 30 }) });
    windows.send('core:changed');
    expect(board!.webContents.send.mock.calls.map((c) => c[0])).toEqual(['core:notify', 'core:changed']);
  });
});
