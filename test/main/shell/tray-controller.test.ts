// The tray as each desktop expects it: what changed is redrawn and nothing else (an open menu
// stays open), macOS opens the board on a left click and the menu on a right one, and Windows
// gets a sharp bitmap at every display scaling.
import { describe, expect, it } from 'vitest';
import { createTrayView, trayImage } from '../../../main/shell/tray-controller';
import type { TrayModel } from '../../../main/shell/tray-model';

function setUp(platform: NodeJS.Platform) {
  const calls: string[] = [];
  const actions: unknown[] = [];
  const popped: unknown[] = [];
  let clicks = 0;
  let template: { label?: string; click?: () => void }[] = [];
  const view = createTrayView({
    tray: {
      setImage: () => calls.push('image'),
      setToolTip: (t: string) => calls.push(`tip:${t}`),
      setContextMenu: () => calls.push('menu'),
      setTitle: (t: string) => calls.push(`title:${t}`),
      popUpContextMenu: (menu?: unknown) => popped.push(menu),
    },
    menu: {
      buildFromTemplate: (t: never) => ((template = t), calls.push('build'), { template: t }) as never,
    },
    images: {
      createFromBuffer: () => ({ setTemplateImage: () => {}, addRepresentation: () => {} }) as never,
    },
    platform,
    onAction: (a: unknown) => actions.push(a),
    onClick: () => clicks++,
  });
  return { view, calls, actions, popped, clicks: () => clicks, template: () => template };
}

const model = (over: Partial<TrayModel> = {}): TrayModel => ({
  icon: 'busy',
  freeCount: 3,
  tooltip: 'In a meeting until 15:00 · 3 of 7 free',
  nextChange: null,
  menu: [{ label: 'Open board', action: { kind: 'open-board' } }],
  ...over,
});

describe('the tray', () => {
  it('redraws only what changed: the same menu is not rebuilt under the cursor', () => {
    const { view, calls, actions, template } = setUp('linux');
    view.apply(model());
    expect(calls).toEqual(['image', 'tip:In a meeting until 15:00 · 3 of 7 free', 'build', 'menu']);
    calls.length = 0;
    view.apply(model()); // the next minute's redraw: nothing the person sees changed
    expect(calls).toEqual([]);
    view.apply(model({ tooltip: 'In a meeting until 15:00 · 2 of 7 free', freeCount: 2 }));
    expect(calls).toEqual(['image', 'tip:In a meeting until 15:00 · 2 of 7 free']);
    calls.length = 0;
    view.apply(model({ freeCount: 2, menu: [{ label: 'Quit Ricochet', action: { kind: 'quit' } }] }));
    expect(calls).toEqual(['tip:In a meeting until 15:00 · 3 of 7 free', 'build', 'menu']);
    template()[0]!.click!();
    expect(actions).toEqual([{ kind: 'quit' }]);
  });

  it('macOS: a left click opens the board, a right-click or ctrl-click pops the menu up (never attached)', () => {
    const { view, calls, popped, clicks } = setUp('darwin');
    view.apply(model());
    expect(calls).not.toContain('menu');
    expect(calls).toContain('title:3');
    view.click({ ctrlKey: false });
    expect(clicks()).toBe(1);
    expect(popped).toHaveLength(0);
    view.rightClick();
    view.click({ ctrlKey: true });
    expect(popped).toHaveLength(2);
    expect(clicks()).toBe(1);
  });

  it('Windows and Linux: a left click opens the board; the menu is the attached one', () => {
    const { view, popped, clicks } = setUp('win32');
    view.apply(model());
    view.click({ ctrlKey: true });
    view.rightClick();
    expect(clicks()).toBe(1);
    expect(popped).toHaveLength(0);
  });

  it('Windows: one bitmap for each scaling from 100 % to 200 % (16, 20, 24, 32 px), not one blurred 44 px', () => {
    const made: { size: number; scaleFactor: number }[] = [];
    const sizeOf = (png: Buffer) => png.readUInt32BE(16); // the PNG header's width
    const images = {
      createFromBuffer: (png: Buffer, o: { scaleFactor: number }) => {
        made.push({ size: sizeOf(png), scaleFactor: o.scaleFactor });
        return {
          addRepresentation: (r: { buffer: Buffer; scaleFactor: number }) =>
            made.push({ size: sizeOf(r.buffer), scaleFactor: r.scaleFactor }),
        };
      },
    };
    trayImage({ images: images as never, platform: 'win32' }, model());
    expect(made).toEqual([
      { size: 16, scaleFactor: 1 },
      { size: 20, scaleFactor: 1.25 },
      { size: 24, scaleFactor: 1.5 },
      { size: 32, scaleFactor: 2 },
    ]);
  });
});
