import type { GlobalShortcut } from 'electron';
import type { Locale } from '../../shared/i18n/status-messages';
import { registerQuickPostShortcut } from './quick-post-shortcut';

/**
 * Keeps the quick-post hotkey registered as Settings say: registered at start, registered
 * again when the setting changes. A refused one is said in words and the previous one (or
 * the tray menu's Quick post) stays the way in.
 */
export function createHotkeyController(
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>,
  onPress: () => void,
  onRefused: (message: string) => void,
  locale: () => Locale = () => 'en',
) {
  let current: string | undefined;
  let refused: string | undefined;
  return {
    apply(accelerator: string) {
      if (accelerator === current || accelerator === refused) return;
      const result = registerQuickPostShortcut(shortcuts, accelerator, onPress, current, locale());
      if (result.ok) {
        current = accelerator;
        refused = undefined;
        return;
      }
      refused = accelerator;
      if (current && !shortcuts.isRegistered(current)) shortcuts.register(current, onPress);
      onRefused(result.message);
    },
    /** The accelerator that works now, if any. */
    get registered() {
      return current;
    },
  };
}
