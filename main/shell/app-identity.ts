/** The app's id: electron-builder's appId (a test keeps them equal). */
export const APP_ID = 'app.ricochet.desktop';

/**
 * Windows shows a notification, and lets the person turn them off, per app: by the
 * AppUserModelID the installer gave the shortcut, which must be the builder's appId.
 */
export function applyAppIdentity(
  app: { setAppUserModelId?: (id: string) => void },
  platform: NodeJS.Platform,
) {
  if (platform === 'win32') app.setAppUserModelId?.(APP_ID);
}
