import type { GlobalShortcut } from 'electron';
import type { Locale } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';

export const DEFAULT_QUICK_POST_SHORTCUT = 'CommandOrControl+Shift+Space';

export type ShortcutResult =
  { ok: true; accelerator: string } | { ok: false; accelerator: string; message: string };

/**
 * Registers the quick-post hotkey. When the system refuses it (another app holds it, or
 * the accelerator is malformed) it says so in the person's words, and the tray item stays
 * the way in.
 */
export function registerQuickPostShortcut(
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>,
  accelerator: string,
  onPress: () => void,
  previous?: string,
  locale: Locale = 'en',
): ShortcutResult {
  if (previous && shortcuts.isRegistered(previous)) shortcuts.unregister(previous);
  let ok: boolean;
  try {
    ok = shortcuts.register(accelerator, onPress);
  } catch {
    return { ok: false, accelerator, message: translate(locale, 'hotkey.invalid', { accelerator }) };
  }
  return ok
    ? { ok: true, accelerator }
    : { ok: false, accelerator, message: translate(locale, 'hotkey.refused', { accelerator }) };
}
