import type { App } from 'electron';
import { setLinuxAutostart } from './linux-autostart';

export interface LoginItemDeps {
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>;
  platform: NodeJS.Platform;
  execPath: string;
  env: NodeJS.ProcessEnv;
  /** Where Linux autostart entries go (tests pass a temporary folder). */
  configHome?: string;
}

/**
 * Open at login, as the person set it; unset means on in the packaged app and off while
 * developing (a development run must not register the bare Electron binary). Inside an
 * AppImage the entry starts the AppImage, not the temporary mount it runs from.
 */
export function applyOpenAtLogin(deps: LoginItemDeps, setting: boolean | undefined) {
  const enabled = setting ?? deps.app.isPackaged;
  if (deps.platform === 'linux') {
    const exec = deps.env['APPIMAGE'] ?? deps.execPath;
    const file = setLinuxAutostart(enabled, exec, deps.configHome);
    return { enabled, exec, file };
  }
  deps.app.setLoginItemSettings({ openAtLogin: enabled });
  return { enabled };
}
