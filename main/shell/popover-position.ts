/** Rectangles as Electron gives them: tray bounds, display work areas, window sizes. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Display {
  bounds: Rect;
  workArea: Rect;
}

const GAP = 4;

const contains = (r: Rect, x: number, y: number) =>
  x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max));

/**
 * Where the board popover goes: next to the tray icon, on the side of the taskbar (the side
 * where the display's bounds and work area differ), kept inside the work area. Where Linux
 * reports no tray bounds (zero size), it opens at the cursor instead.
 */
export function popoverPosition(input: {
  tray: Rect | null;
  cursor: { x: number; y: number };
  displays: Display[];
  size: { width: number; height: number };
}): { x: number; y: number } {
  const { tray, cursor, displays, size } = input;
  const hasTray = !!tray && tray.width > 0 && tray.height > 0;
  const anchor = hasTray ? { x: tray!.x + tray!.width / 2, y: tray!.y + tray!.height / 2 } : cursor;
  const display = displays.find((d) => contains(d.bounds, anchor.x, anchor.y)) ?? displays[0]!;
  const work = display.workArea;
  const bounds = display.bounds;
  let x: number;
  let y: number;
  if (!hasTray) {
    x = cursor.x - size.width / 2;
    y = cursor.y + GAP;
    if (y + size.height > work.y + work.height) y = cursor.y - size.height - GAP;
  } else {
    const top = work.y - bounds.y;
    const bottom = bounds.y + bounds.height - (work.y + work.height);
    const left = work.x - bounds.x;
    const right = bounds.x + bounds.width - (work.x + work.width);
    const edge = [
      ['top', top],
      ['bottom', bottom],
      ['left', left],
      ['right', right],
    ].sort((a, b) => (b[1] as number) - (a[1] as number))[0]![0];
    // No visible taskbar (auto-hide): decide by which half of the screen the icon is in.
    const side =
      Math.max(top, bottom, left, right) > 0
        ? edge
        : anchor.y < bounds.y + bounds.height / 2
          ? 'top'
          : 'bottom';
    if (side === 'top') [x, y] = [anchor.x - size.width / 2, work.y + GAP];
    else if (side === 'bottom')
      [x, y] = [anchor.x - size.width / 2, work.y + work.height - size.height - GAP];
    else if (side === 'left') [x, y] = [work.x + GAP, anchor.y - size.height / 2];
    else [x, y] = [work.x + work.width - size.width - GAP, anchor.y - size.height / 2];
  }
  return {
    x: Math.round(clamp(x, work.x, work.x + work.width - size.width)),
    y: Math.round(clamp(y, work.y, work.y + work.height - size.height)),
  };
}
