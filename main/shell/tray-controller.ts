import type { Menu, MenuItemConstructorOptions, NativeImage, Tray, nativeImage } from 'electron';
import { drawIcon, encodePng } from './tray-icon-art';
import type { TrayAction, TrayMenuItem, TrayModel } from './tray-model';

export interface TrayDeps {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'setTitle' | 'popUpContextMenu'>;
  menu: Pick<typeof Menu, 'buildFromTemplate'>;
  images: Pick<typeof nativeImage, 'createFromBuffer'>;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
}

/** Windows draws the tray at 16 px times the display's scaling (100 %-200 %): one bitmap each. */
const WINDOWS_SIZES = [
  { size: 16, scaleFactor: 1 },
  { size: 20, scaleFactor: 1.25 },
  { size: 24, scaleFactor: 1.5 },
  { size: 32, scaleFactor: 2 },
];

/**
 * The icon for a state and count: a template image on macOS (the system tints it), one sharp
 * bitmap per scaling on Windows, colour PNG at 2x elsewhere.
 */
export function trayImage(
  deps: Pick<TrayDeps, 'images' | 'platform'>,
  model: Pick<TrayModel, 'icon' | 'freeCount'>,
): NativeImage {
  if (deps.platform === 'darwin') {
    // The count goes in the menu-bar title beside a template image the system tints.
    const image = deps.images.createFromBuffer(
      encodePng(drawIcon(model.icon, { size: 32, template: true }), 32),
      { scaleFactor: 2 },
    );
    image.setTemplateImage(true);
    return image;
  }
  if (deps.platform === 'win32') {
    const [first, ...rest] = WINDOWS_SIZES.map(({ size, scaleFactor }) => ({
      scaleFactor,
      buffer: encodePng(drawIcon(model.icon, { size, count: model.freeCount }), size),
    }));
    const image = deps.images.createFromBuffer(first!.buffer, { scaleFactor: first!.scaleFactor });
    for (const representation of rest) image.addRepresentation(representation);
    return image;
  }
  return deps.images.createFromBuffer(
    encodePng(drawIcon(model.icon, { size: 44, count: model.freeCount }), 44),
    { scaleFactor: 2 },
  );
}

export function menuTemplate(
  items: TrayMenuItem[],
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    const action = item.action;
    return {
      label: item.label,
      ...(item.type === 'checkbox' ? { type: 'checkbox', checked: !!item.checked } : {}),
      ...(item.enabled === false ? { enabled: false } : {}),
      ...(item.submenu ? { submenu: menuTemplate(item.submenu, onAction) } : {}),
      ...(action ? { click: () => onAction(action) } : {}),
    };
  });
}

/**
 * Shows tray models on the real tray, changing only what changed: a menu rebuilt under the
 * cursor would close it while the person reads it. On macOS the menu is not attached
 * (setContextMenu would open it on a left click too): a right-click or ctrl-click pops it up,
 * a left click opens the board.
 */
export function createTrayView(deps: TrayDeps & { onClick: () => void }) {
  const mac = deps.platform === 'darwin';
  let shown: { image?: string; tooltip?: string; title?: string; menu?: string } = {};
  let menu: Electron.Menu | undefined;
  const popUp = () => menu && deps.tray.popUpContextMenu(menu);
  return {
    /** Wired to the tray's events by the shell. */
    click: (event?: { ctrlKey?: boolean }) => (mac && event?.ctrlKey ? popUp() : deps.onClick()),
    rightClick: () => mac && popUp(),
    apply(model: TrayModel) {
      const next = {
        image: `${model.icon}/${model.freeCount}`,
        tooltip: model.tooltip,
        title: mac && model.freeCount > 0 ? String(model.freeCount) : '',
        menu: JSON.stringify(model.menu),
      };
      if (next.image !== shown.image) deps.tray.setImage(trayImage(deps, model));
      if (next.tooltip !== shown.tooltip) deps.tray.setToolTip(model.tooltip);
      if (mac && next.title !== shown.title) deps.tray.setTitle(next.title);
      if (next.menu !== shown.menu) {
        menu = deps.menu.buildFromTemplate(menuTemplate(model.menu, deps.onAction));
        // Linux picks up a changed menu only through setContextMenu.
        if (!mac) deps.tray.setContextMenu(menu);
      }
      shown = next;
    },
  };
}
