import type { GlobalShortcut } from 'electron';

export const DEFAULT_QUICK_POST_SHORTCUT = 'CommandOrControl+Shift+Space';

export type ShortcutResult =
  { ok: true; accelerator: string } | { ok: false; accelerator: string; message: string };

/**
 * Registers the quick-post hotkey. When the system refuses it (another app holds it, or
 * the accelerator is malformed) it says so in words, and the tray item stays the way in.
 */
export function registerQuickPostShortcut(
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>,
  accelerator: string,
  onPress: () => void,
  previous?: string,
): ShortcutResult {
  if (previous && shortcuts.isRegistered(previous)) shortcuts.unregister(previous);
  let ok: boolean;
  try {
    ok = shortcuts.register(accelerator, onPress);
  } catch (error) {
    return {
      ok: false,
      accelerator,
      message: `"${accelerator}" is not a valid shortcut (${(error as Error).message}); use the tray menu's Quick post`,
    };
  }
  return ok
    ? { ok: true, accelerator }
    : {
        ok: false,
        accelerator,
        message: `The system refused ${accelerator} (another app may use it); choose another in Settings, or use the tray menu's Quick post`,
      };
}
