import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/shell/keychain-secret-store';

describe('secrets in the keychain', () => {
  it('keeps secrets encrypted by the keychain, and says when Linux only has the weak fallback', () => {
    const safe = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    };
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-keychain-'));
    const store = new KeychainSecretStore(safe, dir, 'linux');
    store.set('token', 'secret-token-value');
    expect(store.get('token')).toBe('secret-token-value');
    expect(readFileSync(join(dir, 'secrets.bin'), 'utf8')).not.toContain('secret-token-value');
    expect(store.weak).toBe(false);
    expect(
      new KeychainSecretStore({ ...safe, getSelectedStorageBackend: () => 'basic_text' }, dir, 'linux').weak,
    ).toBe(true);
  });
});
