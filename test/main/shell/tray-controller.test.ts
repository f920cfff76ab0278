import { describe, expect, it } from 'vitest';
import { applyTray } from '../../../main/shell/tray-controller';

describe('tray', () => {
  it('sets image, tooltip and a freshly built menu each time; a click runs its action', () => {
    const calls: string[] = [];
    const actions: unknown[] = [];
    let template: { label?: string; click?: () => void; submenu?: unknown }[] = [];
    const deps = {
      tray: {
        setImage: () => calls.push('image'),
        setToolTip: (t: string) => calls.push(`tip:${t}`),
        setContextMenu: () => calls.push('menu'),
        setTitle: () => calls.push('title'),
      },
      menu: { buildFromTemplate: (t: never) => ((template = t), {}) as never },
      images: { createFromBuffer: () => ({ setTemplateImage: () => calls.push('template') }) as never },
      platform: 'linux' as NodeJS.Platform,
      onAction: (a: unknown) => actions.push(a),
    };
    const model = {
      icon: 'busy' as const,
      freeCount: 3,
      tooltip: 'In a meeting until 15:00 · 3 of 7 free',
      nextChange: null,
      menu: [{ label: 'Open board', action: { kind: 'open-board' as const } }],
    };
    applyTray(deps as never, model);
    applyTray(deps as never, model);
    expect(calls).toEqual([
      'image',
      'tip:In a meeting until 15:00 · 3 of 7 free',
      'menu',
      'image',
      'tip:In a meeting until 15:00 · 3 of 7 free',
      'menu',
    ]);
    template[0]!.click!();
    expect(actions).toEqual([{ kind: 'open-board' }]);
    calls.length = 0;
    applyTray({ ...deps, platform: 'darwin' } as never, model);
    expect(calls).toEqual([
      'template',
      'image',
      'tip:In a meeting until 15:00 · 3 of 7 free',
      'title',
      'menu',
    ]);
  });
});
