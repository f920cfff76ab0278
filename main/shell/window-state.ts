import type { Display, Rect } from './popover-position';

/**
 * What the app remembers of its own windows between runs (electron-store, in the app's data
 * folder as window-state.json). Settings a person chooses live elsewhere: in the profile's
 * config.json, which the CLI and the browser mode share.
 */
export interface WindowState {
  /** Where the person left the board popover, and the size they gave it. */
  popover?: Rect;
}

/** The part of electron-store the windows use (a small fake in tests, the real store in the app). */
export interface WindowStateStore {
  get<K extends keyof WindowState>(key: K): WindowState[K];
  set<K extends keyof WindowState>(key: K, value: WindowState[K]): void;
}

const rect = {
  type: 'object',
  properties: {
    x: { type: 'integer' },
    y: { type: 'integer' },
    width: { type: 'integer', minimum: 200, maximum: 4000 },
    height: { type: 'integer', minimum: 200, maximum: 4000 },
  },
  required: ['x', 'y', 'width', 'height'],
} as const;

/** electron-store's options: a file of its own (not the profile's config.json), checked by schema. */
export const windowStateOptions = {
  name: 'window-state',
  schema: { popover: rect },
  // A file that no longer matches the schema is reset rather than stopping the app.
  clearInvalidConfig: true,
} as const;

/**
 * The saved popover bounds, if they are still on a screen the person has (a monitor may have
 * been unplugged since): most of the window must lie inside one display's work area.
 */
export function savedPopover(saved: Rect | undefined, displays: readonly Display[]): Rect | undefined {
  if (!saved) return undefined;
  const visible = displays.some(({ workArea: w }) => {
    const width = Math.min(saved.x + saved.width, w.x + w.width) - Math.max(saved.x, w.x);
    const height = Math.min(saved.y + saved.height, w.y + w.height) - Math.max(saved.y, w.y);
    return width > saved.width / 2 && height > saved.height / 2;
  });
  return visible ? saved : undefined;
}
