import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../profile/profile';

/**
 * Secrets (the team token, CalDAV passwords) encrypted by the OS keychain through
 * Electron's safeStorage, kept in one file in the profile folder. `weak` is true on
 * Linux when only the plain-text fallback exists, so the UI can say so.
 */
export class KeychainSecretStore implements SecretStore {
  private readonly path: string;

  constructor(
    private readonly safe: Pick<SafeStorage, 'encryptString' | 'decryptString' | 'isEncryptionAvailable'> & {
      getSelectedStorageBackend?: () => string;
    },
    dir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.path = join(dir, 'secrets.bin');
  }

  get weak(): boolean {
    if (!this.safe.isEncryptionAvailable()) return true;
    return this.platform === 'linux' && this.safe.getSelectedStorageBackend?.() === 'basic_text';
  }

  private read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    return JSON.parse(this.safe.decryptString(readFileSync(this.path))) as Record<string, string>;
  }

  private write(values: Record<string, string>) {
    if (!this.safe.isEncryptionAvailable())
      throw new Error('the OS keychain is not available: secrets cannot be stored safely');
    writeFileSync(`${this.path}.tmp`, this.safe.encryptString(JSON.stringify(values)), { mode: 0o600 });
    renameSync(`${this.path}.tmp`, this.path);
  }

  get(name: string): string | undefined {
    return this.read()[name];
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: value });
  }

  delete(name: string): void {
    const { [name]: _gone, ...rest } = this.read();
    this.write(rest);
  }
}
