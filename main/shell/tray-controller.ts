import type { Menu, MenuItemConstructorOptions, NativeImage, Tray, nativeImage } from 'electron';
import { drawIcon, encodePng } from './tray-icon-art';
import type { TrayAction, TrayMenuItem, TrayModel } from './tray-model';

export interface TrayDeps {
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'setTitle'>;
  menu: Pick<typeof Menu, 'buildFromTemplate'>;
  images: Pick<typeof nativeImage, 'createFromBuffer'>;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
}

/** The icon for a state and count: a template image on macOS, colour PNG at 2× elsewhere. */
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
 * Applies a tray model to the real tray. The menu is rebuilt and set again each time,
 * because Linux only picks up a changed menu through setContextMenu.
 */
export function applyTray(deps: TrayDeps, model: TrayModel): void {
  deps.tray.setImage(trayImage(deps, model));
  deps.tray.setToolTip(model.tooltip);
  if (deps.platform === 'darwin') deps.tray.setTitle(model.freeCount > 0 ? String(model.freeCount) : '');
  deps.tray.setContextMenu(deps.menu.buildFromTemplate(menuTemplate(model.menu, deps.onAction)));
}
