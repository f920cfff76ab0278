import { describe, expect, it, vi } from 'vitest';
import { registerQuickPostShortcut } from '../../../main/shell/quick-post-shortcut';

describe('quick-post hotkey', () => {
  it('registers, or explains the refusal so the tray item stays the way in', () => {
    const held = new Set<string>(['Alt+Space']);
    const shortcuts = {
      register: vi.fn((acc: string) => !held.has(acc)),
      unregister: vi.fn(),
      isRegistered: vi.fn(() => true),
    };
    expect(registerQuickPostShortcut(shortcuts, 'CommandOrControl+Shift+Space', () => {})).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Shift+Space',
    });
    const refused = registerQuickPostShortcut(
      shortcuts,
      'Alt+Space',
      () => {},
      'CommandOrControl+Shift+Space',
    );
    expect(shortcuts.unregister).toHaveBeenCalledWith('CommandOrControl+Shift+Space');
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('refused Alt+Space') });
    const bad = registerQuickPostShortcut(
      {
        ...shortcuts,
        register: () => {
          throw new Error('conversion failed');
        },
      },
      'Ctrl+Nope',
      () => {},
    );
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('not a valid shortcut') });
  });

  it('explains the refusal in the person’s language', () => {
    const refuse = { register: () => false, unregister: vi.fn(), isRegistered: () => false };
    const refused = registerQuickPostShortcut(refuse, 'Alt+Space', () => {}, undefined, 'fr');
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining('Le système a refusé Alt+Space'),
    });
  });
});
