import { describe, expect, it } from 'vitest';
import { popoverPosition, type Display } from '../../../main/shell/popover-position';

const size = { width: 400, height: 600 };
const screen = (x: number, work: Partial<Display['workArea']>): Display => ({
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1080, ...work },
});

describe('popover placement next to the tray', () => {
  it('Windows taskbar at the bottom: above the icon, inside the work area', () => {
    const d = screen(0, { height: 1040 });
    expect(
      popoverPosition({
        tray: { x: 1800, y: 1045, width: 24, height: 30 },
        cursor: { x: 0, y: 0 },
        displays: [d],
        size,
      }),
    ).toEqual({ x: 1520, y: 436 });
  });

  it('macOS menu bar at the top: below the icon', () => {
    const d = screen(0, { y: 25, height: 1055 });
    expect(
      popoverPosition({
        tray: { x: 1500, y: 0, width: 22, height: 24 },
        cursor: { x: 0, y: 0 },
        displays: [d],
        size,
      }),
    ).toEqual({ x: 1311, y: 29 });
  });

  it('taskbar on the left: to the right of it, centred on the icon', () => {
    const d = screen(0, { x: 60, width: 1860 });
    expect(
      popoverPosition({
        tray: { x: 10, y: 900, width: 40, height: 40 },
        cursor: { x: 0, y: 0 },
        displays: [d],
        size,
      }),
    ).toEqual({ x: 64, y: 480 });
  });

  it('taskbar on the right: to the left of it', () => {
    const d = screen(0, { width: 1860 });
    expect(
      popoverPosition({
        tray: { x: 1870, y: 100, width: 40, height: 40 },
        cursor: { x: 0, y: 0 },
        displays: [d],
        size,
      }),
    ).toEqual({ x: 1456, y: 0 });
  });

  it('on the second display, placed on that display', () => {
    const displays = [screen(0, { height: 1040 }), screen(1920, { height: 1040 })];
    const p = popoverPosition({
      tray: { x: 3700, y: 1045, width: 24, height: 30 },
      cursor: { x: 0, y: 0 },
      displays,
      size,
    });
    expect(p).toEqual({ x: 3440, y: 436 });
  });

  it('Linux with no tray bounds: at the cursor, kept on screen', () => {
    const d = screen(0, { y: 32, height: 1048 });
    expect(
      popoverPosition({
        tray: { x: 0, y: 0, width: 0, height: 0 },
        cursor: { x: 1900, y: 10 },
        displays: [d],
        size,
      }),
    ).toEqual({ x: 1520, y: 32 });
    expect(popoverPosition({ tray: null, cursor: { x: 500, y: 1000 }, displays: [d], size })).toEqual({
      x: 300,
      y: 396,
    });
  });
});
